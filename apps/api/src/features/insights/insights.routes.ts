import {
  historicalCostImportListSchema,
  historicalCostImportQuerySchema,
  historicalCostImportSchema,
  historicalCostPreviewSchema,
  caseloadPageQuerySchema,
  caseloadPageSchema,
  insightsCaseloadsSchema,
  insightsChangeQuerySchema,
  insightsChangeSchema,
  insightsCostsQuerySchema,
  insightsCostsSchema,
  insightsForecastSchema,
  COST_TABLE_LISTS,
  costTablePageQuerySchema,
  costTablePageSchema,
  type CostTableName,
  forecastServicePageQuerySchema,
  forecastServicePageSchema,
  monthlyCostPageQuerySchema,
  DEFAULT_PAGE_SIZE,
  insightsOutcomesSchema,
  outcomeServicePageQuerySchema,
  outcomeServicePageSchema,
  MIN_FAMILIES_PER_FIGURE,
  WELLBEING_FOLLOW_UP_DAYS,
  WELLBEING_IMPROVED_DOMAINS,
} from '@yhdessa/shared';
import { z } from 'zod';
import { municipalityDate, municipalityMonth } from '../../core/clock';
import type { Queryable } from '../../db/database';
import { defineRoute, type RouteAccess } from '../../http/route';
import { MIN_FITTED_MONTHS } from './cost-forecast';
import { importHistoricalCosts, previewHistoricalCosts, readHistoricalCosts } from './historical-costs.service';
import { CASELOAD_TABLES, createInsightsCache, OUTCOME_TABLES, USAGE_TABLES, type InsightsCache } from './insights-cache';
import { computeCaseloads, pageOfCaseloads, presentCaseloads } from './caseloads.service';
import { computeCosts, pageOfCostTable, presentCosts } from './costs.service';
import { buildForecast, pageOfForecasts, presentForecast } from './forecast.service';
import { readChange } from './insights.service';
import { computeOutcomes, pageOfServices, presentOutcomes } from './outcomes.service';
import { countUsageOfAllFamilies } from './usage-counts.repository';

/**
 * Managers see aggregates across families, never a family: no name, no id, no figure drawn from
 * fewer than five families. Administrators keep the system and see no figures of the services.
 */
const managersOnly = { kind: 'signed-in', roles: ['manager'] } as const satisfies RouteAccess;
/** Administrators may load a file for the managers, as they keep the other reference data. */
const importers = { kind: 'signed-in', roles: ['manager', 'admin'] } as const satisfies RouteAccess;

const aggregateOnly = `Aggregates only: a figure drawn from fewer than ${MIN_FAMILIES_PER_FIGURE} families comes as null with \`suppressed: true\`, and so does the next-smallest figure of a row or column that would otherwise give it away through the total. A figure that two tables both show (a year's monthly total is that year's cell by year) is hidden in both or in neither.`;

const historicalCostFile = `The body is the file itself as \`text/csv\` (UTF-8): a header line \`year,service_fi,service_en,clients,total_cost_eur,reported_cost_per_client_eur\`, then one line per service and year. Euros take a dot before at most two decimals; \`reported_cost_per_client_eur\` may be empty. It is the source's own figure and is kept as given, beside the computed total / clients. Quote a field that holds a comma ("..."). Every line is checked and the file is imported whole or not at all: the errors name each bad line by its number in the file (the header is line 1) and the reason.`;

const csvBody = z.string().min(1);

