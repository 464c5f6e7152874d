import type { z } from 'zod';

/** The fields a failed parse of a shared schema found fault with, by their top-level name. */
export function invalidFields(error: z.ZodError): ReadonlySet<string> {
  return new Set(error.issues.map((issue) => String(issue.path[0] ?? '')));
}
