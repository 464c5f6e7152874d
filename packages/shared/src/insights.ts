import { z } from 'zod';
import { idSchema, isoDateTimeSchema, localizedTextSchema } from './ids';
import { cursorSchema, pageLimitSchema } from './paging';
import { monthSchema } from './service-usage';

/**
 * The manager's area: de-identified aggregates only. A figure drawn from fewer than
 * `MIN_FAMILIES_PER_FIGURE` families is never sent: it comes as null with `suppressed: true`,
 * and so does any figure that would let it be worked out from a total and the other figures.
 */
export const MIN_FAMILIES_PER_FIGURE = 5;

const suppressedSchema = z.object({ suppressed: z.literal(true), costCents: z.null(), families: z.null() });

/** A cost, in cents, and how many families it was drawn from. */
export const costCellSchema = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), costCents: z.number().int(), families: z.number().int() }),
  suppressedSchema,
]);
export type CostCell = z.infer<typeof costCellSchema>;

/** A number of families. */
export const countCellSchema = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), families: z.number().int() }),
  z.object({ suppressed: z.literal(true), families: z.null() }),
]);
export type CountCell = z.infer<typeof countCellSchema>;

/** Costs by row (a service or an organisation) and column (a month `YYYY-MM` or a year `YYYY`), with totals. */
export const costTableSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.object({ label: localizedTextSchema, cells: z.array(costCellSchema), total: costCellSchema })),
  columnTotals: z.array(costCellSchema),
  total: costCellSchema,
});
export type CostTable = z.infer<typeof costTableSchema>;

/** The spread of the yearly cost of one family's services: never a list of families. */
export const costPerFamilySchema = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    families: z.number().int(),
    lowerQuartileCents: z.number().int(),
    medianCents: z.number().int(),
    upperQuartileCents: z.number().int(),
  }),
  z.object({
    suppressed: z.literal(true),
    families: z.null(),
    lowerQuartileCents: z.null(),
    medianCents: z.null(),
    upperQuartileCents: z.null(),
  }),
]);
export type CostPerFamily = z.infer<typeof costPerFamilySchema>;

const yearParam = z.coerce.number().int().min(2000).max(2100);

export const insightsCostsQuerySchema = z.strictObject({
  /** The year of the monthly tables and the per-family figures; this year by default. */
  year: yearParam.optional(),
});

/**
 * A page of a cost table's rows, the largest cost first, with the table's columns and its totals
 * over every row. A page is a slice of the one table, suppressed as a whole, so no page shows what
 * the whole hides.
 */
export const costTablePageSchema = costTableSchema.extend({
  /** Pass as `cursor` to the table's own list (e.g. `/insights/costs/by-service-month`) for the next page; null on the last. */
  nextCursor: cursorSchema.nullable(),
  /** The rows of the table in all, on every page. */
  count: z.number().int().min(0),
});
export type CostTablePage = z.infer<typeof costTablePageSchema>;

/** The cost tables whose rows come a page at a time: their key in `/insights/costs`, and their list's path under it. */
export const COST_TABLE_LISTS = {
  byServiceMonth: 'by-service-month',
  byOrganisationMonth: 'by-organisation-month',
  byServiceYear: 'by-service-year',
} as const;
export type CostTableName = keyof typeof COST_TABLE_LISTS;

export const costTablePageQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type CostTablePageQuery = z.infer<typeof costTablePageQuerySchema>;

/** The rows of a year's monthly table: the year as in `/insights/costs` (this year by default). */
export const monthlyCostPageQuerySchema = costTablePageQuerySchema.extend({ year: yearParam.optional() });

export const insightsCostsSchema = z.object({
  year: z.number().int(),
  /** Years with priced usage, oldest first. */
  years: z.array(z.number().int()),
  /** Each table's first page (`DEFAULT_PAGE_SIZE` rows, the largest cost first) and its totals over every row. */
  byServiceMonth: costTablePageSchema,
  byOrganisationMonth: costTablePageSchema,
  byServiceYear: costTablePageSchema,
  perFamily: costPerFamilySchema,
});
export type InsightsCosts = z.infer<typeof insightsCostsSchema>;

/**
 * What to compare: two calendar years (`mode=years&before=2024&after=2025`), or the first and
 * second case year of the families whose case opened in a year (`mode=case-years&opened=2023`);
 * nothing for the default. Arbitrary date ranges are refused on purpose: two overlapping ranges
 * could be subtracted to give away a month that every table hides.
 */
