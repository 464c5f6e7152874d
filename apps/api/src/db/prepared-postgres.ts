import type pg from 'pg';

/** Named prepared statements a connection keeps at most; later new statements run unnamed, as before. */
export const MAX_PREPARED_STATEMENTS = 200;

type Query = (...args: unknown[]) => unknown;

/**
 * Makes a PostgreSQL connection keep the parameterised statements it runs as named prepared
 * statements, so the server parses and plans each once per connection instead of on every run
 * (`pool.on('connect', prepareStatementsOf)`). The first `MAX_PREPARED_STATEMENTS` distinct
 * statements are kept: deallocating one would be another query on a connection that is busy with
 * its caller's, and the pool closes a connection idle for 10 s, so a connection's statements are
 * those of the load it serves. Statements without parameters (BEGIN, COMMIT, a savepoint, a
 * migration file) still go as simple queries. The same idea as `PreparedPglite` for the embedded database.
 */
export function prepareStatementsOf(client: pg.ClientBase): void {
  const query = client.query.bind(client) as Query;
  const names = new Map<string, string>();
  (client as unknown as { query: Query }).query = (...args) => {
    const [given, values] = args;
    const config = typeof given === 'string' ? { text: given } : given;
    if (isUnnamedStatement(config) && hasParameters(config.values ?? values)) {
      let name = names.get(config.text);
      if (!name && names.size < MAX_PREPARED_STATEMENTS) {
        name = `yhdessa_${names.size}`;
        names.set(config.text, name);
      }
      if (name) args[0] = { ...config, name };
    }
    return query(...args);
  };
}

function isUnnamedStatement(config: unknown): config is { text: string; values?: unknown } {
  if (typeof config !== 'object' || config === null) return false;
  const { text, name, submit } = config as { text?: unknown; name?: unknown; submit?: unknown };
  return typeof text === 'string' && !name && typeof submit !== 'function';
}

const hasParameters = (values: unknown) => Array.isArray(values) && values.length > 0;
