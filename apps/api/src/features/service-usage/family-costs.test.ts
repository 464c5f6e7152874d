import { buildMonthlyCosts } from './family-costs';
import { lastDayOf, monthsThrough, usageDateProblem, type UsageWindow } from './usage-dates';

describe('buildMonthlyCosts', () => {
  it('when usage and roles span months, then each month has its own total, the running total and the services that ran', () => {
    const { months, totalCents } = buildMonthlyCosts(
      '2025-11',
      '2026-02',
      [
        { month: '2025-11', serviceId: 'a', units: 2, costCents: 20_000 },
        { month: '2026-01', serviceId: 'a', units: 1, costCents: 12_000 },
        { month: '2026-01', serviceId: 'b', units: 3.5, costCents: 35_050 },
      ],
      [
        { serviceId: 'a', from: '2025-11-20', to: null },
        { serviceId: 'b', from: '2025-12-31', to: '2026-01-15' },
      ],
    );
    expect(
      months.map(({ month, costCents, cumulativeCents, serviceCount }) => [month, costCents, cumulativeCents, serviceCount]),
    ).toEqual([
      ['2025-11', 20_000, 20_000, 1],
      ['2025-12', 0, 20_000, 2],
      ['2026-01', 47_050, 67_050, 2],
      ['2026-02', 0, 67_050, 1],
    ]);
    expect(totalCents).toBe(67_050);
  });
});

describe('usage dates', () => {
  const window: UsageWindow = {
    roleStatus: 'accepted',
    startsOn: '2025-03-10',
    endsOn: '2025-05-15',
    openedOn: '2025-03-01',
    today: '2025-06-01',
  };

  it.each<[string, 'day' | 'month', string, string | null]>([
    ['the day the role starts', 'day', '2025-03-10', null],
    ['the day before it starts', 'day', '2025-03-09', "The service's role had not started yet."],
    ['the month it starts in', 'month', '2025-03-01', null],
    ['the month it ends in', 'month', '2025-05-01', null],
    ['the day after it ends', 'day', '2025-05-16', "The service's role had ended."],
    ['the month after it ends', 'month', '2025-06-01', "The service's role had ended."],
    ['a month before the case opened', 'month', '2025-02-01', 'The case was not open yet.'],
    ['tomorrow', 'day', '2025-06-02', 'The day is in the future.'],
    ['the next month', 'month', '2025-07-01', 'The month has not begun.'],
  ])('when usage is on %s, then %s', (_case, period, usedOn, problem) => {
    expect(usageDateProblem(window, period, usedOn)).toBe(problem);
  });

  it('when months are counted, then leap years and year ends hold', () => {
    expect([lastDayOf('2024-02'), lastDayOf('2025-02'), lastDayOf('2025-12')]).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2025-12-31',
    ]);
    expect(monthsThrough('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
