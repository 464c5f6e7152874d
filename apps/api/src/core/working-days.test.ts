import { addWorkingDays, daysOffIn, isWorkingDay } from './working-days';

/**
 * Finland's public holidays by law (Easter, Ascension, Midsummer and All Saints' fall on their own
 * days each year), with Midsummer Eve and Christmas Eve, when municipal offices are closed.
 */
const officialDaysOff: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-01-06',
    '2026-04-03',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-24',
    '2026-06-19',
    '2026-06-20',
    '2026-10-31',
    '2026-12-06',
    '2026-12-24',
    '2026-12-25',
    '2026-12-26',
  ],
  2027: [
    '2027-01-01',
    '2027-01-06',
    '2027-03-26',
    '2027-03-28',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-16',
    '2027-06-25',
    '2027-06-26',
    '2027-11-06',
    '2027-12-06',
    '2027-12-24',
    '2027-12-25',
    '2027-12-26',
  ],
  2028: [
    '2028-01-01',
    '2028-01-06',
    '2028-04-14',
    '2028-04-16',
    '2028-04-17',
    '2028-05-01',
    '2028-05-25',
    '2028-06-04',
    '2028-06-23',
    '2028-06-24',
    '2028-11-04',
    '2028-12-06',
    '2028-12-24',
    '2028-12-25',
    '2028-12-26',
  ],
};

describe('daysOffIn: the days the municipality does not work besides weekends', () => {
  it.each([2026, 2027, 2028])('when the year is %i, then the days off are the official list', (year) => {
    expect(daysOffIn(year)).toEqual(officialDaysOff[year]);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['a Tuesday', '2026-03-10', true],
    ['a Saturday', '2026-03-14', false],
    ['a Sunday', '2026-03-15', false],
    ['Independence Day on a Monday', '2027-12-06', false],
    ['Good Friday', '2026-04-03', false],
    ['Easter Monday', '2026-04-06', false],
    ['Ascension Day', '2027-05-06', false],
    ['Midsummer Eve', '2026-06-19', false],
    ['Christmas Eve', '2026-12-24', false],
    ["New Year's Eve, a working day", '2026-12-31', true],
  ])('when the day is %s (%s), then working day: %s', (_name, day, working) => {
    expect(isWorkingDay(day)).toBe(working);
  });
});

describe('addWorkingDays: two working days on, at the same time of day in Helsinki', () => {
  it.each([
    ['Monday noon', '2025-03-03T10:00:00Z', '2025-03-05T10:00:00.000Z'],
    ['Thursday noon', '2025-03-06T10:00:00Z', '2025-03-10T10:00:00.000Z'],
    ['Saturday noon', '2025-03-08T10:00:00Z', '2025-03-11T10:00:00.000Z'],
    ['Friday before Independence Day on Monday', '2027-12-03T10:00:00Z', '2027-12-08T10:00:00.000Z'],
    ['Thursday before Easter', '2026-04-02T10:00:00Z', '2026-04-08T10:00:00.000Z'],
    ['Wednesday before Christmas Eve', '2026-12-23T10:00:00Z', '2026-12-29T10:00:00.000Z'],
    ['Thursday before Midsummer Eve', '2026-06-18T10:00:00Z', '2026-06-23T10:00:00.000Z'],
    // 00:30 on Friday in Helsinki, though still Thursday in UTC: Friday is the day it was sent.
    ['Thursday 22:30 UTC, Friday in Helsinki', '2026-12-03T22:30:00Z', '2026-12-07T22:30:00.000Z'],
    // 12:00 in winter time on Friday; 12:00 in summer time on Tuesday is an hour earlier in UTC.
    ['Friday before summer time begins', '2026-03-27T10:00:00Z', '2026-03-31T09:00:00.000Z'],
  ])('when sent on %s (%s), then due at %s', (_name, from, due) => {
    expect(addWorkingDays(new Date(from), 2).toISOString()).toBe(due);
  });

  it('when no working days are added, then the moment stays', () => {
    expect(addWorkingDays(new Date('2025-03-08T10:00:00Z'), 0).toISOString()).toBe('2025-03-08T10:00:00.000Z');
  });
});
