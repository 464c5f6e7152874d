import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * How many changes the manager's aggregates are drawn from, counted by triggers (see the migration
 * `insights_data_changes`): every statement that changes such a table adds one to its database
 * session's row. A session runs one transaction at a time, so concurrent writers never wait for one
 * another here, and the sum over the rows, read in a snapshot, rises with every committed change:
 * two reads with the same sum saw the same data, which lets a computed aggregate be kept until the sum moves.
 */
export const insightsDataChanges = pgTable('insights_data_changes', {
  /** `pg_backend_pid()` of the session that counted. */
  backend: integer('backend').primaryKey(),
  changes: bigint('changes', { mode: 'number' }).notNull(),
});
