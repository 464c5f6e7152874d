import type { FormErrors } from '@mantine/form';
import { isApiError } from './api-client';
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

/**
 * After the API refused a save as invalid, puts the given translation key on each form field the
 * refusal names (`body.endedOn` → `endedOn`); true when it named any of them.
 */
export function showRefusedFields(
  form: { setFieldError: (path: string, error: string) => void },
  error: unknown,
  keys: Record<string, string>,
): boolean {
  if (!isApiError(error, 'validation_failed')) return false;
  const named = Object.entries(keys).filter(([field]) => error.fields.includes(`body.${field}`));
  for (const [field, key] of named) form.setFieldError(field, key);
  return named.length > 0;
}
