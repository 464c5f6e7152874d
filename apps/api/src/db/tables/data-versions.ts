import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * A counter per scope of data that the API keeps in memory: `family:<id>` for what a family's plan
 * and its access decisions are read from, `directory` for accounts, services and memberships.
 * Database triggers (migration `data_versions`) move it in the transaction of every change, so a
 * cached copy is current exactly when its recorded version still equals this one, whichever
 * instance or script made the change.
 */
export const dataVersions = pgTable('data_versions', {
  scope: text('scope').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
