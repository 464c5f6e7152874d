import { DEFAULT_PAGE_SIZE } from '@yhdessa/shared';
import type { AppError } from '../../core/app-error';
import { costPerFamily, countUsage, type PricedUsage } from '../../test/insights-reference';
import { buildCosts, pageOfCostTable, presentCosts } from './costs.service';

const serviceId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const families = Array.from({ length: 10 }, (_, n) => `family-${n + 1}`);
const used = (service: number, name: string, familyIds: readonly string[], costCents: number): PricedUsage[] =>
  familyIds.map((familyId) => ({
    familyId,
    service: { id: serviceId(service), name: { fi: name } },
    organisation: { id: serviceId(900), name: 'Kunta' },
    municipality: null,
    usedOn: '2026-01-15',
    period: 'day',
    costCents,
  }));

/** January 2026: family work for ten families, the school counsellor for six, a support person for one. */
const usage = [
  ...used(1, 'Perhetyö', families, 10_000),
  ...used(2, 'Koulukuraattori', families.slice(0, 6), 5_000),
  ...used(3, 'Tukihenkilö', families.slice(0, 1), 2_000),
];
const costsOf = (year: number) =>
  buildCosts(countUsage(usage), year, costPerFamily(usage.filter((item) => item.usedOn.startsWith(`${year}-`))));

describe('the rows of the cost tables, a page at a time', () => {
  const figures = costsOf(2026);
  const hidden = { suppressed: true, costCents: null, families: null };

  it('when the first answer is presented, then each table holds its first rows, the largest cost first, its totals over every row and the count', () => {
    const costs = presentCosts(figures);
    expect(costs.byServiceMonth.rows.map((row) => row.label.fi)).toEqual(['Perhetyö', 'Koulukuraattori', 'Tukihenkilö']);
    expect(costs.byServiceMonth).toMatchObject({ count: 3, nextCursor: null, total: figures.byServiceMonth.total });
    expect(costs.byServiceYear.columnTotals).toEqual(figures.byServiceYear.columnTotals);
    expect(DEFAULT_PAGE_SIZE).toBeGreaterThan(3);
  });

  it('when the pages are read one row at a time, then together they are the whole table, hiding what it hides though a page alone would not', () => {
    for (const name of ['byServiceMonth', 'byServiceYear'] as const) {
      const pages = [pageOfCostTable(figures, name, { limit: 1 })];
      while (pages.at(-1)!.nextCursor)
        pages.push(pageOfCostTable(figures, name, { cursor: pages.at(-1)!.nextCursor!, limit: 1 }));
      expect(pages).toHaveLength(3);
      expect(pages.flatMap((page) => page.rows)).toEqual(figures[name].rows.map(({ row }) => row));
      for (const page of pages)
        expect([page.columnTotals, page.total, page.count]).toEqual([figures[name].columnTotals, figures[name].total, 3]);
      // Six families used the school counsellor, yet its page hides them: the support person's one family on
      // the next page would otherwise be the column's total less what is shown.
      const counsellor = pages[1]!.rows[0]!;
      expect([counsellor.label.fi, counsellor.cells[0], pages[2]!.rows[0]!.cells[0]]).toEqual([
        'Koulukuraattori',
        hidden,
        hidden,
      ]);
    }
  });

  it("when a cursor of one table is passed to another, or a year's cursor to another year, then it belongs to another list", () => {
    const cursorProblem = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        return (error as AppError).extra.errors;
      }
      throw new Error('expected a 400');
    };
    const cursor = pageOfCostTable(figures, 'byServiceMonth', { limit: 1 }).nextCursor!;
    const anotherList = [{ path: 'query.cursor', message: expect.stringMatching(/another list/) }];
    expect(cursorProblem(() => pageOfCostTable(figures, 'byOrganisationMonth', { cursor, limit: 1 }))).toEqual(anotherList);
    expect(cursorProblem(() => pageOfCostTable(costsOf(2025), 'byServiceMonth', { cursor, limit: 1 }))).toEqual(anotherList);
  });
});
