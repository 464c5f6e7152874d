/** Day arithmetic on calendar days written `YYYY-MM-DD`, which compare as dates. */

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => fromTime(toTime(day) + days * DAY_MS);

/** Calendar months later, clamped to the month's end: 31 Jan + 1 month is 28 (or 29) Feb. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDate = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDate));
  return fromTime(target.getTime());
}