const changeMethod = `Compares the same cost figures for a period before and a period after, per service and in total: the cost, the families with usage, the cost per family, and the difference after minus before in cents and in per cent of before (null when before is 0). \`mode=years&before=YYYY&after=YYYY\` compares two calendar years with usage; every figure is a cell of the table by service and year of \`/insights/costs\` (with the same cells hidden) or is worked out from its cells, and the cost per family is per family with usage that year. \`mode=case-years&opened=YYYY\` takes the families whose case opened in that year (in Finnish time): each family's first 12 case months (the opening month and the 11 after it) against its next 12, added up over the cohort; a family whose case closed stays in with no cost after closing, and the cost per family is per family of the cohort. Only a cohort whose every family has had its 24 case months end before this month can be chosen, so its figures no longer change. Without a query: the last two whole years with usage, or the last two years with any. Arbitrary date ranges are not offered on purpose: two overlapping ranges could be subtracted to give away a month that every table hides. Each usage is priced at the price valid on the day used, so part of a change can be price rises. A difference is not proof of its cause: there is no control group. Aggregates only: a figure drawn from fewer than ${MIN_FAMILIES_PER_FIGURE} families comes as null with \`suppressed: true\`, and so does, in a cohort, a figure that leaves out 1 to ${MIN_FAMILIES_PER_FIGURE - 1} of its families, the next-smallest figure of a year's column that would give one away through the total, and a difference or cost per family drawn from a hidden figure. A cohort of fewer than ${MIN_FAMILIES_PER_FIGURE} families is hidden whole.`;

const outcomesMethod = `What the families' cases came to, in each calendar year (Finnish time) with data and in every year together, for each municipality (the families whose coordinator belongs to it), for each of the organisation's programmes (the families whose enrolment overlaps the year, leaving out families that withdrew their consent), and for each service (the families that used it that year, by recorded usage; a family's outcome of a year counts in a service's figures when the family used the service that year). Wellbeing: each family's first wellbeing meter is its baseline, against the latest meter of the same member taken at least ${WELLBEING_FOLLOW_UP_DAYS} days later (when several members have such a pair, the member with the earliest baseline); the family counts once, in the year of that latest meter. The mean change per domain is the mean of the score differences of the families that answered the domain both times; a family improved when at least ${WELLBEING_IMPROVED_DOMAINS} domains rose by a step or more. Goals: goals ended in the year by their ending; the attainment rate is reached of those ended and not dropped; the mean attained level is of goals with an attainment scale. Experience: answers given in the year, the mean of each question (0-10), and the recommend score (share of 9-10 minus share of 0-6, in per cent points, as NPS). Cost per outcome: the group's cost as the cost tables by year show it (a municipality: every service its families used; a programme: its families' services while they were in it, hidden also when it leaves out 1 to 4 families with usage in the period; a service: that service alone), divided by the goals reached, and by the families improved, in the group that year. There is no control group: a difference is not proof of its cause. Aggregates only: a figure drawn from fewer than ${MIN_FAMILIES_PER_FIGURE} families comes as null with \`suppressed: true\`; so does the next-smallest count of a year's endings, or of a count's years, that would give a hidden count away through the total, every figure of a year whose count is hidden, and a rate, share or cost per outcome drawn from a hidden figure; the families not improved count as a figure of their own, so \`improved\` hides when they are 1 to 4. No family, member or person is named. The services come a page at a time: \`services\` holds the first ${DEFAULT_PAGE_SIZE}, the ones most families used first, and how many there are in all; \`/insights/outcomes/services\` gives the rest.`;

/** This year in Finland, where the municipality keeps its books. */
const thisYear = () => Number(municipalityDate().slice(0, 4));

/** The audit row of a manager's read: figures across families, about no family. */
const managerRead = (figures: string, detail?: Record<string, unknown>) =>
  ({
    familyId: null,
    action: 'read',
    resource: 'insights',
    resourceId: figures,
    outcome: 'allowed',
    basis: 'manager',
    ...(detail && { detail }),
  }) as const;

