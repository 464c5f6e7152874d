import type { CostCell, CostPerFamily, CostTable, CountCell, Distribution, LocalizedText, UsagePeriod } from '@yhdessa/shared';
import { MIN_FAMILIES_PER_FIGURE } from '@yhdessa/shared';
import { suppressFigures, tableLines, type FigureFacts } from './suppression';

/** One usage row priced by the price period it falls in. Its family stays in here: no figure names one. */
export interface PricedUsage {
  familyId: string;
  service: { id: string; name: LocalizedText };
  /** The provider: the organisation the service belongs to. */
  organisation: { id: string; name: string };
  /** The family's municipality: its coordinator's organisation; null when the coordinator has none. */
  municipality: { id: string; name: string } | null;
  /** `YYYY-MM-DD`; a month's usage is dated on the month's first day. */
  usedOn: string;
  period: UsagePeriod;
  costCents: number;
}

/** How one table cuts the usage: what its rows and columns are, and what its columns add up to. */
export interface CostTableLayout {
  /** What a row is, e.g. `service`, and which row a usage row counts in. */
  rows: { kind: string; of: (usage: PricedUsage) => { key: string; label: LocalizedText } };
  /** What a column is, e.g. `month`, its columns in order (`2026-01` …) and which one a usage row counts in. */
  columns: { kind: string; keys: readonly string[]; of: (usage: PricedUsage) => string };
  /**
   * The name of all its columns together: a year's months add up to `year:2026`, the same figure
   * as that year's column in a table by year; every year adds up to `all`.
   */
  columnsTotal: string;
}

const hiddenCost: CostCell = { suppressed: true, costCents: null, families: null };

/** A published cost table with the key of each row (e.g. a service's id), which stays on the server. */
export interface KeyedCostTable {
  table: CostTable;
  rowKeys: string[];
}

/**
 * Cost tables by row and column with their totals, rows in the order of their Finnish names. A
 * figure is named by what it adds up (e.g. `service:<id>|year:2026`), so one that two tables both
 * show is one figure: it is hidden in both or in neither, and no table gives away what another
 * hides. Each total counts its families once however many cells they appear in.
 */
export function buildCostTables(usage: readonly PricedUsage[], layouts: readonly CostTableLayout[]): KeyedCostTable[] {
  const members = new Map<string, Set<number>>();
  const tables = layouts.map((layout) => {
    const labels = new Map<string, LocalizedText>();
    usage.forEach((item, index) => {
      const column = layout.columns.of(item);
      if (!layout.columns.keys.includes(column)) return;
      const row = layout.rows.of(item);
      labels.set(row.key, row.label);
      const rowKey = `${layout.rows.kind}:${row.key}`;
      const columnKey = `${layout.columns.kind}:${column}`;
      for (const key of [
        `${rowKey}|${columnKey}`,
        `${rowKey}|${layout.columnsTotal}`,
        `all|${columnKey}`,
        `all|${layout.columnsTotal}`,
      ])
        members.set(key, (members.get(key) ?? new Set()).add(index));
    });
    const rows = [...labels].sort(([, a], [, b]) => a.fi.localeCompare(b.fi, 'fi'));
    const rowKeys = [...rows.map(([key]) => `${layout.rows.kind}:${key}`), 'all'];
    const columnKeys = [...layout.columns.keys.map((column) => `${layout.columns.kind}:${column}`), layout.columnsTotal];
    // Row by row, each row ending in its total, the column totals last: the layout of `tableLines`.
    const grid = rowKeys.flatMap((row) => columnKeys.map((column) => `${row}|${column}`));
    return { layout, rowKeys: rows.map(([key]) => key), labels: rows.map(([, label]) => label), grid };
  });

  const keys = [...new Set(tables.flatMap((table) => table.grid))];
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  const figures = keys.map((key) => factsOf([...(members.get(key) ?? [])].map((index) => usage[index]!)));
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

const factsOf = (items: readonly PricedUsage[]): FigureFacts => ({
  families: new Set(items.map((item) => item.familyId)).size,
  value: items.reduce((sum, item) => sum + item.costCents, 0),
});

/**
 * The quartiles of a sample by linear interpolation between the closest ranks (R's type 7, as a
 * spreadsheet's QUARTILE.INC), in whole cents.
 */
export function quartiles(values: readonly number[]): { lower: number; median: number; upper: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = (sorted.length - 1) * p;
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return Math.round(sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below));
  };
  return { lower: at(0.25), median: at(0.5), upper: at(0.75) };
}

/** The spread of what each family's services cost in total; hidden when fewer than five families had any. */
export function costPerFamily(usage: readonly PricedUsage[]): CostPerFamily {
  const totals = new Map<string, number>();
  for (const item of usage) totals.set(item.familyId, (totals.get(item.familyId) ?? 0) + item.costCents);
  if (totals.size < MIN_FAMILIES_PER_FIGURE)
    return { suppressed: true, families: null, lowerQuartileCents: null, medianCents: null, upperQuartileCents: null };
  const { lower, median, upper } = quartiles([...totals.values()]);
  return {
    suppressed: false,
    families: totals.size,
    lowerQuartileCents: lower,
    medianCents: median,
    upperQuartileCents: upper,
  };
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
