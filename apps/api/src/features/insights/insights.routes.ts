import {
  historicalCostImportListSchema,
  historicalCostImportQuerySchema,
  historicalCostImportSchema,
  historicalCostPreviewSchema,
  insightsCaseloadsSchema,
  insightsCostsQuerySchema,
  insightsCostsSchema,
  insightsForecastSchema,
  MIN_FAMILIES_PER_FIGURE,
} from '@yhdessa/shared';
import { z } from 'zod';
import { municipalityMonth } from '../../core/clock';
import { defineRoute, type RouteAccess } from '../../http/route';
import { MIN_FITTED_MONTHS } from './cost-forecast';
import { importHistoricalCosts, previewHistoricalCosts, readHistoricalCosts } from './historical-costs.service';
import { readCaseloads, readCosts, readForecast } from './insights.service';

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

/** This year in Finland, where the municipality keeps its books. */
const thisYear = () => Number(municipalityMonth().slice(0, 4));

export const insightsRoutes = [
  defineRoute({
    method: 'get',
    path: '/insights/costs',
    summary: 'What the services cost, by service, provider, month and year, and per family as median and quartiles (managers)',
    description: `Every usage row is priced by its service's price period with the latest start on or before the day used. ${aggregateOnly}`,
    tag: 'insights',
    access: managersOnly,
    query: insightsCostsQuerySchema,
    response: { status: 200, schema: insightsCostsSchema, description: 'Cost tables of the year and of every year' },
    async handler({ query }, { tx, audit }) {
      const year = query.year ?? thisYear();
      await audit({
        familyId: null,
        action: 'read',
        resource: 'insights',
        resourceId: 'costs',
        outcome: 'allowed',
        basis: 'manager',
        detail: { year },
      });
      return readCosts(tx, year);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/insights/forecast',
    summary:
      "Next year's cost of each service and of all, from the trend of the last 36 complete months, with an 80 % band (managers)",
    description: `A straight line is fitted by least squares to each service's monthly costs as the monthly cost tables publish them, over the last 36 complete months: months hidden there are left out, and so are the months before the service's first shown cost, so the forecast is built only from figures a manager can already see. Next year's cost is the sum of the line's twelve months; the band holds it with 80 % probability if the trend and the months' scatter around it go on as before (a Student t prediction interval; never below zero). With fewer than ${MIN_FITTED_MONTHS} months there is no forecast. ${aggregateOnly}`,
    tag: 'insights',
    access: managersOnly,
    response: { status: 200, schema: insightsForecastSchema, description: "Next year's forecast, in total and per service" },
    async handler(_input, { tx, audit }) {
      await audit({
        familyId: null,
        action: 'read',
        resource: 'insights',
        resourceId: 'forecast',
        outcome: 'allowed',
        basis: 'manager',
      });
      return readForecast(tx, municipalityMonth());
    },
  }),
  defineRoute({
    method: 'get',
    path: '/insights/caseloads',
    summary: 'How many services open families have, and how many open families each coordinator has, unnamed (managers)',
    description: aggregateOnly,
    tag: 'insights',
    access: managersOnly,
    response: { status: 200, schema: insightsCaseloadsSchema, description: 'Two distributions of open families' },
    async handler(_input, { tx, audit }) {
      await audit({
        familyId: null,
        action: 'read',
        resource: 'insights',
        resourceId: 'caseloads',
        outcome: 'allowed',
        basis: 'manager',
      });
      return readCaseloads(tx);
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
      await audit({
        familyId: null,
        action: 'read',
        resource: 'insights',
        resourceId: 'historical-costs',
        outcome: 'allowed',
        basis: 'manager',
      });
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
