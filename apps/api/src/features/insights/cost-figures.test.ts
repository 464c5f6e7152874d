import { countUsage, type PricedUsage } from '../../test/insights-reference';
import { buildCostTables, buildDistribution, type CostTableLayout, type KeyedCostTable } from './cost-figures';

const usage = (familyId: string, costCents: number, usedOn = '2026-01-15', service = 'a'): PricedUsage => ({
  familyId,
  service: { id: service, name: { fi: service } },
  organisation: { id: 'o', name: 'Kunta' },
  municipality: null,
  period: 'day',
  usedOn,
  costCents,
});

const byService: CostTableLayout['rows'] = { kind: 'service' };
const months = (keys: string[]): Pick<CostTableLayout, 'columns' | 'columnsTotal'> => ({
  columns: { kind: 'month', keys },
  columnsTotal: `year:${keys[0]!.slice(0, 4)}`,
});
const years = (keys: string[]): Pick<CostTableLayout, 'columns' | 'columnsTotal'> => ({
  columns: { kind: 'year', keys },
  columnsTotal: 'all',
});
const shown = (costCents: number, families: number) => ({ suppressed: false, costCents, families });
const hidden = { suppressed: true, costCents: null, families: null };
const empty = shown(0, 0);

describe('cost tables', () => {
  it('when a family uses a service in two months, then each month counts it once and the total counts it once', () => {
    const rows = ['f1', 'f2', 'f3', 'f4', 'f5'].flatMap((id) => [usage(id, 100, '2026-01-10'), usage(id, 50, '2026-02-03')]);
    const [{ table }] = buildCostTables(countUsage(rows), [{ rows: byService, ...months(['2026-01', '2026-02']) }]) as [
      KeyedCostTable,
    ];
    expect(table.rows).toEqual([{ label: { fi: 'a' }, cells: [shown(500, 5), shown(250, 5)], total: shown(750, 5) }]);
    expect(table.total).toEqual(shown(750, 5));
  });

  it("when a year's total in a monthly table is a cell of the yearly table, then both tables hide it or neither does", () => {
    // A: six families 100 each in January 2026, and one of them 50 in December 2025; B: five families 10 each in January 2026.
    const families = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'];
    const rows = [
      ...families.map((id) => usage(id, 100, '2026-01-15', 'A')),
      usage('f1', 50, '2025-12-20', 'A'),
      ...families.slice(0, 5).map((id) => usage(id, 10, '2026-01-15', 'B')),
    ];
    const [byYear, byMonth] = buildCostTables(countUsage(rows), [
      { rows: byService, ...years(['2025', '2026']) },
      { rows: byService, ...months(['2026-01']) },
    ]).map(({ table }) => table);
    // A 2025 (one family) hides A 2026 (600 < 650) and the 2025 total hides the 2026 total (650 < 700).
    // Shown alone, the monthly table's A total (600) would give away A 2025 as 650 - 600; it is A 2026, so it is hidden
    // too, and then A January beside it and the January total.
    expect(byYear!.rows).toEqual([
      { label: { fi: 'A' }, cells: [hidden, hidden], total: shown(650, 6) },
      { label: { fi: 'B' }, cells: [empty, shown(50, 5)], total: shown(50, 5) },
    ]);
    expect([byYear!.columnTotals, byYear!.total]).toEqual([[hidden, hidden], shown(700, 6)]);
    expect(byMonth!.rows).toEqual([
      { label: { fi: 'A' }, cells: [hidden], total: hidden },
      { label: { fi: 'B' }, cells: [shown(50, 5)], total: shown(50, 5) },
    ]);
    expect([byMonth!.columnTotals, byMonth!.total]).toEqual([[hidden], hidden]);
  });
});

describe('distributions', () => {
  it('when one bucket has two families, then it is hidden and so is the next-smallest bucket, while empty buckets and the total show', () => {
    expect(
      buildDistribution([
        { label: '0', families: 0 },
        { label: '1', families: 2 },
        { label: '2', families: 6 },
        { label: '3', families: 9 },
      ]),
    ).toEqual({
      buckets: [
        { label: '0', families: { suppressed: false, families: 0 } },
        { label: '1', families: { suppressed: true, families: null } },
        { label: '2', families: { suppressed: true, families: null } },
        { label: '3', families: { suppressed: false, families: 9 } },
      ],
      total: { suppressed: false, families: 17 },
    });
  });
});
