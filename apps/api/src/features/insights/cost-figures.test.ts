import { buildCostTable, buildDistribution, costPerFamily, quartiles, type PricedUsage } from './cost-figures';

const usage = (familyId: string, costCents: number, usedOn = '2026-01-15', service = 'a'): PricedUsage => ({
  familyId,
  service: { id: service, name: { fi: service } },
  organisation: { id: 'o', name: 'Kunta' },
  usedOn,
  costCents,
});

describe('cost per family', () => {
  it('when six families cost 100, 200, 300, 400, 500 and 1000, then the quartiles are 225, 350 and 475', () => {
    // Positions (n - 1) · p = 1.25, 2.5, 3.75: 200 + 0.25 · 100, (300 + 400) / 2, 400 + 0.75 · 100.
    expect(quartiles([500, 100, 1000, 300, 200, 400])).toEqual({ lower: 225, median: 350, upper: 475 });
  });

  it('when a family has several usage rows, then its figure is their sum, and the list of families never leaves', () => {
    const rows = [usage('f1', 60), usage('f1', 40), ...['f2', 'f3', 'f4', 'f5'].map((id, i) => usage(id, (i + 2) * 100))];
    expect(costPerFamily(rows)).toEqual({
      suppressed: false,
      families: 5,
      lowerQuartileCents: 200,
      medianCents: 300,
      upperQuartileCents: 400,
    });
  });

  it('when four families had usage, then nothing of them is told', () => {
    expect(costPerFamily(['f1', 'f2', 'f3', 'f4'].map((id) => usage(id, 100)))).toEqual({
      suppressed: true,
      families: null,
      lowerQuartileCents: null,
      medianCents: null,
      upperQuartileCents: null,
    });
  });
});

describe('cost tables', () => {
  it('when a family uses a service in two months, then each month counts it once and the total counts it once', () => {
    const rows = ['f1', 'f2', 'f3', 'f4', 'f5'].flatMap((id) => [usage(id, 100, '2026-01-10'), usage(id, 50, '2026-02-03')]);
    const table = buildCostTable(
      rows,
      ['2026-01', '2026-02'],
      (item) => item.usedOn.slice(0, 7),
      (item) => ({
        key: item.service.id,
        label: item.service.name,
      }),
    );
    expect(table.rows).toEqual([
      {
        label: { fi: 'a' },
        cells: [
          { suppressed: false, costCents: 500, families: 5 },
          { suppressed: false, costCents: 250, families: 5 },
        ],
        total: { suppressed: false, costCents: 750, families: 5 },
      },
    ]);
    expect(table.total).toEqual({ suppressed: false, costCents: 750, families: 5 });
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
