import {
  COST_TABLE_LISTS,
  DEFAULT_PAGE_SIZE,
  type CostTableName,
  type CostCell,
  type CostPerFamily,
  type CostTable,
  type CostTablePage,
  type CostTablePageQuery,
  type InsightsCosts,
} from '@yhdessa/shared';
import type { Queryable } from '../../db/database';
import { pageOfKeptList } from '../../http/cursor';
import type { CountedUsage, KeyedCostTable } from './cost-figures';
import { countCostPerFamily } from './usage-counts.repository';
import { publishCostTables } from './insights.service';

/** A published cost table kept whole: its rows in page order, each with the key a cursor names (a service's or provider's id). */
export interface KeptCostTable extends Omit<CostTable, 'rows'> {
  rows: { key: string; row: CostTable['rows'][number] }[];
  /** Each row's place in `rows`. */
  rowAt: Map<string, number>;
}

/** The cost figures of a year as kept per API instance: every row of every table, suppressed whole. */
export interface CostFigures {
  year: number;
  years: number[];
  byServiceMonth: KeptCostTable;
  byOrganisationMonth: KeptCostTable;
  byServiceYear: KeptCostTable;
  perFamily: CostPerFamily;
}

const shownCost = (cell: CostCell) => (cell.suppressed ? 0 : cell.costCents);

/**
 * The rows the largest cost first. A hidden total counts as none, so the order tells nothing of a
 * hidden figure: those rows go by Finnish name, as the table had them.
 */
function inPageOrder({ table, rowKeys }: KeyedCostTable): KeptCostTable {
  const rows = table.rows
    .map((row, index) => ({ key: rowKeys[index]!, row, index }))
    .sort((a, b) => shownCost(b.row.total) - shownCost(a.row.total) || a.index - b.index)
    .map(({ key, row }) => ({ key, row }));
  return { ...table, rows, rowAt: new Map(rows.map(({ key }, index) => [key, index])) };
}

/** What the services cost: by service and month, by provider and month, by service and year, and per family. */
export function buildCosts(counted: CountedUsage, year: number, perFamily: CostPerFamily): CostFigures {
  const { years, byServiceYear, monthlyOf } = publishCostTables(counted, year);
  const { byService, byOrganisation } = monthlyOf(year)!;
  return {
    year,
    years,
    byServiceMonth: inPageOrder(byService),
    byOrganisationMonth: inPageOrder(byOrganisation),
    byServiceYear: inPageOrder(byServiceYear),
    perFamily,
  };
}

/** The cost figures of a year from the usage counted, with the year's cost per family counted too. */
export const computeCosts = async (db: Queryable, year: number, counted: CountedUsage) =>
  buildCosts(counted, year, await countCostPerFamily(db, year));

/**
 * A page of a table's rows, after the cursor's row in the table as it is now: a slice of the whole,
 * with its hidden figures hidden, and the totals of every row. A monthly table's cursor holds for
 * its year alone; a row that has left the table answers 400.
 */
export function pageOfCostTable(figures: CostFigures, name: CostTableName, query: CostTablePageQuery): CostTablePage {
  const { rows, rowAt, ...totals } = figures[name];
  const { items, nextCursor, count } = pageOfKeptList(
    {
      items: rows,
      order: `costs:${COST_TABLE_LISTS[name]}${name === 'byServiceYear' ? '' : `:${figures.year}`}`,
      keyOf: (item) => item.key,
      placeOf: (key) => rowAt.get(key),
    },
    query,
  );
  return { ...totals, rows: items.map((item) => item.row), nextCursor, count };
}

/** The answer of `/insights/costs`: the first page of each table, with its totals, and the per-family figures. */
export function presentCosts(figures: CostFigures): InsightsCosts {
  const firstPage = (name: CostTableName) => pageOfCostTable(figures, name, { limit: DEFAULT_PAGE_SIZE });
  return {
    year: figures.year,
    years: figures.years,
    byServiceMonth: firstPage('byServiceMonth'),
    byOrganisationMonth: firstPage('byOrganisationMonth'),
    byServiceYear: firstPage('byServiceYear'),
    perFamily: figures.perFamily,
  };
}
