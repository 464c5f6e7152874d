import type { CostCell, CostPerFamily, CostTable, CountCell, Distribution, LocalizedText } from '@yhdessa/shared';
import { MIN_FAMILIES_PER_FIGURE } from '@yhdessa/shared';
import { suppressFigures, tableLines, type FigureFacts } from './suppression';

/** How one table cuts the counted usage: what its rows and columns are, and what its columns add up to. */
export interface CostTableLayout {
  /** What a row is, e.g. `service`: a counted row of that kind (`service:<id>`) is a row of the table. */
  rows: { kind: string };
  /** What a column is, e.g. `month`, and its columns in order (`2026-01` …). */
  columns: { kind: string; keys: readonly string[] };
  /**
   * The name of all its columns together: a year's months add up to `year:2026`, the same figure
   * as that year's column in a table by year; every year adds up to `all`.
   */
  columnsTotal: string;
}

/** A figure as counted: its families and cost, and its first usage (`YYYY-MM-DD` and the service's id), which orders rows of one name. */
export interface CountedFigure extends FigureFacts {
  firstSeen: string;
}

/**
 * The usage counted for the cost tables (usage-counts.repository.ts counts it in SQL): each figure
 * by name (e.g. `service:<id>|month:2026-01`, `all|year:2026`; one without usage is absent), the
 * label of each row (`service:<id>`) and the years with usage.
 */
export interface CountedUsage {
  years: number[];
  labels: Map<string, LocalizedText>;
  figures: Map<string, CountedFigure>;
}

const hiddenCost: CostCell = { suppressed: true, costCents: null, families: null };
const finnish = new Intl.Collator('fi');

/** A published cost table with the key of each row (e.g. a service's id), which stays on the server. */
export interface KeyedCostTable {
  table: CostTable;
  rowKeys: string[];
}

/**
 * Cost tables by row and column with their totals, rows in the order of their Finnish names (of one
 * name, the one with the earlier first usage first). A figure is named by what it adds up (e.g.
 * `service:<id>|year:2026`), so one that two tables both show is one figure: it is hidden in both or
 * in neither, and no table gives away what another hides. Each total counts its families once
 * however many cells they appear in.
 */
export function buildCostTables(counted: CountedUsage, layouts: readonly CostTableLayout[]): KeyedCostTable[] {
  const rowsOfKind = new Map<string, string[]>();
  for (const rowKey of counted.labels.keys()) {
    const kind = rowKey.slice(0, rowKey.indexOf(':'));
    rowsOfKind.set(kind, [...(rowsOfKind.get(kind) ?? []), rowKey]);
  }
  const tables = layouts.map((layout) => {
    const columnKeys = [...layout.columns.keys.map((column) => `${layout.columns.kind}:${column}`), layout.columnsTotal];
    // A row is in the table when it has usage in one of its columns; seen first: its earliest usage in them.
    const rows = (rowsOfKind.get(layout.rows.kind) ?? []).flatMap((rowKey) => {
      const seen = columnKeys
        .slice(0, -1)
        .map((column) => counted.figures.get(`${rowKey}|${column}`)?.firstSeen)
        .filter((first) => first !== undefined)
        .sort()[0];
      return seen === undefined ? [] : [{ rowKey, label: counted.labels.get(rowKey)!, seen }];
    });
    rows.sort((a, b) => finnish.compare(a.label.fi, b.label.fi) || (a.seen < b.seen ? -1 : a.seen > b.seen ? 1 : 0));
    // Row by row, each row ending in its total, the column totals last: the layout of `tableLines`.
    const grid = [...rows.map((row) => row.rowKey), 'all'].flatMap((row) => columnKeys.map((column) => `${row}|${column}`));
    return {
      layout,
      rowKeys: rows.map((row) => row.rowKey.slice(layout.rows.kind.length + 1)),
      labels: rows.map((row) => row.label),
      grid,
    };
  });

  const keys = [...new Set(tables.flatMap((table) => table.grid))];
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  const figures = keys.map((key): FigureFacts => {
    const { families, value } = counted.figures.get(key) ?? { families: 0, value: 0 };
    return { families, value };
  });
  const lines = tables.flatMap(({ layout, labels, grid }) =>
    tableLines(labels.length, layout.columns.keys.length).map((line) => line.map((position) => indexOf.get(grid[position]!)!)),
  );
  const hidden = suppressFigures(figures, lines);

  return tables.map(({ layout, rowKeys, labels, grid }) => {
    const cellAt = (position: number): CostCell => {
      const index = indexOf.get(grid[position]!)!;
      const { families, value } = figures[index]!;
      return hidden[index] ? hiddenCost : { suppressed: false, costCents: value, families };
    };
    const width = layout.columns.keys.length + 1;
    const columns = layout.columns.keys.map((_, column) => column);
    const table: CostTable = {
      columns: [...layout.columns.keys],
      rows: labels.map((label, row) => ({
        label,
        cells: columns.map((column) => cellAt(row * width + column)),
        total: cellAt(row * width + width - 1),
      })),
      columnTotals: columns.map((column) => cellAt(labels.length * width + column)),
      total: cellAt(labels.length * width + width - 1),
    };
    return { table, rowKeys };
  });
}

/** The quartiles of `families` families' costs, or nothing of them when they are fewer than five. */
export function spreadOfFamilies(
  families: number,
  quartilesOf: () => { lower: number; median: number; upper: number },
): CostPerFamily {
  if (families < MIN_FAMILIES_PER_FIGURE)
    return { suppressed: true, families: null, lowerQuartileCents: null, medianCents: null, upperQuartileCents: null };
  const { lower, median, upper } = quartilesOf();
  return { suppressed: false, families, lowerQuartileCents: lower, medianCents: median, upperQuartileCents: upper };
}

/** Families counted in buckets, with their total; a bucket of one to four families is hidden, and what would give it away. */
export function buildDistribution(buckets: readonly { label: string; families: number }[]): Distribution {
  const total = buckets.reduce((sum, bucket) => sum + bucket.families, 0);
  const figures = [...buckets.map((bucket) => bucket.families), total].map((families) => ({ families, value: families }));
  const hidden = suppressFigures(figures, [figures.map((_, index) => index)]);
  const countCell = (index: number): CountCell =>
    hidden[index] ? { suppressed: true, families: null } : { suppressed: false, families: figures[index]!.families };
  return {
    buckets: buckets.map((bucket, index) => ({ label: bucket.label, families: countCell(index) })),
    total: countCell(buckets.length),
  };
}
