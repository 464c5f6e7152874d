import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, versionSchema } from './ids';

/**
 * Outcome-based contracts (Program, "tulosperusteinen sopimus", SIB): payers pay a provider or
 * fund for outcomes reached by the families enrolled, each outcome computed by the product from
 * its own data (usage of services, wellbeing meters, goal endings), never typed in.
 */

/** How each outcome is computed; see `programMetricDefinitionSchema` for the exact rules. */
export const programMetricKinds = ['lives_at_home', 'wellbeing_improved', 'goal_reached'] as const;
export const programMetricKindSchema = z.enum(programMetricKinds);
export type ProgramMetricKind = z.infer<typeof programMetricKindSchema>;

const monthsSchema = z.number().int().min(1).max(60);

/**
 * Each outcome is decided once per enrolment, on a day:
 * - `lives_at_home`: due `months` calendar months after the enrolment day; reached on that day
 *   when the family used none of `placementServiceIds` from the enrolment day to the due day (a
 *   usage recorded per month counts when its month overlaps that span); missed otherwise.
 * - `wellbeing_improved`: the baseline is the earliest wellbeing meter taken from 90 days before
 *   to 30 days after the enrolment day; reached on the day of the first later meter by the same
 *   member, taken from the enrolment day to `months` after it, that scores at least `steps` higher in at least
 *   `domains` domains answered in both; missed when none has by then.
 * - `goal_reached`: reached on the ending day of the first goal of the family that ended reached
 *   (or, with an attainment scale, at the expected level or above) from the enrolment day to
 *   `months` after it; missed when none has by then. A goal reopened no longer counts.
 * An enrolment that ended before an outcome was decided leaves it `not_measurable`; so does a
 * wellbeing outcome with no baseline meter. A family whose guardian withdrew consent is left out
 * of every report and trace from then on, for every period.
 */
export const programMetricDefinitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('lives_at_home'),
    months: monthsSchema,
    placementServiceIds: z.array(idSchema).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal('wellbeing_improved'),
    months: monthsSchema,
    steps: z.number().int().min(1).max(4),
    domains: z.number().int().min(1).max(9),
  }),
  z.strictObject({ kind: z.literal('goal_reached'), months: monthsSchema }),
]);
export type ProgramMetricDefinition = z.infer<typeof programMetricDefinitionSchema>;

export const PROGRAM_NAME_MAX = 200;
export const PROGRAM_TEXT_MAX = 2000;
/** The largest payment per outcome, in cents (1,000,000 €). */
export const PROGRAM_PAYMENT_MAX_CENTS = 100_000_000;

/** A share of decided outcomes, in per cent (0-100). */
const rateSchema = z.number().min(0).max(100);

export const newProgramMetricSchema = z.strictObject({
  name: z.string().trim().min(1).max(PROGRAM_NAME_MAX),
  definition: programMetricDefinitionSchema,
  /** The share expected without the programme, from the contract. */
  baselineRate: rateSchema,
  /** The share the contract aims at. */
  targetRate: rateSchema,
  /** What a payer pays the provider for each outcome reached. */
  paymentCents: z.number().int().min(0).max(PROGRAM_PAYMENT_MAX_CENTS),
});
export type NewProgramMetric = z.infer<typeof newProgramMetricSchema>;

export const programMetricSchema = newProgramMetricSchema.extend({ id: idSchema });
export type ProgramMetric = z.infer<typeof programMetricSchema>;

/** Who the programme is for; the product checks the ages when a family is enrolled. */
export const programTargetGroupSchema = z
  .strictObject({
    description: z.string().trim().max(PROGRAM_TEXT_MAX),
    /** At least one child of the family is this old or older in the enrolment year (by birth year). */
    childAgeMin: z.number().int().min(0).max(25),
    childAgeMax: z.number().int().min(0).max(25),
  })
  .refine((group) => group.childAgeMin <= group.childAgeMax, {
    message: 'The youngest age must not be above the oldest.',
    path: ['childAgeMax'],
  });
export type ProgramTargetGroup = z.infer<typeof programTargetGroupSchema>;

export const programPayerSchema = z.object({ id: idSchema, name: z.string() });
export type ProgramPayer = z.infer<typeof programPayerSchema>;

const programFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(PROGRAM_NAME_MAX),
  /** The provider or fund that is paid. */
  provider: z.string().trim().min(1).max(PROGRAM_NAME_MAX),
  description: z.string().trim().max(PROGRAM_TEXT_MAX).default(''),
  targetGroup: programTargetGroupSchema,
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
});

