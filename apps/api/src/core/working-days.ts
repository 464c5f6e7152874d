import Holidays from 'date-holidays';
import { addDays } from './calendar-days';
import { municipalityDate } from './clock';

const DAY_MS = 86_400_000;
const finland = new Holidays('FI');
/** Not public holidays by law, but municipal offices are closed on them (arkipyhät in KVTES). */
const evesOff = new Set(['juhannusaatto', 'jouluaatto']);
const daysOffByYear = new Map<number, readonly string[]>();

/** The weekdays and weekend days (`YYYY-MM-DD`) of the year on which the municipality does not work, in order. */
export function daysOffIn(year: number): readonly string[] {
  let days = daysOffByYear.get(year);
  if (!days) {
    days = finland
      .getHolidays(year, 'fi')
      .filter((holiday) => holiday.type === 'public' || evesOff.has(holiday.name.toLowerCase()))
      .map((holiday) => holiday.date.slice(0, 10))
      .sort();
    daysOffByYear.set(year, days);
  }
  return days;
}

/** Monday to Friday, except Finland's public holidays and Midsummer and Christmas Eve. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !daysOffIn(Number(day.slice(0, 4))).includes(day);
}

/** Helsinki's offset from UTC at the moment, in milliseconds (+2 h in winter, +3 h in summer). */
function helsinkiOffsetMs(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Helsinki', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '') ?? [];
  if (!sign) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

/**
 * The moment `days` working days after `from`, counted on Helsinki's calendar, at the same time of
 * day in Helsinki: Thursday 10:00 plus two is Monday 10:00, and a holiday on the way adds a day.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const start = municipalityDate(from);
  let day = start;
  for (let counted = 0; counted < days;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  const moved = new Date(from.getTime() + ((Date.parse(day) - Date.parse(start)) / DAY_MS) * DAY_MS);
  // Across a change to or from summer time the same time of day is an hour nearer or further.
  return new Date(moved.getTime() + helsinkiOffsetMs(from) - helsinkiOffsetMs(moved));
}
