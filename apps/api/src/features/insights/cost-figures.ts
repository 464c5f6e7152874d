import type { CostCell, CostPerFamily, CostTable, CountCell, Distribution, LocalizedText } from '@yhdessa/shared';
import { MIN_FAMILIES_PER_FIGURE } from '@yhdessa/shared';
import { suppressFigures, tableLines, type FigureFacts } from './suppression';

/** One usage row priced by the price period it falls in. Its family stays in here: no figure names one. */
export interface PricedUsage {
  familyId: string;
  service: { id: string; name: LocalizedText };
  organisation: { id: string; name: string };
  /** `YYYY-MM-DD`. */
  usedOn: string;
  costCents: number;
}

interface Bucket {
  costCents: number;
  families: Set<string>;
}

const emptyBucket = (): Bucket => ({ costCents: 0, families: new Set() });
const add = (bucket: Bucket, usage: PricedUsage) => {
  bucket.costCents += usage.costCents;
  bucket.families.add(usage.familyId);
};

const hiddenCost: CostCell = { suppressed: true, costCents: null, families: null };
const costCell = (bucket: Bucket, hidden: boolean): CostCell =>
  hidden ? hiddenCost : { suppressed: false, costCents: bucket.costCents, families: bucket.families.size };

/**
 * Costs by row and column with their totals, each total counting its families once however many
 * cells they appear in. Rows are in the order of their Finnish names.
 */
export function buildCostTable(
  usage: readonly PricedUsage[],
  columns: readonly string[],
  columnOf: (usage: PricedUsage) => string,
  rowOf: (usage: PricedUsage) => { key: string; label: LocalizedText },
): CostTable {
  const rows = new Map<string, { label: LocalizedText; cells: Bucket[]; total: Bucket }>();
  const columnTotals = columns.map(emptyBucket);
  const total = emptyBucket();
  for (const item of usage) {
    const column = columns.indexOf(columnOf(item));
    if (column < 0) continue;
    const { key, label } = rowOf(item);
    const row = rows.get(key) ?? { label, cells: columns.map(emptyBucket), total: emptyBucket() };
    rows.set(key, row);
    for (const bucket of [row.cells[column]!, row.total, columnTotals[column]!, total]) add(bucket, item);
  }
  const sortedRows = [...rows.values()].sort((a, b) => a.label.fi.localeCompare(b.label.fi, 'fi'));
  const laidOut = sortedRows.flatMap((row) => [...row.cells, row.total]).concat(columnTotals, [total]);
  const hidden = suppressFigures(laidOut.map(facts), tableLines(rows.size, columns.length));
  const cellAt = (index: number) => costCell(laidOut[index]!, hidden[index]!);
  const width = columns.length + 1;
  return {
    columns: [...columns],
    rows: sortedRows.map((row, r) => ({
      label: row.label,
      cells: columns.map((_, c) => cellAt(r * width + c)),
      total: cellAt(r * width + columns.length),
    })),
    columnTotals: columns.map((_, c) => cellAt(rows.size * width + c)),
    total: cellAt(rows.size * width + columns.length),
  };
}

const facts = (bucket: Bucket): FigureFacts => ({ families: bucket.families.size, value: bucket.costCents });

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
