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

/** A figure as counted: its families and cost, and its first usage (`YYYY-MM-DD` and the service's id), which orders rows of one name. */
export interface CountedFigure extends FigureFacts {
  firstSeen: string;
}

/**
 * The usage counted for the cost tables: each figure by name (e.g. `service:<id>|month:2026-01`,
 * `all|year:2026`; one without usage is absent), the label of each row (`service:<id>`), the years
 * with usage and the cost per family of the years counted. The API counts it in SQL
 * (usage-counts.repository.ts); `countUsage` counts usage rows here, as the tests of both do.
 */
export interface CountedUsage {
  years: number[];
  labels: Map<string, LocalizedText>;
  figures: Map<string, CountedFigure>;
  perFamily: Map<number, CostPerFamily>;
}

/** Usage rows, or their counts. */
export type UsageSource = readonly PricedUsage[] | CountedUsage;

export const yearsOf = (usage: readonly PricedUsage[]) =>
  [...new Set(usage.map((item) => Number(item.usedOn.slice(0, 4))))].sort((a, b) => a - b);

/** Every figure the layouts' tables name, counted from the usage rows: each total counts its families once however many cells they appear in. */
export function countUsage(usage: readonly PricedUsage[], layouts: readonly CostTableLayout[]): CountedUsage {
  // The rows each figure adds up, by index: two layouts naming one figure name it with the same rows.
  const members = new Map<string, Set<number>>();
  const labels = new Map<string, LocalizedText>();
  for (const layout of layouts)
    usage.forEach((item, index) => {
      const column = layout.columns.of(item);
      if (!layout.columns.keys.includes(column)) return;
      const row = layout.rows.of(item);
      const rowKey = `${layout.rows.kind}:${row.key}`;
      labels.set(rowKey, row.label);
      const columnKey = `${layout.columns.kind}:${column}`;
      for (const key of [
        `${rowKey}|${columnKey}`,
        `${rowKey}|${layout.columnsTotal}`,
        `all|${columnKey}`,
        `all|${layout.columnsTotal}`,
      ])
        members.set(key, (members.get(key) ?? new Set()).add(index));
    });
  const figureOf = (indexes: ReadonlySet<number>): CountedFigure => {
    const items = [...indexes].map((index) => usage[index]!);
    return { ...factsOf(items), firstSeen: items.map((item) => `${item.usedOn}${item.service.id}`).sort()[0]! };
  };
  const years = yearsOf(usage);
  return {
    years,
    labels,
    figures: new Map([...members].map(([key, indexes]) => [key, figureOf(indexes)])),
    perFamily: new Map(years.map((year) => [year, costPerFamily(usage.filter((item) => item.usedOn.startsWith(`${year}-`)))])),
  };
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
export function buildCostTables(source: UsageSource, layouts: readonly CostTableLayout[]): KeyedCostTable[] {
  const counted = isCounted(source) ? source : countUsage(source, layouts);
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

export const isCounted = (source: UsageSource): source is CountedUsage => 'figures' in source;

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
  return spreadOfFamilies(totals.size, () => quartiles([...totals.values()]));
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