export const insightsChangeQuerySchema = z
  .strictObject({
    mode: z.enum(['years', 'case-years']).optional(),
    before: yearParam.optional(),
    after: yearParam.optional(),
    opened: yearParam.optional(),
  })
  .superRefine((query, context) => {
    const needs = { years: ['before', 'after'], 'case-years': ['opened'] } as const;
    const needed: readonly string[] = query.mode === undefined ? [] : needs[query.mode];
    for (const field of ['before', 'after', 'opened'] as const) {
      const given = query[field] !== undefined;
      if (given && !needed.includes(field))
        context.addIssue({ code: 'custom', path: [field], message: `Not a part of ${query.mode ?? 'the default'} comparison` });
      if (!given && needed.includes(field)) context.addIssue({ code: 'custom', path: [field], message: 'Required' });
    }
    if (query.before !== undefined && query.after !== undefined && query.before >= query.after)
      context.addIssue({ code: 'custom', path: ['after'], message: 'The year after must be later than the year before' });
  })
  .transform((query): { mode: 'years'; before: number; after: number } | { mode: 'case-years'; opened: number } | null =>
    query.mode === 'years'
      ? { mode: 'years', before: query.before!, after: query.after! }
      : query.mode === 'case-years'
        ? { mode: 'case-years', opened: query.opened! }
        : null,
  );
/** A comparison asked for, or null for the default. */
export type InsightsChangeRequest = z.output<typeof insightsChangeQuerySchema>;

/** A change from before to after, in cents and in per cent of before. */
export const differenceCellSchema = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    /** After minus before; null when the two cannot be compared (a cost per family with usage where one side had none). */
    cents: z.number().int().nullable(),
    /** Of before, one decimal; null when before is 0 or the cents are null. */
    percent: z.number().nullable(),
  }),
  z.object({ suppressed: z.literal(true), cents: z.null(), percent: z.null() }),
]);
export type DifferenceCell = z.infer<typeof differenceCellSchema>;

/** One line of a comparison: hidden wherever a figure it is drawn from is hidden. */
export const changeFiguresSchema = z.object({
  /** The cost before, with the families it was drawn from (those with usage). */
  before: costCellSchema,
  after: costCellSchema,
  difference: differenceCellSchema,
  /**
   * The cost per family: per family with usage when years are compared, per family of the cohort
   * when case years are. `families` is the same as in `before`.
   */
  perFamilyBefore: costCellSchema,
  perFamilyAfter: costCellSchema,
  perFamilyDifference: differenceCellSchema,
});
export type ChangeFigures = z.infer<typeof changeFiguresSchema>;

const changeRowsSchema = z.array(changeFiguresSchema.extend({ label: localizedTextSchema }));

export const changeComparisonSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('years'),
    before: z.number().int(),
    after: z.number().int(),
    rows: changeRowsSchema,
    total: changeFiguresSchema,
  }),
  z.object({
    mode: z.literal('case-years'),
    /** The year the cohort's cases opened; before is each family's first 12 case months, after the next 12. */
    opened: z.number().int(),
    /** How many families the cohort has; the whole comparison is hidden when fewer than five. */
    cohort: countCellSchema,
    rows: changeRowsSchema,
    total: changeFiguresSchema,
  }),
]);
export type ChangeComparison = z.infer<typeof changeComparisonSchema>;

export const insightsChangeSchema = z.object({
  /** Years with priced usage, oldest first: the years `mode=years` can compare. */
  years: z.array(z.number().int()),
  /** Years of opening whose every family has had 24 case months before this month, oldest first. */
  cohorts: z.array(z.number().int()),
  /** Null when nothing was asked for and there are not two years with usage to compare. */
  comparison: changeComparisonSchema.nullable(),
});
export type InsightsChange = z.infer<typeof insightsChangeSchema>;

/** Families by a count (services in the plan, or open families of a coordinator), with the total. */
export const distributionSchema = z.object({
  buckets: z.array(z.object({ label: z.string(), families: countCellSchema })),
  total: countCellSchema,
});
export type Distribution = z.infer<typeof distributionSchema>;

/**
 * A page of the coordinators' caseloads: each coordinator's open families, the largest first, as
 * buckets labelled by rank (`1` the largest); coordinators are not named. `total` is every open
 * family of a coordinator. A page is a slice of the one distribution of every coordinator,
 * suppressed as a whole, so no page shows what the whole hides.
 */
export const caseloadPageSchema = distributionSchema.extend({
  /** Pass as `cursor` to `/insights/caseloads/coordinators` for the next page; null on the last. */
  nextCursor: cursorSchema.nullable(),
  /** The coordinators with open families in all, on every page. */
  count: z.number().int().min(0),
});
export type CaseloadPage = z.infer<typeof caseloadPageSchema>;

export const caseloadPageQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type CaseloadPageQuery = z.infer<typeof caseloadPageQuerySchema>;

