import { countUsage, type PricedUsage } from '../../test/insights-reference';
import { forecastYear, monthsBefore } from './cost-forecast';
import { buildForecast, pageOfForecasts, presentForecast } from './forecast.service';

/**
 * A hand-computed fixture: 1,000, 1,200, 1,100, 1,300 … 1,700 EUR in the twelve months of 2025
 * (a rise of 100 EUR every other month, in a zigzag). With the months numbered 0-11: x̄ = 5.5,
 * ȳ = 135,000 c, Sxx = 143, Sxy = 760,000, so the slope is 760,000 / 143 = 5,314.69 c a month;
 * the residuals' squares add up to 660,839,160.8, so s² = 66,083,916.08 (10 degrees of freedom).
 * 2026 (months 12-23): Σŷ = 12 · 135,000 + 5,314.69 · Σ(x − 5.5) = 1,620,000 + 5,314.69 · 144
 * = 2,385,314.69 c; its variance s² · (12 + 144/12 + 144²/143) = 11,168,643,943; t(0.9, 10) =
 * 1.372184, so the 80 % band is ± 145,014.84: 2,240,300 to 2,530,330 c.
 * January 2026 alone: ŷ = 105,769.23 + 5,314.69 · 12 = 169,545.45 ± 1.372184 · √(s² · (1 + 1/12 +
 * 6.5²/143)) = ± 13,098.12.
 */
const zigzag = [1000, 1200, 1100, 1300, 1200, 1400, 1300, 1500, 1400, 1600, 1500, 1700].map((euros, index) => ({
  month: `2025-${String(index + 1).padStart(2, '0')}`,
  costCents: euros * 100,
}));

