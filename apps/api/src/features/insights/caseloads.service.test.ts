import { buildDistribution } from './cost-figures';
import { pageOfCaseloads, presentCaseloads, type CaseloadFigures } from './caseloads.service';

const shown = (families: number) => ({ suppressed: false, families });
const hidden = { suppressed: true, families: null };

/** Thirty coordinators: 29 with 40 families down to 12, and one with 3. */
const figures: CaseloadFigures = {
  servicesPerFamily: buildDistribution([{ label: '0', families: 0 }]),
  caseloads: buildDistribution([
    ...Array.from({ length: 29 }, (_, rank) => ({ label: String(rank + 1), families: 40 - rank })),
    { label: '30', families: 3 },
  ]),
};

describe('the coordinators of the caseloads, a page at a time', () => {
  it('when the first answer is presented, then it holds the 25 largest caseloads, the total and the count, and a cursor to the rest', () => {
    const { caseloads } = presentCaseloads(figures);
    expect(caseloads.buckets.map((bucket) => bucket.label)).toEqual(Array.from({ length: 25 }, (_, rank) => String(rank + 1)));
    expect(caseloads).toMatchObject({ count: 30, total: shown(757), nextCursor: expect.any(String) });
  });

  it('when the pages are read to the end, then together they are the whole distribution, hiding what it hides though a page alone would not', () => {
    const first = pageOfCaseloads(figures, { limit: 25 });
    const rest = pageOfCaseloads(figures, { cursor: first.nextCursor!, limit: 25 });
    expect(rest.nextCursor).toBeNull();
    expect([...first.buckets, ...rest.buckets]).toEqual(figures.caseloads.buckets);
    // The coordinator with 3 is hidden, and with it the next-smallest (12), which the total would otherwise tell.
    expect(rest.buckets.map((bucket) => bucket.families)).toEqual([shown(15), shown(14), shown(13), hidden, hidden]);
  });
});