const periodInOrder = (program: { startsOn: string; endsOn: string }) => program.startsOn <= program.endsOn;
const periodMessage = { message: 'The programme must not end before it starts.', path: ['endsOn'] };

/** A manager creates a programme with its payers (municipalities) and outcome metrics. */
export const createProgramSchema = programFieldsSchema
  .extend({
    payers: z.array(z.string().trim().min(1).max(PROGRAM_NAME_MAX)).min(1).max(50),
    metrics: z.array(newProgramMetricSchema).min(1).max(20),
  })
  .refine(periodInOrder, periodMessage);
export type CreateProgram = z.infer<typeof createProgramSchema>;

/**
 * The fields a manager may change later. Payers may be added, never removed. Metrics are part of
 * the contract: they may change only while no family is enrolled (409 `program_metrics_fixed`).
 */
export const updateProgramSchema = programFieldsSchema
  .extend({
    version: versionSchema,
    addPayers: z.array(z.string().trim().min(1).max(PROGRAM_NAME_MAX)).max(50).default([]),
    metrics: z.array(newProgramMetricSchema).min(1).max(20).optional(),
  })
  .refine(periodInOrder, periodMessage);
export type UpdateProgram = z.infer<typeof updateProgramSchema>;

export const programSchema = z.object({
  id: idSchema,
  name: z.string(),
  provider: z.string(),
  description: z.string(),
  targetGroup: programTargetGroupSchema,
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  payers: z.array(programPayerSchema),
  metrics: z.array(programMetricSchema),
  /** Families enrolled now, and ever (those who withdrew consent not counted). */
  enrolledNow: z.number().int(),
  enrolledEver: z.number().int(),
  version: versionSchema,
  can: z.object({ edit: z.boolean(), changeMetrics: z.boolean() }),
});
export type Program = z.infer<typeof programSchema>;

export const programListSchema = z.object({ programs: z.array(programSchema), can: z.object({ create: z.boolean() }) });
export type ProgramList = z.infer<typeof programListSchema>;

export const programParamsSchema = z.strictObject({ programId: idSchema });

// Enrolment

export const enrolmentEndReasons = ['left', 'case_closed', 'moved', 'consent_withdrawn'] as const;
export const enrolmentEndReasonSchema = z.enum(enrolmentEndReasons);
export type EnrolmentEndReason = z.infer<typeof enrolmentEndReasonSchema>;

/** Where one outcome of one enrolment stands today. */
export const outcomeStatuses = ['reached', 'missed', 'pending', 'not_measurable'] as const;
export const outcomeStatusSchema = z.enum(outcomeStatuses);
export type OutcomeStatus = z.infer<typeof outcomeStatusSchema>;

export const enrolmentOutcomeSchema = z.object({
  metricId: idSchema,
  status: outcomeStatusSchema,
  /** The day it is decided: due for pending and missed, the day reached for reached. */
  decidedOn: isoDateSchema.nullable(),
  /** Why not measurable: the enrolment ended first, or no baseline meter. */
  reason: z.enum(['ended_before_due', 'no_baseline']).nullable(),
});
export type EnrolmentOutcome = z.infer<typeof enrolmentOutcomeSchema>;

/** A family's enrolment, as its coordinator and its members see it. */
export const programEnrolmentSchema = z.object({
  id: idSchema,
  program: z.object({ id: idSchema, name: z.string(), provider: z.string(), metrics: z.array(programMetricSchema) }),
  payer: programPayerSchema,
  enrolledOn: isoDateSchema,
  /** The guardian who consented, and the day. */
  consentGivenBy: z.object({ id: idSchema, name: z.string() }),
  consentGivenOn: isoDateSchema,
  endedOn: isoDateSchema.nullable(),
  endReason: enrolmentEndReasonSchema.nullable(),
  outcomes: z.array(enrolmentOutcomeSchema),
  version: versionSchema,
  can: z.object({ end: z.boolean(), withdrawConsent: z.boolean() }),
});
export type ProgramEnrolment = z.infer<typeof programEnrolmentSchema>;

export const programEnrolmentListSchema = z.object({
  enrolments: z.array(programEnrolmentSchema),
  /** Programmes this family could be enrolled in now (the coordinator only; empty for others). */
  open: z.array(programSchema.pick({ id: true, name: true, provider: true, payers: true, targetGroup: true })),
  can: z.object({ enrol: z.boolean() }),
});
export type ProgramEnrolmentList = z.infer<typeof programEnrolmentListSchema>;

export const enrolmentParamsSchema = z.strictObject({ familyId: idSchema, enrolmentId: idSchema });