export const insightsCaseloadsSchema = z.object({
  /** Open families by how many services have an accepted role in their plan; the last bucket is "6 or more". */
  servicesPerFamily: distributionSchema,
  /** The first page (`DEFAULT_PAGE_SIZE`) of the coordinators, the largest caseloads first, and the total. */
  caseloads: caseloadPageSchema,
});
export type InsightsCaseloads = z.infer<typeof insightsCaseloadsSchema>;

/** One line of an imported historical file, as the file gave it, with our own per-client figure beside it. */
export const historicalServiceCostSchema = z.object({
  year: z.number().int(),
  service: z.object({ fi: z.string(), en: z.string() }),
  clients: z.number().int(),
  totalCostCents: z.number().int(),
  /** The file's own figure, kept as reported: it need not be total / clients. */
  reportedCostPerClientCents: z.number().int().nullable(),
  /** total / clients, rounded to a cent; null with no clients. */
  computedCostPerClientCents: z.number().int().nullable(),
});
export type HistoricalServiceCost = z.infer<typeof historicalServiceCostSchema>;

export const historicalYearTotalSchema = z.object({
  year: z.number().int(),
  clients: z.number().int(),
  totalCostCents: z.number().int(),
});

export const historicalCostImportSchema = z.object({
  id: idSchema,
  source: z.string(),
  importedAt: isoDateTimeSchema,
  rows: z.array(historicalServiceCostSchema),
  yearTotals: z.array(historicalYearTotalSchema),
});
export type HistoricalCostImport = z.infer<typeof historicalCostImportSchema>;

export const historicalCostImportListSchema = z.object({ imports: z.array(historicalCostImportSchema) });

/** What a file would import: every line checked, nothing stored. */
export const historicalCostPreviewSchema = z.object({
  valid: z.boolean(),
  rows: z.array(historicalServiceCostSchema),
  yearTotals: z.array(historicalYearTotalSchema),
  /** Every bad line with its number in the file (the header is line 1) and why. */
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type HistoricalCostPreview = z.infer<typeof historicalCostPreviewSchema>;

export const historicalCostImportQuerySchema = z.strictObject({
  /** Where the figures come from, e.g. the file's name. */
  source: z.string().trim().min(1).max(200).optional(),
});

/** The columns a historical cost file has, in this order. */
export const historicalCostColumns = [
  'year',
  'service_fi',
  'service_en',
  'clients',
  'total_cost_eur',
  'reported_cost_per_client_eur',
] as const;

const forecastBandSchema = z.object({
  expectedCents: z.number().int(),
  /** The band's edges: the cost lies between them with the forecast's confidence, if the trend goes on. Never below 0. */
  lowerCents: z.number().int(),
  upperCents: z.number().int(),
});

/**
 * Next year's cost of one service (or of all) from the trend of its published monthly costs. The
 * history is the months the line was fitted to: only figures the monthly tables show, so a forecast
 * gives away nothing they hide. Unavailable with fewer than 12 such months.
 */
export const costForecastSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    fittedMonths: z.number().int(),
    slopeCentsPerMonth: z.number().int(),
    history: z.array(z.object({ month: monthSchema, costCents: z.number().int() })),
    /** Each month of the forecast year with its own band. */
    months: z.array(forecastBandSchema.extend({ month: monthSchema })),
    year: forecastBandSchema,
  }),
  z.object({
    available: z.literal(false),
    fittedMonths: z.number().int(),
    history: z.array(z.object({ month: monthSchema, costCents: z.number().int() })),
  }),
]);
export type CostForecast = z.infer<typeof costForecastSchema>;

/**
 * A page of the services' forecasts: the largest expected cost first, then those without a
 * forecast, by name. A forecast is built only from shown figures, so its order tells nothing hidden.
 */
export const forecastServicePageSchema = z.object({
  forecasts: z.array(z.object({ label: localizedTextSchema, forecast: costForecastSchema })),
  /** Pass as `cursor` to `/insights/forecast/services` for the next page; null on the last. */
  nextCursor: cursorSchema.nullable(),
  /** The services in all, on every page. */
  count: z.number().int().min(0),
});
export type ForecastServicePage = z.infer<typeof forecastServicePageSchema>;

export const forecastServicePageQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type ForecastServicePageQuery = z.infer<typeof forecastServicePageQuerySchema>;

export const insightsForecastSchema = z.object({
  /** The year forecast: next year. */
  year: z.number().int(),
  /** The months the lines are fitted to: the last 36 complete months. */
  fittedFrom: monthSchema,
  fittedTo: monthSchema,
  /** The probability that the band holds the year's cost, e.g. 0.8. */
  confidence: z.number(),
  total: costForecastSchema,
  /** The first page (`DEFAULT_PAGE_SIZE`) of the services' forecasts. */
  services: forecastServicePageSchema,
});
export type InsightsForecast = z.infer<typeof insightsForecastSchema>;
