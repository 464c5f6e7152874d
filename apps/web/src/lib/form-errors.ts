import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** The fields a failed parse of a shared schema found fault with, by their top-level name. */
export function invalidFields(error: z.ZodError): ReadonlySet<string> {
  return new Set(error.issues.map((issue) => String(issue.path[0] ?? '')));
}

/**
 * A form field's error in the user's language. Forms validate to translation keys, so an error
 * on screen follows a language switch.
 */
export function fieldError(t: TFunction, errors: FormErrors, field: string): string | undefined {
  const key = errors[field];
  return typeof key === 'string' ? t(key) : undefined;
}
