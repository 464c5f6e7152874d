import { z } from 'zod';

export const idSchema = z.uuid();
/** A calendar date without time, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();
/** A moment in UTC, ISO 8601. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** The largest number a PostgreSQL `integer` column holds: counts, versions and sequence numbers stay below it. */
export const MAX_STORED_INTEGER = 2_147_483_647;
/** The optimistic-concurrency version every editable record carries. */
export const versionSchema = z.number().int().min(1).max(MAX_STORED_INTEGER);

/** Text in every language the product speaks; Finnish is always present. */
export const localizedTextSchema = z.object({
  fi: z.string(),
  sv: z.string().optional(),
  en: z.string().optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];
