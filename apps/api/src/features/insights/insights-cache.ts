import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';

/** How many computed aggregates one API instance keeps (per figure and query: a handful in use). */
const MAX_ENTRIES = 32;

/**
 * The manager's aggregates read every family's rows, so at 100,000 families one takes seconds. An
 * answer is kept with the count of changes to the tables it was drawn from (`insights_data_changes`,
 * kept by triggers on every table they read) and given again while the count stands. The count is
 * read before the figures, in the same transaction: figures drawn from a later snapshot are newer
 * than their count, never older, and any change committed since to one of its tables moves the
 * count. So a kept answer is the one a fresh computation would give; only the audit row of the read
 * is written each time. Reads that come at once with the same count (a manager's page asks for
 * every view together) share one computation. One cache per API instance: each instance counts
 * from the database, so instances agree.
 */
export function createInsightsCache() {
  const entries = new Map<string, { changes: string; value: unknown }>();
  /** Computations under way, by key and count. */
  const computing = new Map<string, Promise<unknown>>();
  /** `tables`: every table the answer is drawn from; a change to another leaves it kept. */
  return async function cached<T>(
    db: Queryable,
    key: string,
    tables: readonly InsightsTable[],
    compute: () => Promise<T>,
  ): Promise<T> {
    const [row] = await queryRows<{ changes: string }>(
      db,
      sql`select coalesce(sum(changes), 0)::text as changes from insights_data_changes
        where changed_table = '*' or changed_table in ${[...tables]}`,
    );
    const changes = row?.changes ?? '0';
    const kept = entries.get(key);
    if (kept && kept.changes === changes) return kept.value as T;
    const under = `${key}@${changes}`;
    const shared = computing.get(under);
    // Drawn from the same data as this read's would be; should it fail with its own transaction, this read computes its own.
    if (shared) return (shared as Promise<T>).catch(compute);
    const value = compute().finally(() => computing.delete(under));
    computing.set(under, value);
    const computed = await value;
    entries.delete(key);
    entries.set(key, { changes, value: computed });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return computed;
  };
}

export type InsightsCache = ReturnType<typeof createInsightsCache>;

/** The tables whose changes are counted (drizzle/0021_insights_data_changes.sql). */
export type InsightsTable =
  | 'service_usage'
  | 'service_prices'
  | 'services'
  | 'organisations'
  | 'service_roles'
  | 'measurements'
  | 'measurement_scores'
  | 'goals'
  | 'feedback_requests'
  | 'programs'
  | 'program_enrolments'
  | 'accounts'
  | 'families';

/** What the cost figures read: the usage, its prices and services, and each family's opening and municipality. */
export const USAGE_TABLES: readonly InsightsTable[] = [
  'service_usage',
  'service_prices',
  'services',
  'organisations',
  'families',
  'accounts',
];
/** What the outcome figures read: the cost figures, and the meters, goals, answers and programmes. */
export const OUTCOME_TABLES: readonly InsightsTable[] = [
  ...USAGE_TABLES,
  'measurements',
  'measurement_scores',
  'goals',
  'feedback_requests',
  'programs',
  'program_enrolments',
];
/** What the caseloads read: the families and their service roles. */
export const CASELOAD_TABLES: readonly InsightsTable[] = ['families', 'service_roles'];
