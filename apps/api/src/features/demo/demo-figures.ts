/** mulberry32: a small, well-known seeded generator; `Math.random` would change the demo on every start. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Units as a service would record them: hours in halves, visits, days, meetings and sessions
 * whole, and at least one step, since an entry of 0 units would mean it was taken back.
 */
export function roundUnits(units: number, unit: string): number {
  const step = unit === 'hour' ? 0.5 : 1;
  return Math.max(step, Math.round(units / step) * step);
}

/**
 * A month's units around a family's usual level of a service, up to a fifth more or less from month
 * to month, and never more than the service's most in a month (a month has only so many days).
 */
export function unitsOfMonth(
  level: number,
  service: { unit: string; monthlyUnits: readonly [number, number] },
  random: () => number,
): number {
  return roundUnits(Math.min(service.monthlyUnits[1], level * (0.8 + random() * 0.4)), service.unit);
}
