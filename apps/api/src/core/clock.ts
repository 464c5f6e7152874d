import { sql } from 'drizzle-orm';

/**
 * Today in the municipality's time zone, read in SQL: every date rule (a role that has ended, an
 * overdue action, a coming review, a default start or end date) uses this one clock, so a day
 * ends at midnight in Helsinki, not in UTC or in the database server's zone.
 */
export const municipalityToday = sql<string>`(now() at time zone 'Europe/Helsinki')::date`;

/** The day (`YYYY-MM-DD`) a moment falls on in the municipality, for rules computed outside SQL. */
export const municipalityDate = (at = new Date()) => helsinkiDay.format(at);

const helsinkiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' });

/** This month (`YYYY-MM`) in the municipality's time zone. */
export const municipalityMonth = (now = new Date()) => municipalityDate(now).slice(0, 7);
