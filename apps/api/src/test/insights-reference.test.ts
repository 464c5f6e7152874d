import { costPerFamily, quartiles, type PricedUsage } from './insights-reference';

/** What the reference counts mean: the database's counts are checked against it (features/insights/*.repository.test.ts). */
const usage = (familyId: string, costCents: number): PricedUsage => ({
  familyId,
  service: { id: 'a', name: { fi: 'a' } },
  organisation: { id: 'o', name: 'Kunta' },
  municipality: null,
  period: 'day',
  usedOn: '2026-01-15',
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
