import type { Query } from 'drizzle-orm';
import type { Db, Queryable } from './database';

/** What drizzle's query builders give: their SQL, and a prepared query that knows how to map rows. */
interface Buildable {
  toSQL(): Query;
  prepare(name?: string): unknown;
}

/** How rows of a built statement map to objects: kept from drizzle's own prepared query (not in its typings). */
interface RowMapping {
  fields: Parameters<Db['_']['session']['prepareQuery']>[1];
  joinsNotNullableMap?: Record<string, boolean>;
}

/**
 * A statement drizzle builds once: `build` uses `sql.placeholder` for every value, and each run
 * binds them and runs the kept SQL text on the database or transaction given. Drizzle builds a
 * statement's text anew on every run, which for the action update's cost more CPU than PGlite
 * spent running it (bench/report.ts "Reading the figures").
 */
export function builtOnce<Row>(build: (db: Db) => Buildable) {
  let built: { query: Query; mapping: RowMapping } | undefined;
  return async (db: Queryable, values: Record<string, unknown>): Promise<Row[]> => {
    if (!built) {
      const builder = build(db as Db);
      const { fields, joinsNotNullableMap } = builder.prepare() as RowMapping;
      built = { query: builder.toSQL(), mapping: { fields, joinsNotNullableMap } };
    }
    const prepared = (db as Db)._.session.prepareQuery(built.query, built.mapping.fields, undefined, true);
    Object.assign(prepared, { joinsNotNullableMap: built.mapping.joinsNotNullableMap });
    return (await prepared.execute(values)) as Row[];
  };
}
