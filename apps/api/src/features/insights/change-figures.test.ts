import type { CostCell, CostTable } from '@yhdessa/shared';
import { countCohort, type CaseOpening, type PricedUsage } from '../../test/insights-reference';
import { compareCohort, compareYears, completeCohorts } from './change-figures';

const shown = (costCents: number, families: number): CostCell => ({ suppressed: false, costCents, families });
const hidden: CostCell = { suppressed: true, costCents: null, families: null };
const empty = shown(0, 0);
const change = (cents: number | null, percent: number | null) => ({ suppressed: false, cents, percent });
const hiddenChange = { suppressed: true, cents: null, percent: null };

describe('two calendar years compared', () => {
  // The table by service and year as /insights/costs publishes it, its cells already suppressed.
  const table: CostTable = {
    columns: ['2023', '2024', '2025'],
    rows: [
      { label: { fi: 'Kotipalvelu' }, cells: [shown(9_000, 6), empty, empty], total: shown(9_000, 6) },
      { label: { fi: 'Perheneuvola' }, cells: [empty, hidden, hidden], total: shown(40_000, 7) },
      { label: { fi: 'Perhetyö' }, cells: [empty, shown(100_000, 10), shown(123_600, 12)], total: shown(223_600, 14) },
      { label: { fi: 'Tukihenkilö' }, cells: [empty, empty, shown(50_000, 5)], total: shown(50_000, 5) },
    ],
    columnTotals: [shown(9_000, 6), shown(130_000, 13), shown(183_600, 15)],
    total: shown(322_600, 20),
  };

  it('when 2024 and 2025 are compared, then each figure is the table cell or worked out from it, and a hidden cell hides what is drawn from it', () => {
    const comparison = compareYears(table, 2024, 2025);
    expect(comparison).toMatchObject({ mode: 'years', before: 2024, after: 2025 });
    // Kotipalvelu had no usage in either year, so it has no line.
    expect(comparison.rows.map((row) => row.label.fi)).toEqual(['Perheneuvola', 'Perhetyö', 'Tukihenkilö']);
    expect(comparison.rows[0]).toEqual({
      label: { fi: 'Perheneuvola' },
      before: hidden,
      after: hidden,
      difference: hiddenChange,
      perFamilyBefore: hidden,
      perFamilyAfter: hidden,
      perFamilyDifference: hiddenChange,
    });
    // 1000 € → 1236 € (+23.6 %); per family with usage 100 € (10) → 103 € (12), +3 %.
    expect(comparison.rows[1]).toEqual({
      label: { fi: 'Perhetyö' },
      before: shown(100_000, 10),
      after: shown(123_600, 12),
      difference: change(23_600, 23.6),
      perFamilyBefore: shown(10_000, 10),
      perFamilyAfter: shown(10_300, 12),
      perFamilyDifference: change(300, 3),
    });
    // Nothing before: no per cent of nothing, and no cost per family to compare with.
    expect(comparison.rows[2]).toMatchObject({
      difference: change(50_000, null),
      perFamilyBefore: empty,
      perFamilyAfter: shown(10_000, 5),
      perFamilyDifference: change(null, null),
    });
    // 1300 € (13) → 1836 € (15): +41.2 %; per family 100 € → 122.40 €, +22.4 %.
    expect(comparison.total).toEqual({
      before: shown(130_000, 13),
      after: shown(183_600, 15),
      difference: change(53_600, 41.2),
      perFamilyBefore: shown(10_000, 13),
      perFamilyAfter: shown(12_240, 15),
      perFamilyDifference: change(2_240, 22.4),
    });
  });
});

describe('cohorts that can be compared', () => {
  const openings: CaseOpening[] = ['2022-03', '2022-11', '2023-01', '2024-12'].map((openedIn, i) => ({
    familyId: `f${i}`,
    openedIn,
  }));

  it('when the last family of a year opened in November, then its cohort is complete from the November two years on', () => {
    expect(completeCohorts(openings, '2024-10')).toEqual([]);
    expect(completeCohorts(openings, '2024-11')).toEqual([2022]);
    expect(completeCohorts(openings, '2025-01')).toEqual([2022, 2023]);
  });
});

