import type { FieldError } from '@yhdessa/shared';
import type { ZodType } from 'zod';
import { AppError } from './app-error';

/** Parses one part of a request; a failure lists every field at fault. */
export function parseRequestPart<T>(schema: ZodType<T>, value: unknown, part: 'params' | 'query' | 'body'): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError('validation_failed', `The request ${part} has ${errors.length} problem(s).`, { errors });
}
