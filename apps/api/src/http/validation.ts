import type { FieldError } from '@yhdessa/shared';
import type { ZodType } from 'zod';
import { AppError } from '../core/app-error';

/**
 * The one rule for text in every request part: control characters other than tab, line feed and
 * carriage return (C0, DEL, C1) and lone UTF-16 surrogates are refused, never stripped, so what is
 * stored is exactly what was sent (PostgreSQL cannot store NUL, and a lone surrogate would turn
 * into U+FFFD or fail as JSON).
 */
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TEXT_RULE = 'Contains a control character or an invalid character (lone surrogate); remove it.';

/** Walks every string and field name of a request part; with a stack of its own, as a body may nest thousands deep. */
function textFaults(value: unknown, part: string): FieldError[] {
  const faults: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: part }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (FORBIDDEN_CHARACTERS.test(next.value)) faults.push({ path: next.path, message: TEXT_RULE });
    } else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, item] of Object.entries(next.value)) {
        if (FORBIDDEN_CHARACTERS.test(key))
          faults.push({ path: next.path, message: 'A field name contains a control or invalid character.' });
        else pending.push({ value: item, path: `${next.path}.${key}` });
      }
    }
  }
  return faults;
}

/** Parses one part of a request; a failure lists every field at fault. */
export function parseRequestPart<T>(schema: ZodType<T>, value: unknown, part: 'params' | 'query' | 'body'): T {
  const faults = textFaults(value, part);
  if (faults.length > 0)
    throw new AppError('validation_failed', `The request ${part} has ${faults.length} problem(s).`, { errors: faults });
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError('validation_failed', `The request ${part} has ${errors.length} problem(s).`, { errors });
}