/** The routes of one API instance: its computed aggregates are kept while the data they are drawn from stands. */
export const insightsRoutes = (cached: InsightsCache = createInsightsCache()) => {
  // A whole answer and its pages share one computation, and the views share one count of the usage.
  const usageCounts = (tx: Queryable) => cached(tx, 'usage', USAGE_TABLES, () => countUsageOfAllFamilies(tx));
  const outcomeFigures = (tx: Queryable, organisationId: string | null) =>
    cached(tx, `outcomes:${organisationId}`, OUTCOME_TABLES, async () =>
      computeOutcomes(tx, organisationId, await usageCounts(tx)),
    );
  const caseloadFigures = (tx: Queryable) => cached(tx, 'caseloads', CASELOAD_TABLES, () => computeCaseloads(tx));
  const costFigures = (tx: Queryable, year: number | undefined) => {
    const asked = year ?? thisYear();
    return cached(tx, `costs:${asked}`, USAGE_TABLES, async () => computeCosts(tx, asked, await usageCounts(tx)));
  };
  const forecastFigures = (tx: Queryable) => {
    const month = municipalityMonth();
    return cached(tx, `forecast:${month}`, USAGE_TABLES, async () => buildForecast(await usageCounts(tx), month));
  };
  /** The rest of a cost table's rows, a page at a time; a monthly table's rows are of a year. */
  const costTablePages = (name: CostTableName, table: string) => {
    const monthly = name !== 'byServiceYear';
    return defineRoute({
      method: 'get',
      path: `/insights/costs/${COST_TABLE_LISTS[name]}`,
      summary: `The next page of the rows of ${table}, the largest cost first, in the order of \`${name}\` in \`/insights/costs\` (managers)`,
      description: `Keyset paging: pass \`${name}.nextCursor\` of \`/insights/costs\`${monthly ? ' (of the same `year`)' : ''}, then each page's \`nextCursor\`, as \`cursor\`; without a cursor, the first page. The rows are ordered by their total, the largest first; a hidden total counts as none, so those rows go by Finnish name. Each page carries the table's columns and its totals over every row. A page is a slice of the one table, suppressed with every other table as \`/insights/costs\` describes, so a figure hidden there is hidden on its page too. A cursor that is not one of ours, of another list${monthly ? ' or year' : ''}, or whose row has left the table answers 400.`,
      tag: 'insights',
      access: managersOnly,
      query: monthly ? monthlyCostPageQuerySchema : costTablePageQuerySchema,
      response: {
        status: 200,
        schema: costTablePageSchema,
        description: 'A page of rows, the totals, and how many rows there are',
      },
      async handler({ query }: { query: { year?: number; cursor?: string; limit: number } }, { tx, audit }) {
        const figures = await costFigures(tx, query.year);
        await audit(managerRead('costs', { year: figures.year, [name]: 'page' }));
        return pageOfCostTable(figures, name, query);
      },
    });
  };
  return [
    defineRoute({
      method: 'get',
      path: '/insights/costs',
      summary: 'What the services cost, by service, provider, month and year, and per family as median and quartiles (managers)',
      description: `Every usage row is priced by its service's price period with the latest start on or before the day used. ${aggregateOnly} Each table holds its first ${DEFAULT_PAGE_SIZE} rows, the largest cost first, with its totals over every row and how many rows there are in all; \`/insights/costs/by-service-month\`, \`/insights/costs/by-organisation-month\` and \`/insights/costs/by-service-year\` give the rest.`,
      tag: 'insights',
      access: managersOnly,
      query: insightsCostsQuerySchema,
      response: {
        status: 200,
        schema: insightsCostsSchema,
        description: 'The first page of each cost table of the year and of every year',
      },
      async handler({ query }, { tx, audit }) {
        const figures = await costFigures(tx, query.year);
        await audit(managerRead('costs', { year: figures.year }));
        return presentCosts(figures);
      },
    }),
    costTablePages('byServiceMonth', "the year's costs by service and month"),
    costTablePages('byOrganisationMonth', "the year's costs by provider and month"),
    costTablePages('byServiceYear', 'the costs by service and year'),
    defineRoute({
      method: 'get',
      path: '/insights/forecast',
      summary:
        "Next year's cost of each service and of all, from the trend of the last 36 complete months, with an 80 % band (managers)",
      description: `A straight line is fitted by least squares to each service's monthly costs as the monthly cost tables publish them, over the last 36 complete months: months hidden there are left out, and so are the months before the service's first shown cost, so the forecast is built only from figures a manager can already see. Next year's cost is the sum of the line's twelve months; the band holds it with 80 % probability if the trend and the months' scatter around it go on as before (a Student t prediction interval; never below zero). With fewer than ${MIN_FITTED_MONTHS} months there is no forecast. ${aggregateOnly} \`services\` holds the first ${DEFAULT_PAGE_SIZE} services, the largest expected cost first and those without a forecast last, and how many there are in all; \`/insights/forecast/services\` gives the rest.`,
      tag: 'insights',
      access: managersOnly,
      response: {
        status: 200,
        schema: insightsForecastSchema,
        description: "Next year's forecast in total, and the first page of the services",
      },
      async handler(_input, { tx, audit }) {
        await audit(managerRead('forecast'));
        return presentForecast(await forecastFigures(tx));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/forecast/services',
      summary: "The next page of the services' forecasts, in the order of the first page in `/insights/forecast` (managers)",
      description: `Keyset paging: pass \`services.nextCursor\` of \`/insights/forecast\`, then each page's \`nextCursor\`, as \`cursor\`; without a cursor, the first page. The services are ordered by next year's expected cost, the largest first, then those without a forecast by Finnish name: a forecast is built only from shown figures, so the order tells nothing hidden. A cursor holds for the month its forecast was fitted in. A cursor that is not one of ours, of another list or month, or whose service has left the list answers 400.`,
      tag: 'insights',
      access: managersOnly,
      query: forecastServicePageQuerySchema,
      response: {
        status: 200,
        schema: forecastServicePageSchema,
        description: 'A page of forecasts and how many services there are',
      },
      async handler({ query }, { tx, audit }) {
        await audit(managerRead('forecast', { services: 'page' }));
        return pageOfForecasts(await forecastFigures(tx), query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/change',
      summary:
        "The cost figures before and after: two calendar years, or a cohort's first and second case year, with the difference in euros and per cent (managers)",
      description: changeMethod,
      tag: 'insights',
      access: managersOnly,
      query: insightsChangeQuerySchema,
      response: {
        status: 200,
        schema: insightsChangeSchema,
        description: 'The comparison, and the years and cohorts that can be compared',
      },
      async handler({ query }, { tx, audit }) {
        await audit(managerRead('change', query ?? {}));
        const today = municipalityDate();
        return cached(tx, `change:${today}:${JSON.stringify(query ?? null)}`, USAGE_TABLES, async () =>
          readChange(tx, query, today, await usageCounts(tx)),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/outcomes',
      summary:
        'Wellbeing change from baseline, goal attainment, experience and cost per outcome reached, per municipality, programme, service and year (managers)',
      description: outcomesMethod,
      tag: 'insights',
      access: managersOnly,
      response: {
        status: 200,
        schema: insightsOutcomesSchema,
        description: 'Outcome figures of each group, year by year and in all',
      },
      async handler(_input, { tx, actor, audit }) {
        await audit(managerRead('outcomes'));
        return presentOutcomes(await outcomeFigures(tx, actor.organisationId));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/outcomes/services',
      summary:
        'The next page of the per-service outcome figures, in the order of the first page in `/insights/outcomes` (managers)',
      description: `Keyset paging: pass \`services.nextCursor\` of \`/insights/outcomes\`, then each page's \`nextCursor\`, as \`cursor\`; without a cursor, the first page. The services are ordered by the families that used them in every year together, most first (fewer than ${MIN_FAMILIES_PER_FIGURE} count as none), then by Finnish name. A page is a slice of the same figures as a whole answer would hold, each service's suppressed on their own as \`/insights/outcomes\` describes. A cursor that is not one of ours, of another list, or whose service has left the list answers 400.`,
      tag: 'insights',
      access: managersOnly,
      query: outcomeServicePageQuerySchema,
      response: { status: 200, schema: outcomeServicePageSchema, description: 'A page of service groups and how many there are' },
      async handler({ query }, { tx, actor, audit }) {
        await audit(managerRead('outcomes', { services: 'page' }));
        return pageOfServices(await outcomeFigures(tx, actor.organisationId), query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/caseloads',
      summary:
        'How many services open families have, and the open families of the coordinators with the largest caseloads, unnamed (managers)',
      description: `${aggregateOnly} Each coordinator's open families are a bucket labelled by rank, the largest first, suppressed with every other coordinator's and the total as one distribution. \`caseloads\` holds the first ${DEFAULT_PAGE_SIZE} coordinators, the total and how many coordinators there are in all; \`/insights/caseloads/coordinators\` gives the rest.`,
      tag: 'insights',
      access: managersOnly,
      response: {
        status: 200,
        schema: insightsCaseloadsSchema,
        description: 'Services per open family, and the first page of the coordinators',
      },
      async handler(_input, { tx, audit }) {
        await audit(managerRead('caseloads'));
        return presentCaseloads(await caseloadFigures(tx));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/caseloads/coordinators',
      summary:
        "The next page of the coordinators' caseloads, largest first, in the order of the first page in `/insights/caseloads` (managers)",
      description: `Keyset paging: pass \`caseloads.nextCursor\` of \`/insights/caseloads\`, then each page's \`nextCursor\`, as \`cursor\`; without a cursor, the first page. A coordinator is known by rank alone, never by account. A page is a slice of the one distribution of every coordinator, so a figure hidden there is hidden on its page too (fewer than ${MIN_FAMILIES_PER_FIGURE} families, or the next-smallest that would give one away through the total). A cursor that is not one of ours, of another list, or whose rank is past the last coordinator answers 400.`,
      tag: 'insights',
      access: managersOnly,
      query: caseloadPageQuerySchema,
      response: {
        status: 200,
        schema: caseloadPageSchema,
        description: 'A page of coordinators, the total, and how many coordinators there are',
      },
      async handler({ query }, { tx, audit }) {
        await audit(managerRead('caseloads', { coordinators: 'page' }));
        return pageOfCaseloads(await caseloadFigures(tx), query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/insights/historical-costs',
      summary: 'Imported yearly client counts and costs per service, with yearly totals (managers)',
      tag: 'insights',
      access: managersOnly,
      response: { status: 200, schema: historicalCostImportListSchema, description: 'Every imported file, oldest first' },
      async handler(_input, { tx, audit }) {
        await audit(managerRead('historical-costs'));
        return { imports: await readHistoricalCosts(tx) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/insights/historical-costs/import/preview',
      summary:
        'Check a file of yearly service costs before importing it: every line read, nothing stored (managers, administrators)',
      description: historicalCostFile,
      tag: 'insights',
      access: importers,
      bodyType: 'csv',
      body: csvBody,
      response: { status: 200, schema: historicalCostPreviewSchema, description: 'What would be imported, and every bad line' },
      handler: async ({ body }) => previewHistoricalCosts(body),
    }),
    defineRoute({
      method: 'post',
      path: '/insights/historical-costs/import',
      summary: 'Import a file of yearly service client counts and costs, whole or not at all (managers, administrators)',
      description: `${historicalCostFile} A file with any bad line answers 400 \`validation_failed\` with one error per bad line (path \`line N\`), and nothing is stored.`,
      tag: 'insights',
      access: importers,
      bodyType: 'csv',
      body: csvBody,
      query: historicalCostImportQuerySchema,
      response: {
        status: 201,
        schema: historicalCostImportSchema,
        description: 'The stored import with its lines and yearly totals',
      },
      async handler({ body, query }, { tx, actor, audit }) {
        const stored = await importHistoricalCosts(tx, {
          text: body,
          source: query.source ?? 'CSV',
          importedBy: actor.accountId,
          organisationId: actor.organisationId,
        });
        await audit({
          familyId: null,
          action: 'create',
          resource: 'historical-costs',
          resourceId: stored.id,
          outcome: 'allowed',
          basis: actor.role,
          detail: { source: stored.source, lines: stored.rows.length },
        });
        return stored;
      },
    }),
  ];
};
