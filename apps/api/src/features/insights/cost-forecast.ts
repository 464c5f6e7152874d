import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { CostForecast } from '@yhdessa/shared';

/** A month's published cost: `month` is `YYYY-MM`. */
export interface MonthlyCost {
  month: string;
  costCents: number;
}

/** Fewer months than a year would let one season pass for a trend. */
export const MIN_FITTED_MONTHS = 12;
/** The band holds the next year's cost with this probability, if the trend and its scatter go on as before. */
export const FORECAST_CONFIDENCE = 0.8;

const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (number: number) => `${Math.floor(number / 12)}-${String((number % 12) + 1).padStart(2, '0')}`;

/** The `count` months before `month` (`YYYY-MM`), oldest first. */
export const monthsBefore = (month: string, count: number) =>
  Array.from({ length: count }, (_, index) => monthOf(monthNumber(month) - count + index));

/**
 * Next year's cost from a straight line fitted by least squares to the monthly costs, with a
 * prediction band: for one month ŷ ± t·s·√(1 + 1/n + (t − t̄)²/Sxx), and for the year's sum of twelve
 * months Σŷ ± t·s·√(12 + 144/n + (Σ(t − t̄))²/Sxx), t the Student quantile with n − 2 degrees of
 * freedom. Months are assumed independent around the line; a cost is never below zero, so the
 * band's lower edge stops at zero.
 */
export function forecastYear(history: readonly MonthlyCost[], year: number): CostForecast {
  const n = history.length;
  if (n < MIN_FITTED_MONTHS) return { available: false, fittedMonths: n, history: [...history] };
  const xs = history.map((point) => monthNumber(point.month));
  const ys = history.map((point) => point.costCents);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const slope = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0) / sxx;
  const intercept = meanY - slope * meanX;
  const line = (x: number) => intercept + slope * x;
  const residualVariance = xs.reduce((sum, x, i) => sum + (ys[i]! - line(x)) ** 2, 0) / (n - 2);
  const quantile = tQuantile((1 + FORECAST_CONFIDENCE) / 2, n - 2);
  const band = (expected: number, spread: number) => ({
    expectedCents: Math.round(expected),
    lowerCents: Math.max(0, Math.round(expected - quantile * Math.sqrt(residualVariance * spread))),
    upperCents: Math.round(expected + quantile * Math.sqrt(residualVariance * spread)),
  });

  const future = Array.from({ length: 12 }, (_, index) => year * 12 + index);
  const months = future.map((x) => ({ month: monthOf(x), ...band(line(x), 1 + 1 / n + (x - meanX) ** 2 / sxx) }));
  const sumOfDistances = future.reduce((sum, x) => sum + (x - meanX), 0);
  return {
    available: true,
    fittedMonths: n,
    slopeCentsPerMonth: Math.round(slope),
    history: [...history],
    months,
    year: band(
      future.reduce((sum, x) => sum + line(x), 0),
      12 + 144 / n + sumOfDistances ** 2 / sxx,
    ),
  };
}
