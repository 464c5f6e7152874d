import { costPerFamily, quartiles, wellbeingChanges, type PricedUsage } from './insights-reference';

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

describe('wellbeing change from the baseline', () => {
  it('when a member has meters 50 days and half a year after the first, then the latest counts, in its year, improved by three domains', () => {
    const changes = wellbeingChanges([
      {
        familyId: 'f1',
        memberId: 'a',
        takenOn: '2025-01-10',
        scores: { 'daily-life': 2, parenting: 2, housing: 3, safety: 4, 'physical-health': 3 },
      },
      { familyId: 'f1', memberId: 'a', takenOn: '2025-03-01', scores: { 'daily-life': 5 } },
      {
        familyId: 'f1',
        memberId: 'a',
        takenOn: '2025-07-01',
        scores: { 'daily-life': 3, parenting: 4, housing: 4, safety: 3 },
      },
    ]);
    // physical-health was not answered the second time: four domains compared, three rose.
    expect(changes).toEqual([
      { familyId: 'f1', year: 2025, changes: { 'daily-life': 1, parenting: 2, housing: 1, safety: -1 }, improved: true },
    ]);
  });

  it('when the only later meter is 89 days after the first, then the family is not measured twice', () => {
    expect(
      wellbeingChanges([
        { familyId: 'f2', memberId: 'b', takenOn: '2025-01-01', scores: { housing: 1 } },
        { familyId: 'f2', memberId: 'b', takenOn: '2025-03-31', scores: { housing: 5 } },
      ]),
    ).toEqual([]);
  });

  it('when two members of a family have a pair, then the member with the earlier baseline counts, and the family once', () => {
    const changes = wellbeingChanges([
      { familyId: 'f3', memberId: 'young', takenOn: '2024-05-01', scores: { safety: 1, housing: 1, parenting: 1 } },
      { familyId: 'f3', memberId: 'young', takenOn: '2026-02-01', scores: { safety: 5, housing: 5, parenting: 5 } },
      { familyId: 'f3', memberId: 'guardian', takenOn: '2024-03-01', scores: { safety: 3, housing: 3 } },
      { familyId: 'f3', memberId: 'guardian', takenOn: '2024-09-01', scores: { safety: 4, housing: 4 } },
    ]);
    // Two domains rose: not improved by the three-domain rule.
    expect(changes).toEqual([{ familyId: 'f3', year: 2024, changes: { safety: 1, housing: 1 }, improved: false }]);
  });
});
