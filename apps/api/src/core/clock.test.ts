import { municipalityDate, municipalityMonth } from './clock';

describe("the municipality's day", () => {
  it('when a moment falls before or after midnight in Helsinki, then it is on that day there, in winter and in summer', () => {
    // Winter: UTC+2. The last millisecond of 6 December in Helsinki, then its first of the 7th, asked in turn.
    expect(municipalityDate(new Date('2026-12-06T21:59:59.999Z'))).toBe('2026-12-06');
    expect(municipalityDate(new Date('2026-12-06T22:00:00.000Z'))).toBe('2026-12-07');
    expect(municipalityDate(new Date('2026-12-06T21:59:59.999Z'))).toBe('2026-12-06');
    // Summer: UTC+3.
    expect(municipalityDate(new Date('2026-06-30T20:59:59.000Z'))).toBe('2026-06-30');
    expect(municipalityDate(new Date('2026-06-30T21:00:00.000Z'))).toBe('2026-07-01');
    expect(municipalityMonth(new Date('2026-06-30T21:00:00.000Z'))).toBe('2026-07');
  });

  it('when asked about an invalid moment, then it says so instead of answering an earlier day', () => {
    municipalityDate(new Date('2026-12-06T12:00:00Z'));
    expect(() => municipalityDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
