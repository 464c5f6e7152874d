import fs from 'node:fs';
import { RAAHE_COSTS_FILE } from '../demo/seed-demo-historical-costs';
import { parseHistoricalCosts, presentHistoricalLine, yearTotals } from './historical-costs-csv';

const HEADER = 'year,service_fi,service_en,clients,total_cost_eur,reported_cost_per_client_eur';

describe('reading a file of yearly service costs', () => {
  it('when the Raahe file is read, then its 21 lines add up to the yearly totals of the source, in cents', () => {
    const { lines, errors } = parseHistoricalCosts(fs.readFileSync(RAAHE_COSTS_FILE, 'utf8'));
    expect(errors).toEqual([]);
    expect(lines).toHaveLength(21);
    expect(yearTotals(lines).map(({ year, totalCostCents }) => [year, totalCostCents])).toEqual([
      [2011, 463_093_600],
      [2012, 526_369_200],
      [2013, 566_340_300],
    ]);
  });

  it('when a line has its own per-client figure, then it is kept as reported, beside total / clients', () => {
    const { lines } = parseHistoricalCosts(fs.readFileSync(RAAHE_COSTS_FILE, 'utf8'));
    // 2011 preventive work: 597,911 EUR for 486 clients is 1,230.27 EUR; the deck says 1,249.
    expect(presentHistoricalLine(lines[0]!)).toEqual({
      year: 2011,
      service: { fi: 'Ehkäisevä lastensuojelutyö', en: 'Preventive child welfare work' },
      clients: 486,
      totalCostCents: 59_791_100,
      reportedCostPerClientCents: 124_900,
      computedCostPerClientCents: 123_027,
    });
  });

  it('when lines are bad, then every bad line is named with its number and reason', () => {
    const file = [
      HEADER,
      '2014,Sosiaalityö,Social work,900,650000.5,',
      '20x4,Avohuolto,Open care,-3,12,3',
      '2014,"Perheneuvola, Raahe",Family counselling,400,500000,1250',
      '2014,Sosiaalityö,Social work again,10,10,1',
      '',
      '2014,Jälkihuolto,Aftercare,30',
      '2014,Ehkäisevä,Preventive,10,1.999,',
      '2014,"Lastenvalvoja,Child welfare supervisor,600,70000,117',
    ].join('\r\n');
    const { lines, errors } = parseHistoricalCosts(file);
    expect(errors).toEqual([
      { line: 3, reason: 'year must be a year such as 2013; clients must be a whole number, 0 or more' },
      { line: 5, reason: 'the same service and year as line 2' },
      { line: 7, reason: 'expected 6 columns, found 4' },
      { line: 8, reason: 'total_cost_eur must be euros such as 597911 or 597911.50' },
      { line: 9, reason: 'a quoted field does not end' },
    ]);
    expect(lines.map((line) => [line.serviceFi, line.totalCostCents, line.reportedCostPerClientCents])).toEqual([
      ['Sosiaalityö', 65_000_050, null],
      ['Perheneuvola, Raahe', 50_000_000, 125_000],
    ]);
  });

  it('when a quote never closes, then the file is refused at that line, and the lines it swallows are not read as figures', () => {
    const file = [HEADER, '2014,"Sosiaalityö,Social work,900,650000,', '2015,Avohuolto,Open care,10,1000,100', ''].join('\n');
    expect(parseHistoricalCosts(file)).toEqual({ lines: [], errors: [{ line: 2, reason: 'a quoted field does not end' }] });
  });

  it('when a name is quoted with a comma or quotes in it, then it is read as written', () => {
    const file = [HEADER, '2014,"Perhetyö ""Tuki"", Raahe",Family work,10,1000,', '2014,Koulu 5" näyttö,School,1,1,'].join('\n');
    const { lines, errors } = parseHistoricalCosts(file);
    expect(errors).toEqual([]);
    expect(lines.map((line) => line.serviceFi)).toEqual(['Perhetyö "Tuki", Raahe', 'Koulu 5" näyttö']);
  });

  it('when the header is not the expected one or there are no lines, then the file is refused as a whole', () => {
    expect(parseHistoricalCosts('year;service\n2011;x').errors).toEqual([{ line: 1, reason: `the header must be ${HEADER}` }]);
    expect(parseHistoricalCosts(`\uFEFF${HEADER}\n\n`).errors).toEqual([{ line: 2, reason: 'the file has no lines of figures' }]);
  });
});
