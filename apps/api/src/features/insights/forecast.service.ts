import {
  DEFAULT_PAGE_SIZE,
  type CostCell,
  type CostForecast,
  type ForecastServicePage,
  type ForecastServicePageQuery,
  type InsightsForecast,
  type LocalizedText,
} from '@yhdessa/shared';
import { pageOfKeptList } from '../../http/cursor';
import { FORECAST_CONFIDENCE, forecastYear, monthsBefore } from './cost-forecast';
import type { CountedUsage } from './cost-figures';
import { publishCostTables } from './insights.service';

/** The months a forecast is fitted to: the last three complete years' worth. */
const FORECAST_WINDOW_MONTHS = 36;

/** The forecast as kept per API instance: every service's, in page order, each with the id a cursor names. */
export interface ForecastFigures extends Omit<InsightsForecast, 'services'> {
  /** The month the lines were fitted before: a cursor holds for its month alone. */
  thisMonth: string;
  services: { id: string; label: LocalizedText; forecast: CostForecast }[];
  /** Each service's place in `services`. */
  serviceAt: Map<string, number>;
}

const expectedCents = (forecast: CostForecast) => (forecast.available ? forecast.year.expectedCents : Number.NEGATIVE_INFINITY);
const finnish = new Intl.Collator('fi');

/**
 * Next year's cost of each service and of all, each from a line fitted to its monthly costs as the
 * monthly tables publish them over the last 36 complete months: hidden months are left out, and so
 * are the months before a service's first shown cost. Built only from shown figures, a forecast
 * cannot give away a hidden one, nor can their order: the largest expected cost first, then the
 * services without a forecast, by Finnish name.
 */
export function buildForecast(counted: CountedUsage, thisMonth: string): ForecastFigures {
  const { monthlyOf } = publishCostTables(counted);
  const window = monthsBefore(thisMonth, FORECAST_WINDOW_MONTHS);
  const tableOf = (month: string) => monthlyOf(Number(month.slice(0, 4)))?.byService;
  const columnOf = (month: string) => Number(month.slice(5, 7)) - 1;
  const emptyCell: CostCell = { suppressed: false, costCents: 0, families: 0 };

  const labels = new Map<string, LocalizedText>();
  for (const month of window) {
    const keyed = tableOf(month);
    keyed?.rowKeys.forEach((key, row) => labels.set(key, keyed.table.rows[row]!.label));
  }
  const forecastOf = (cellAt: (month: string) => CostCell) => {
    const shown = window.flatMap((month) => {
      const cell = cellAt(month);
      return cell.suppressed ? [] : [{ month, costCents: cell.costCents }];
    });
    const first = shown.findIndex((point) => point.costCents > 0);
    return forecastYear(first < 0 ? [] : shown.slice(first), Number(thisMonth.slice(0, 4)) + 1);
  };
  // Each month's table's rows by key, found once: thousands of services would otherwise search thousands of rows each.
  const rowIndexes = new Map<string, Map<string, number>>();
  const rowOf = (month: string, key: string) => {
    const year = month.slice(0, 4);
    let indexes = rowIndexes.get(year);
    if (!indexes) rowIndexes.set(year, (indexes = new Map(tableOf(month)?.rowKeys.map((rowKey, index) => [rowKey, index]))));
    return indexes.get(key) ?? -1;
  };
  const serviceCell = (key: string) => (month: string) => {
    const keyed = tableOf(month);
    const row = keyed ? rowOf(month, key) : -1;
    return row < 0 ? emptyCell : keyed!.table.rows[row]!.cells[columnOf(month)]!;
  };
  const services = [...labels]
    .map(([id, label]) => ({ id, label, forecast: forecastOf(serviceCell(id)) }))
    .sort(
      (a, b) =>
        expectedCents(b.forecast) - expectedCents(a.forecast) ||
        finnish.compare(a.label.fi, b.label.fi) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return {
    thisMonth,
    year: Number(thisMonth.slice(0, 4)) + 1,
    fittedFrom: window[0]!,
    fittedTo: window.at(-1)!,
    confidence: FORECAST_CONFIDENCE,
    total: forecastOf((month) => tableOf(month)?.table.columnTotals[columnOf(month)] ?? emptyCell),
    services,
    serviceAt: new Map(services.map(({ id }, index) => [id, index])),
  };
}

/** A page of the services' forecasts, after the cursor's service in their order as it is now; a stale or foreign cursor answers 400. */
export function pageOfForecasts(figures: ForecastFigures, query: ForecastServicePageQuery): ForecastServicePage {
  const { items, nextCursor, count } = pageOfKeptList(
    {
      items: figures.services,
      order: `forecast:services:${figures.thisMonth}`,
      keyOf: (service) => service.id,
      placeOf: (id) => figures.serviceAt.get(id),
    },
    query,
  );
  return { forecasts: items.map(({ label, forecast }) => ({ label, forecast })), nextCursor, count };
}

/** The answer of `/insights/forecast`: the total, and the first page of the services. */
export function presentForecast(figures: ForecastFigures): InsightsForecast {
  const { year, fittedFrom, fittedTo, confidence, total } = figures;
  return {
    year,
    fittedFrom,
    fittedTo,
    confidence,
    total,
    services: pageOfForecasts(figures, { limit: DEFAULT_PAGE_SIZE }),
  };
}