describe("a cohort's first case year against its second", () => {
  const usage = (familyId: string, service: string, usedOn: string, costCents: number): PricedUsage => ({
    familyId,
    service: { id: service, name: { fi: service } },
    organisation: { id: 'o', name: 'Kunta' },
    municipality: null,
    period: 'day',
    usedOn,
    costCents,
  });
  const families = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `c${from + i}`);
  // Ten families opened in 2022: c0-c8 in March, c9 in November. Before and after the cohort, one more each.
  const openings: CaseOpening[] = [
    ...families(0, 8).map((familyId) => ({ familyId, openedIn: '2022-03' })),
    { familyId: 'c9', openedIn: '2022-11' },
    { familyId: 'x', openedIn: '2021-12' },
    { familyId: 'y', openedIn: '2023-01' },
  ];
  // Sosiaalityö: every family 100 € in its first year (c9 in October 2023, its 12th case month), and c0-c4
  // 103 € in the second, after a price rise; c5-c9 closed in their first year. Perhetyö: nothing in the
  // first year, 200 € each for c0-c4 in the second. Perheneuvola: 50 € each for c0 and c1 in the first
  // year (two families), for c0-c4 in the second. Lastenneuvola: 10 € each for c0-c4 in the first year only.
  const rows = [
    ...families(0, 8).map((id) => usage(id, 'Sosiaalityö', '2022-04-15', 10_000)),
    usage('c9', 'Sosiaalityö', '2023-10-05', 10_000),
    ...families(0, 4).map((id) => usage(id, 'Sosiaalityö', '2023-03-01', 10_300)),
    ...families(0, 4).map((id) => usage(id, 'Perhetyö', '2023-06-01', 20_000)),
    ...families(0, 1).map((id) => usage(id, 'Perheneuvola', '2022-05-01', 5_000)),
    ...families(0, 4).map((id) => usage(id, 'Perheneuvola', '2023-05-01', 5_000)),
    ...families(0, 4).map((id) => usage(id, 'Lastenneuvola', '2022-06-01', 1_000)),
    // Outside the comparison: c0's third case year, and families of other cohorts.
    usage('c0', 'Sosiaalityö', '2024-03-01', 10_300),
    usage('x', 'Sosiaalityö', '2022-06-01', 10_000),
    usage('y', 'Sosiaalityö', '2023-06-01', 10_300),
  ];

  const compareCaseYears = (usage: readonly PricedUsage[], cohort: readonly CaseOpening[], opened: number) =>
    compareCohort(countCohort(usage, cohort, opened));

  it('when a cohort of ten is compared, then closed families count with nothing after closing, and a two-family cell hides the next-smallest of its year', () => {
    const comparison = compareCaseYears(rows, openings, 2022);
    expect(comparison).toMatchObject({ mode: 'case-years', opened: 2022, cohort: { suppressed: false, families: 10 } });
    expect(comparison.rows.map((row) => row.label.fi)).toEqual(['Lastenneuvola', 'Perheneuvola', 'Perhetyö', 'Sosiaalityö']);
    const [childHealth, counselling, familyWork, socialWork] = comparison.rows;
    // Perheneuvola's first year (two families) is hidden; in the first year's column, the next-smallest is
    // Lastenneuvola (50 €), hidden so that the total cannot give Perheneuvola away.
    expect(childHealth).toMatchObject({
      before: hidden,
      after: empty,
      difference: hiddenChange,
      perFamilyDifference: hiddenChange,
    });
    expect(counselling).toMatchObject({
      before: hidden,
      after: shown(25_000, 5),
      difference: hiddenChange,
      perFamilyAfter: shown(2_500, 5),
    });
    // Nothing in the first year: the difference in euros, no per cent.
    expect(familyWork).toMatchObject({
      before: empty,
      after: shown(100_000, 5),
      difference: change(100_000, null),
      perFamilyBefore: empty,
      perFamilyAfter: shown(10_000, 5),
      perFamilyDifference: change(10_000, null),
    });
    // 1000 € → 515 € (-48.5 %); per family of the cohort 100 € → 51.50 €.
    expect(socialWork).toEqual({
      label: { fi: 'Sosiaalityö' },
      before: shown(100_000, 10),
      after: shown(51_500, 5),
      difference: change(-48_500, -48.5),
      perFamilyBefore: shown(10_000, 10),
      perFamilyAfter: shown(5_150, 5),
      perFamilyDifference: change(-4_850, -48.5),
    });
    // 1000 + 100 + 50 = 1150 € → 515 + 1000 + 250 = 1765 €: +53.5 %; per family of the cohort 115 € → 176.50 €.
    expect(comparison.total).toEqual({
      before: shown(115_000, 10),
      after: shown(176_500, 5),
      difference: change(61_500, 53.5),
      perFamilyBefore: shown(11_500, 10),
      perFamilyAfter: shown(17_650, 5),
      perFamilyDifference: change(6_150, 53.5),
    });
  });

  it('when all but one or four families of the cohort used services in a year, then that figure is hidden, as it tells of the ones who did not', () => {
    // Without c5-c8's first-year usage, six of ten used Sosiaalityö, and six any service: each leaves out four.
    const comparison = compareCaseYears(
      rows.filter((row) => !(row.usedOn === '2022-04-15' && ['c5', 'c6', 'c7', 'c8'].includes(row.familyId))),
      openings,
      2022,
    );
    expect(comparison.total.before).toEqual(hidden);
    expect(comparison.rows.find((row) => row.label.fi === 'Sosiaalityö')!.before).toEqual(hidden);
    expect(comparison.total.after).toEqual(shown(176_500, 5));
  });

  it('when the cohort has four families, then nothing of it is told, not even which services it used', () => {
    const comparison = compareCaseYears(rows, openings.slice(0, 4), 2022);
    expect(comparison).toEqual({
      mode: 'case-years',
      opened: 2022,
      cohort: { suppressed: true, families: null },
      rows: [],
      total: {
        before: hidden,
        after: hidden,
        difference: hiddenChange,
        perFamilyBefore: hidden,
        perFamilyAfter: hidden,
        perFamilyDifference: hiddenChange,
      },
    });
  });
});
