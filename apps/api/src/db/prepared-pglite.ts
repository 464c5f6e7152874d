import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { LRUCache } from 'lru-cache';

const { serialize } = protocol;

/** What drizzle's PGlite driver calls on its client. */
interface PgliteClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  transaction<T>(work: (tx: Pick<Transaction, 'query'>) => Promise<T>): Promise<T>;
}

interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * PGlite's `query` parses, analyses and plans its statement anew every time, in six calls into
 * the database; the API's statements are few and long (the group commit, the relationship, the
 * audit link with its event), so that work cost more than running them (measured: the read
 * group commit 11.8 ms unnamed against 4.7 ms prepared, under load). This client keeps each
 * statement text as a named prepared statement (at most `maxStatements`, the least recently
 * used closed) and runs it with one call: bind, describe, execute, sync. Parameters are
 * serialised and results parsed by PGlite's own functions, as its `query` does.
 */
export class PreparedPglite implements PgliteClient {
  readonly #client: PGlite;
  readonly #statements: LRUCache<string, Prepared>;
  /** Names of evicted statements, closed once the statement that evicted them is prepared (or with a later one, if closing failed). */
  #toClose: string[] = [];
  #nextName = 0;

  constructor(client: PGlite, maxStatements = 1_000) {
    this.#client = client;
    this.#statements = new LRUCache({
      max: maxStatements,
      dispose: (prepared) => void this.#toClose.push(prepared.name),
    });
  }

  /** Like `PGlite.query`: waits for any open transaction, then runs alone. */
  query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (options?.blob) return this.#client.query<T>(text, params, options);
    return this.#client._runExclusiveTransaction(() =>
      this.#client._runExclusiveQuery(async () => {
        const results = await this.#run<T>(text, params, options);
        await this.#client.syncToFs();
        return results;
      }),
    );
  }

  /** Like `PGlite.transaction`; its statements are prepared too (the transaction already runs alone). */
  transaction<T>(work: (tx: Pick<Transaction, 'query'>) => Promise<T>): Promise<T> {
    return this.#client.transaction((tx) =>
      work({
        query: <R>(text: string, params: unknown[] = [], options?: QueryOptions) => {
          if (tx.closed) throw new Error('Transaction is closed');
          if (options?.blob) return tx.query<R>(text, params, options);
          return this.#client._runExclusiveQuery(() => this.#run<R>(text, params, options));
        },
      }),
    );
  }

  async #run<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const prepared = this.#statements.get(text) ?? (await this.#prepare(text));
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const type = prepared.paramTypes[index]!;
      const serializer = options?.serializers?.[type] ?? this.#client.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await this.#client.execProtocol(
      concat([
        serialize.bind({ statement: prepared.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const { parsers, ...rest } = options ?? {};
    return parse.parseResults(messages, parsers ? this.#overriding(parsers) : this.#client.parsers, rest)[0] as Results<T>;
  }

  /**
   * PGlite's own parsers with the query's in front. PGlite merges them by copying its 318 parsers
   * into a new object, on every query that brings its own (drizzle's always does): that copy cost
   * as much as running a small statement. A lookup through the prototype finds the same parser.
   */
  #overriding(parsers: NonNullable<QueryOptions['parsers']>): PGlite['parsers'] {
    return Object.assign(Object.create(this.#client.parsers) as PGlite['parsers'], parsers);
  }

  async #prepare(text: string): Promise<Prepared> {
    const name = `yhdessa_${this.#nextName++}`;
    const { messages } = await this.#client.execProtocol(
      concat([serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const description = messages.find((message) => message.name === 'parameterDescription') as
      { dataTypeIDs: number[] } | undefined;
    const prepared = { name, paramTypes: description?.dataTypeIDs ?? [] };
    this.#statements.set(text, prepared);
    await this.#closeEvicted();
    return prepared;
  }

  async #closeEvicted(): Promise<void> {
    const names = this.#toClose.splice(0);
    if (names.length === 0) return;
    try {
      await this.#client.execProtocol(concat([...names.map((name) => serialize.close({ type: 'S', name })), serialize.sync()]), {
        syncToFs: false,
      });
    } catch {
      // Tried again with the next eviction; an unclosed statement only holds a little memory.
      this.#toClose.push(...names);
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