describe('forecast of a year from a monthly trend', () => {
  it('when twelve months rise in a zigzag, then next year is the sum of the fitted line with its 80 % band', () => {
    const forecast = forecastYear(zigzag, 2026);
    expect(forecast).toMatchObject({
      available: true,
      fittedMonths: 12,
      slopeCentsPerMonth: 5315,
      year: { expectedCents: 2_385_315, lowerCents: 2_240_300, upperCents: 2_530_330 },
    });
    if (!forecast.available) throw new Error('expected a forecast');
    expect(forecast.months).toHaveLength(12);
    expect(forecast.months[0]).toEqual({ month: '2026-01', expectedCents: 169_545, lowerCents: 156_447, upperCents: 182_644 });
    expect(forecast.months[11]!.month).toBe('2026-12');
  });

  it('when the months lie on a line, then the band closes on it', () => {
    const line = zigzag.map((point, index) => ({ ...point, costCents: 50_000 + 1_000 * index }));
    const forecast = forecastYear(line, 2026);
    // 2026 is months 12-23 of the line: 12 · 50,000 + 1,000 · (12 + … + 23) = 810,000.
    expect(forecast).toMatchObject({ year: { expectedCents: 810_000, lowerCents: 810_000, upperCents: 810_000 } });
  });

  it('when costs fall steeply, then the band stops at zero, as a cost cannot be negative', () => {
    const falling = zigzag.map((point, index) => ({ ...point, costCents: 110_000 - 10_000 * index + (index % 2) * 3_000 }));
    const forecast = forecastYear(falling, 2026);
    expect(forecast.available && forecast.year.expectedCents).toBeLessThan(0);
    expect(forecast).toMatchObject({ year: { lowerCents: 0 } });
  });

  it('when fewer than twelve months are known, then there is no forecast, only the months', () => {
    expect(forecastYear(zigzag.slice(1), 2026)).toEqual({ available: false, fittedMonths: 11, history: zigzag.slice(1) });
  });

  it('counts months back across a new year', () => {
    expect(monthsBefore('2026-02', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('the forecast the manager sees', () => {
  const usage = (familyId: string, service: string, usedOn: string, costCents: number): PricedUsage => ({
    familyId,
    service: { id: service, name: { fi: service } },
    organisation: { id: 'o', name: 'Kunta' },
    municipality: null,
    period: 'day',
    usedOn,
    costCents,
  });
  const families = ['f1', 'f2', 'f3', 'f4', 'f5'];
  // Service A: five families share each month's zigzag cost equally.
  const serviceA = zigzag.flatMap(({ month, costCents }) =>
    families.map((family) => usage(family, 'A', `${month}-15`, costCents / 5)),
  );

  it('when a service has twelve shown months, then next year follows its line (the fixture above, one year further)', () => {
    // In January 2026 the window is 2023-01…2025-12; the months before A's first cost are left out.
    // 2027 is months 24-35: 1,620,000 + 5,314.69 · 288 = 3,150,629 ± 274,150.
    const forecast = buildForecast(countUsage(serviceA), '2026-01');
    expect(forecast).toMatchObject({ year: 2027, fittedFrom: '2023-01', fittedTo: '2025-12', confidence: 0.8 });
    const expected = { expectedCents: 3_150_629, lowerCents: 2_876_479, upperCents: 3_424_780 };
    expect(forecast.services).toEqual([{ id: 'A', label: { fi: 'A' }, forecast: expect.objectContaining({ year: expected }) }]);
    expect(forecast.total).toMatchObject({ fittedMonths: 12, year: expected });
  });

  it('when a month of a service is drawn from two families, then the months the tables hide are left out of the lines', () => {
    // B: the same five families 10 EUR a month, but only two of them in June. June of B is hidden; then June of A,
    // the next-smallest figure of the June column; then January of A, the smallest of A's row (its total would give
    // June away); then January of B, for the January column. The months' totals, from all five families, show.
    const serviceB = zigzag.flatMap(({ month }) =>
      (month === '2025-06' ? families.slice(0, 2) : families).map((family) => usage(family, 'B', `${month}-15`, 1_000)),
    );
    const forecast = buildForecast(countUsage([...serviceA, ...serviceB]), '2026-01');
    const [a, b] = forecast.services;
    const shownMonths = zigzag.filter(({ month }) => month !== '2025-01' && month !== '2025-06');
    expect(a!.forecast.history).toEqual(shownMonths);
    expect(b!.forecast.history).toEqual(shownMonths.map(({ month }) => ({ month, costCents: 5_000 })));
    // Ten months are too few for a line: no forecast rather than one from gaps.
    expect(a!.forecast).toMatchObject({ available: false, fittedMonths: 10 });
    expect(forecast.total).toMatchObject({ available: true, fittedMonths: 12 });
  });
  it('when the services come a page at a time, then the largest forecast comes first, those without one last, and the pages together are every service', () => {
    const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const named = (items: PricedUsage[], id: string, fi: string) =>
      items.map((item) => ({ ...item, service: { id, name: { fi } } }));
    // Ä sorts after A and B in Finnish: the order is by the forecast, not by the name.
    const few = serviceA.filter((item) => item.usedOn >= '2025-07');
    const figures = buildForecast(
      countUsage([...named(few, uuid(1), 'A'), ...named(serviceA, uuid(2), 'Ä'), ...named(few, uuid(3), 'B')]),
      '2026-01',
    );
    const first = presentForecast(figures).services;
    expect(first).toMatchObject({ count: 3, nextCursor: null });
    expect(first.forecasts.map((each) => [each.label.fi, each.forecast.available])).toEqual([
      ['Ä', true],
      ['A', false],
      ['B', false],
    ]);
    const pages = [pageOfForecasts(figures, { limit: 2 })];
    pages.push(pageOfForecasts(figures, { cursor: pages[0]!.nextCursor!, limit: 2 }));
    expect(pages.map((page) => [page.count, page.nextCursor === null])).toEqual([
      [3, false],
      [3, true],
    ]);
    expect(pages.flatMap((page) => page.forecasts)).toEqual(first.forecasts);
    // A cursor holds for the month its forecast was fitted in.
    expect(() =>
      pageOfForecasts(buildForecast(countUsage(serviceA), '2026-02'), { cursor: pages[0]!.nextCursor!, limit: 2 }),
    ).toThrow();
  });
});
