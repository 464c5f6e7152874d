import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * How many changes the manager's aggregates are drawn from, counted by triggers (see the migrations
 * `insights_data_changes` and `insights_changes_per_table`): every statement that changes such a
 * table adds one to its database session's row of that table. A session runs one transaction at a
 * time, so concurrent writers never wait for one another here, and the sum over the rows of some
 * tables, read in a snapshot, rises with every committed change to them: two reads with the same sum
 * saw the same data of those tables, which lets an aggregate be kept until the sum of its tables moves.
 */
export const insightsDataChanges = pgTable(
  'insights_data_changes',
  {
    /** `pg_backend_pid()` of the session that counted. */
    backend: integer('backend').notNull(),
    /** The table changed; `*` for the changes counted before tables were told apart, which count for every aggregate. */
    changedTable: text('changed_table').notNull().default('*'),
    changes: bigint('changes', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.backend, table.changedTable] })],
);
