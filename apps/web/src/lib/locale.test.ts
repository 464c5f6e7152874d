import { formatDate, formatDateTimeParts, formatMonth, formatMonthYear } from './locale';

describe('dates, one way per language', () => {
  it.each([
    ['fi', '27.11.2026'],
    ['sv', '27.11.2026'],
    ['en', '27 Nov 2026'],
  ] as const)('a day in %s is written %s', (language, expected) => {
    expect(formatDate('2026-11-27', language)).toBe(expected);
  });

  it.each([
    ['fi', '1.3.2026'],
    ['sv', '1.3.2026'],
    ['en', '1 Mar 2026'],
  ] as const)('a day with one-digit parts in %s is %s', (language, expected) => {
    expect(formatDate('2026-03-01', language)).toBe(expected);
  });

  it.each([
    // Winter: Finland is UTC+2.
    ['fi', '2026-11-27T15:55:00Z', { date: '27.11.2026', time: '17.55' }],
    ['sv', '2026-11-27T15:55:00Z', { date: '27.11.2026', time: '17.55' }],
    ['en', '2026-11-27T15:55:00Z', { date: '27 Nov 2026', time: '17:55' }],
    // Summer: UTC+3, and a late evening in UTC that is already the next day in Finland.
    ['fi', '2026-06-30T21:05:00Z', { date: '1.7.2026', time: '00.05' }],
    ['sv', '2026-06-30T21:05:00Z', { date: '1.7.2026', time: '00.05' }],
    ['en', '2026-06-30T21:05:00Z', { date: '1 Jul 2026', time: '00:05' }],
  ] as const)('a moment in %s (%s) is a date and a time in Finnish time', (language, moment, expected) => {
    expect(formatDateTimeParts(moment, language)).toEqual(expected);
  });

  it.each(['fi', 'sv', 'en'] as const)('a moment in %s is dated as its day is', (language) => {
    expect(formatDateTimeParts('2026-11-22T15:55:00Z', language).date).toBe(formatDate('2026-11-22', language));
  });

  it.each([
    ['fi', 'marraskuu 2026', 'marras'],
    ['sv', 'november 2026', 'nov.'],
    ['en', 'November 2026', 'Nov'],
  ] as const)('a month in %s is %s, or %s in a table of one year', (language, long, short) => {
    expect(formatMonthYear('2026-11', language)).toBe(long);
    expect(formatMonthYear('2026-11-27', language)).toBe(long);
    expect(formatMonth('2026-11', language)).toBe(short);
  });
});
