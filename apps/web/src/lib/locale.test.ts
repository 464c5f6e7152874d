import {
  formatDate,
  formatDateTimeParts,
  formatDecimal,
  formatDecimalChange,
  formatEuros,
  formatMonth,
  formatMonthYear,
  formatPercent,
  numberInputFormat,
  parseTypedDate,
} from './locale';

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

describe('a typed date, read back as the language writes it', () => {
  it.each([
    ['fi', '27.11.2026', '2026-11-27'],
    ['fi', ' 1.3.2026 ', '2026-03-01'],
    ['sv', '01.03.2026', '2026-03-01'],
    ['en', '27 Nov 2026', '2026-11-27'],
    ['en', '27 november 2026', '2026-11-27'],
    ['en', '7 Sept 2026', '2026-09-07'],
    ['en', '27/11/2026', '2026-11-27'],
    ['fi', '2026-11-27', '2026-11-27'],
    ['en', '2026-11-27', '2026-11-27'],
  ] as const)('in %s, %s is %s', (language, typed, iso) => {
    expect(parseTypedDate(typed, language)).toBe(iso);
  });

  it.each(['fi', 'sv', 'en'] as const)('in %s, what formatDate writes reads back as the same day', (language) => {
    for (const day of ['2026-01-01', '2026-09-07', '2026-12-31'])
      expect(parseTypedDate(formatDate(day, language), language)).toBe(day);
  });

  it.each([
    ['fi', '27.11.26'],
    ['fi', '27.11.'],
    ['fi', '31.4.2026'],
    ['fi', '29.2.2027'],
    ['fi', '27 Nov 2026'],
    ['sv', '27/11/2026'],
    ['en', '27.11.2026'],
    ['en', '11/27/2026'],
    ['en', '27 No 2026'],
    ['en', '27 Foo 2026'],
    ['fi', '2026-13-01'],
    ['fi', ''],
  ] as const)('in %s, %s is no day', (language, typed) => {
    expect(parseTypedDate(typed, language)).toBeNull();
  });
});

describe('numbers and money, one way per language', () => {
  it.each([
    ['fi', '1 234,50 €', '1 234,5', '42,5 %', '−0,25'],
    ['sv', '1 234,50 €', '1 234,5', '42,5 %', '−0,25'],
    ['en', '€1,234.50', '1,234.5', '42.5%', '-0.25'],
  ] as const)('in %s, euros are %s, a number %s, a share %s, a change %s', (language, euros, decimal, percent, change) => {
    // Intl writes its grouping and the space before € and % as no-break spaces; they read as spaces.
    const spaced = (text: string) => text.replace(/\s/g, ' ');
    expect(spaced(formatEuros(123_450, language))).toBe(euros);
    expect(spaced(formatDecimal(1234.5, language))).toBe(decimal);
    expect(spaced(formatPercent(42.5, language))).toBe(percent);
    expect(formatDecimalChange(-0.25, language, 2)).toBe(change);
    expect(formatDecimalChange(0.5, language, 2)).toMatch(/^\+0[.,]50$/);
  });

  it.each([
    ['fi', { decimalSeparator: ',', thousandSeparator: ' ' }, { suffix: ' €' }],
    ['sv', { decimalSeparator: ',', thousandSeparator: ' ' }, { suffix: ' €' }],
    ['en', { decimalSeparator: '.', thousandSeparator: ',' }, { prefix: '€' }],
  ] as const)('a number field in %s writes numbers as the figures are written', (language, separators, euroSign) => {
    expect(numberInputFormat(language)).toEqual({ ...separators, prefix: undefined, suffix: undefined });
    expect(numberInputFormat(language, { euros: true })).toEqual({
      prefix: undefined,
      suffix: undefined,
      ...separators,
      ...euroSign,
    });
  });
});
