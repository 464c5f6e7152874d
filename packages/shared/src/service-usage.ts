import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema, versionSchema } from './ids';
import { personRefSchema } from './families';
import { referenceCostSchema } from './reference-costs';

/** Usage is recorded for one day, or for a whole month in one entry (dated on the month's first day). */
export const usagePeriods = ['day', 'month'] as const;
export const usagePeriodSchema = z.enum(usagePeriods);
export type UsagePeriod = z.infer<typeof usagePeriodSchema>;

/** Where an entry came from: the usage form, or a service's monthly CSV file. */
export const usageSources = ['form', 'csv'] as const;

/** Units of a service, with up to two decimals (e.g. 1.5 hours). */
export const usageUnitsSchema = z.number().min(0).max(100_000).multipleOf(0.01);

/** A calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');
export type Month = z.infer<typeof monthSchema>;

const usageNoteSchema = z.string().trim().max(1_000);

export const serviceUsageParamsSchema = z.strictObject({ familyId: idSchema, usageId: idSchema });
export type ServiceUsageParams = z.infer<typeof serviceUsageParamsSchema>;

/** A service records what it provided to the family: on a day, or in a month. */
export const recordServiceUsageSchema = z
  .strictObject({
    serviceRoleId: idSchema,
    period: usagePeriodSchema,
    /** The day; for a month, the month's first day. */
    usedOn: isoDateSchema,
    units: usageUnitsSchema,
    note: usageNoteSchema.default(''),
  })
  .refine((usage) => usage.period === 'day' || usage.usedOn.endsWith('-01'), {
    path: ['usedOn'],
    message: "A month is recorded on the month's first day",
  });
export type RecordServiceUsage = z.infer<typeof recordServiceUsageSchema>;

/** A correction is a new version of the entry; a correction to 0 units takes back what was recorded. */
export const correctServiceUsageSchema = z.strictObject({
  units: usageUnitsSchema.optional(),
  note: usageNoteSchema.optional(),
  version: versionSchema,
});
export type CorrectServiceUsage = z.infer<typeof correctServiceUsageSchema>;

export const usageServiceSchema = z.object({ id: idSchema, name: localizedTextSchema, unit: z.string() });
export type UsageService = z.infer<typeof usageServiceSchema>;

/** One recorded entry, priced by the price period valid on its date (a month's on its first day). */
export const serviceUsageSchema = z.object({
  id: idSchema,
  serviceRoleId: idSchema,
  service: usageServiceSchema,
  period: usagePeriodSchema,
  usedOn: isoDateSchema,
  units: z.number(),
  note: z.string(),
  source: z.enum(usageSources),
  /** The unit price that applies to this entry, in cents. */
  unitCostCents: z.number().int(),
  /** units × unit price, rounded to whole cents. */
  costCents: z.number().int(),
  recordedBy: personRefSchema,
  version: versionSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ServiceUsage = z.infer<typeof serviceUsageSchema>;

/** Newest first; a worker gets only their own service's entries. */
export const serviceUsageListSchema = z.object({ usage: z.array(serviceUsageSchema) });
export type ServiceUsageList = z.infer<typeof serviceUsageListSchema>;

/** What one service cost the family in one month. */
export const monthlyServiceCostSchema = z.object({ serviceId: idSchema, units: z.number(), costCents: z.number().int() });

export const monthlyCostSchema = z.object({
  month: monthSchema,
  services: z.array(monthlyServiceCostSchema),
  costCents: z.number().int(),
  /** Everything since the case opened, through this month. */
  cumulativeCents: z.number().int(),
  /** Services whose role in the plan ran in this month. */
  serviceCount: z.number().int(),
});
export type MonthlyCost = z.infer<typeof monthlyCostSchema>;

/** The family's cost month by month since the case opened; a worker's covers only their own service. */
export const familyCostsSchema = z.object({
  scope: z.enum(['family', 'own-services']),
  openedOn: isoDateSchema,
  services: z.array(usageServiceSchema),
  /** Oldest first, from the month the case opened. */
  months: z.array(monthlyCostSchema),
  totalCents: z.number().int(),
  referenceCosts: z.array(referenceCostSchema),
});
export type FamilyCosts = z.infer<typeof familyCostsSchema>;

/** What the family sees: the services it received, in units and months, without prices. */
export const familyUsageSummarySchema = z.object({
  services: z.array(
    z.object({
      service: usageServiceSchema,
      months: z.array(z.object({ month: monthSchema, units: z.number() })),
    }),
  ),
});
export type FamilyUsageSummary = z.infer<typeof familyUsageSummarySchema>;

/** Why a line of a usage file cannot be stored; the client words it by this code. */
export const usageCsvProblems = [
  'header',
  'no_rows',
  'too_many_rows',
  'columns',
  'unknown_family',
  'unknown_service',
  'bad_month',
  'bad_units',
  'note_too_long',
  'duplicate_row',
  'not_active_in_month',
  'already_recorded',
  'case_closed',
] as const;

/** One problem of one line of a service's monthly usage file (a line may have several). */
export const usageCsvErrorSchema = z.object({
  line: z.number().int().min(1),
  problem: z.enum(usageCsvProblems),
  /** The reason in English, for logs and API users. */
  reason: z.string(),
  /** With `duplicate_row`: the earlier line with the same family, service and month. */
  duplicateOf: z.number().int().optional(),
});
export type UsageCsvError = z.infer<typeof usageCsvErrorSchema>;

/** A parsed row of a usage file. */
export const usageCsvRowSchema = z.object({
  line: z.number().int().min(1),
  familyId: idSchema,
  serviceId: idSchema,
  month: monthSchema,
  units: z.number(),
  note: z.string(),
});
export type UsageCsvRow = z.infer<typeof usageCsvRowSchema>;

/**
 * The answer to a usage file: the rows it holds and every line at fault. `stored` is true only
 * when the file was imported, which happens only when it has no errors at all.
 */
export const usageCsvResultSchema = z.object({
  rows: z.array(usageCsvRowSchema),
  errors: z.array(usageCsvErrorSchema),
  stored: z.boolean(),
});
export type UsageCsvResult = z.infer<typeof usageCsvResultSchema>;

/** A service's monthly usage as CSV text: a header line `family,service,month,units[,note]`, then one row per line. */
export const usageCsvSchema = z.string().min(1).max(1_000_000);
