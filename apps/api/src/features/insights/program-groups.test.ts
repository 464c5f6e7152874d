import type { UsagePeriod } from '@yhdessa/shared';
import { countProgramUsage, type PricedUsage } from '../../test/insights-reference';
import type { EnrolmentSpan } from '../programs';
import { programGroups as programGroupsOf } from './program-groups';

const program = { id: 'p1', name: 'Ohjelma' };
const span = (familyId: string, enrolledOn: string, endedOn: string | null = null): EnrolmentSpan => ({
  program,
  familyId,
  enrolledOn,
  endedOn,
});
const usage = (familyId: string, usedOn: string, costCents: number, period: UsagePeriod = 'day'): PricedUsage => ({
  familyId,
  service: { id: 's', name: { fi: 'Palvelu' } },
  organisation: { id: 'o', name: 'Kunta' },
  municipality: null,
  period,
  usedOn,
  costCents,
});

/** The groups of the spans, with the usage counted from the rows. */
const programGroups = (spans: readonly EnrolmentSpan[], usage: readonly PricedUsage[], years: readonly number[]) =>
  programGroupsOf(spans, countProgramUsage(spans, usage, years), years);

const five = ['f1', 'f2', 'f3', 'f4', 'f5'];
/** Six families in from 10 March 2025; f7 was in for six weeks at the start of 2025. */
const spans = [...five.map((id) => span(id, '2025-03-10')), span('f6', '2025-03-10'), span('f7', '2025-01-01', '2025-02-15')];
/** 100 € each for f1-f5 in April, and f6's March (its month overlaps the enrolment): 700 € from six families. */
const inProgram = [...five.map((id) => usage(id, '2025-04-01', 10_000)), usage('f6', '2025-03-01', 20_000, 'month')];

describe('outcome groups per programme', () => {
  it('when families were in the programme, then each counts in the years its enrolment overlaps', () => {
    const [group] = programGroups(spans, inProgram, [2024, 2025, 2026]);
    expect(group).toMatchObject({ kind: 'program', label: { fi: 'Ohjelma' } });
    expect(group!.includes('f7', 2025)).toBe(true);
    expect(group!.includes('f7', 2026)).toBe(false);
    expect(group!.includes('f1', 2024)).toBe(false);
    expect(group!.includes('f1', 2026)).toBe(true);
    expect(group!.includes('f8', 2025)).toBe(false);
  });

  it("when all usage of the year was the programme families' while in it, then the cost is theirs: 700 € from six", () => {
    const [group] = programGroups(spans, inProgram, [2025]);
    expect(group!.costOf(2025)).toEqual({ suppressed: false, costCents: 70_000, families: 6 });
    expect(group!.costOf(null)).toEqual({ suppressed: false, costCents: 70_000, families: 6 });
  });

  it('when one family had usage before it joined, then the cost hides: the total less it would tell that usage', () => {
    const [group] = programGroups(spans, [...inProgram, usage('f1', '2025-01-05', 5_000)], [2025]);
    expect(group!.costOf(2025)).toEqual({ suppressed: true, costCents: null, families: null });
    expect(group!.costOf(null)).toEqual({ suppressed: true, costCents: null, families: null });
  });

  it('when usage outside the programme is from five families or more, then the cost is shown without it', () => {
    const others = ['g1', 'g2', 'g3', 'g4', 'g5'].map((id) => usage(id, '2025-05-01', 1_000));
    const [group] = programGroups(spans, [...inProgram, ...others], [2025]);
    expect(group!.costOf(2025)).toEqual({ suppressed: false, costCents: 70_000, families: 6 });
  });

  it('when a later year is drawn from three families, then it hides, and so does the smallest other figure of its line', () => {
    const later = ['f1', 'f2', 'f3'].map((id) => usage(id, '2026-02-01', 3_000));
    const [group] = programGroups(spans, [...inProgram, ...later], [2025, 2026]);
    expect(group!.costOf(2026)).toEqual({ suppressed: true, costCents: null, families: null });
    // 2025 (700 €) is smaller than all years (790 €): it is the one hidden, so 2026 cannot be worked out.
    expect(group!.costOf(2025)).toEqual({ suppressed: true, costCents: null, families: null });
    expect(group!.costOf(null)).toEqual({ suppressed: false, costCents: 79_000, families: 6 });
  });

  it('when no family of the organisation was ever enrolled, then there is no programme group', () => {
    expect(programGroups([], inProgram, [2025])).toEqual([]);
  });
});