/** The coordinator enrols a family whose guardian has consented (not in the future). */
export const enrolFamilySchema = z.strictObject({
  programId: idSchema,
  payerId: idSchema,
  enrolledOn: isoDateSchema,
  consentGivenBy: idSchema,
  consentGivenOn: isoDateSchema,
});
export type EnrolFamily = z.infer<typeof enrolFamilySchema>;

/** The coordinator records that the family left the programme; consent withdrawal has its own route. */
export const endEnrolmentSchema = z.strictObject({
  version: versionSchema,
  endedOn: isoDateSchema,
  reason: z.enum(['left', 'case_closed', 'moved']),
});
export type EndEnrolment = z.infer<typeof endEnrolmentSchema>;

export const withdrawEnrolmentConsentSchema = z.strictObject({ version: versionSchema });

// Report

/** A report covers whole days from `from` to `to`, both included, at most 10 years. */
export const programReportQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((period) => period.from <= period.to, { message: '`from` must not be after `to`.', path: ['to'] });
export type ProgramReportQuery = z.infer<typeof programReportQuerySchema>;

/**
 * One metric's figures for the period. Counts are exact: a payment cannot be hidden, and each
 * count can be traced to its rows (pseudonymous for the manager, named for the coordinator's own).
 */
export const outcomeFiguresSchema = z.object({
  /** Outcomes reached in the period: what is paid for. */
  reached: z.number().int(),
  /** Outcomes due in the period that were missed. */
  missed: z.number().int(),
  /** reached / (reached + missed) in per cent; null when nothing was decided. */
  rate: z.number().nullable(),
  paymentDueCents: z.number().int(),
});
export type OutcomeFigures = z.infer<typeof outcomeFiguresSchema>;

export const programReportSchema = z.object({
  program: programSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  metrics: z.array(
    z.object({
      metricId: idSchema,
      total: outcomeFiguresSchema,
      byPayer: z.array(z.object({ payerId: idSchema, figures: outcomeFiguresSchema })),
    }),
  ),
  payers: z.array(
    z.object({
      payerId: idSchema,
      enrolledAtEnd: z.number().int(),
      paymentDueCents: z.number().int(),
    }),
  ),
  enrolledAtEnd: z.number().int(),
  paymentDueCents: z.number().int(),
  /** What the enrolled families' services cost in the period while enrolled, priced as the cost views price them. */
  costCents: z.number().int(),
  /** costCents / all outcomes reached in the period; null when none was reached. */
  costPerOutcomeCents: z.number().int().nullable(),
  generatedAt: isoDateTimeSchema,
});
export type ProgramReport = z.infer<typeof programReportSchema>;

/** Which rows to list: one metric's outcomes of one status, or all; one payer's, or all. */
export const programReportRowsQuerySchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    metricId: idSchema.optional(),
    payerId: idSchema.optional(),
    status: z.enum(['reached', 'missed']).optional(),
  })
  .refine((period) => period.from <= period.to, { message: '`from` must not be after `to`.', path: ['to'] });
export type ProgramReportRowsQuery = z.infer<typeof programReportRowsQuerySchema>;

/** A row as the manager sees it: a pseudonym fixed at enrolment, months not days, no family. */
export const pseudonymousOutcomeRowSchema = z.object({
  pseudonym: z.string(),
  payerId: idSchema,
  metricId: idSchema,
  status: z.enum(['reached', 'missed']),
  enrolledMonth: z.string().regex(/^\d{4}-\d{2}$/),
  decidedMonth: z.string().regex(/^\d{4}-\d{2}$/),
});
export type PseudonymousOutcomeRow = z.infer<typeof pseudonymousOutcomeRowSchema>;

/** A row as the family's own coordinator sees it. */
export const familyOutcomeRowSchema = z.object({
  family: z.object({ id: idSchema, name: z.string() }),
  payerId: idSchema,
  metricId: idSchema,
  status: z.enum(['reached', 'missed']),
  enrolledOn: isoDateSchema,
  decidedOn: isoDateSchema,
});
export type FamilyOutcomeRow = z.infer<typeof familyOutcomeRowSchema>;

export const programReportRowsSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('pseudonymous'), rows: z.array(pseudonymousOutcomeRowSchema) }),
  /** Only the caller's own families; `othersNotShown` counts the rows of other coordinators' families. */
  z.object({ view: z.literal('own-families'), rows: z.array(familyOutcomeRowSchema), othersNotShown: z.number().int() }),
]);
export type ProgramReportRows = z.infer<typeof programReportRowsSchema>;
