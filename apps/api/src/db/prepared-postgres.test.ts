import { Client } from 'pg';
import { MAX_PREPARED_STATEMENTS, prepareStatementsOf } from './prepared-postgres';

const serverUrl = process.env.TEST_DATABASE_URL;

(serverUrl ? describe : describe.skip)('statements on the PostgreSQL server', () => {
  let client: Client;
  beforeEach(async () => {
    client = new Client({ connectionString: serverUrl });
    await client.connect();
    prepareStatementsOf(client);
  });
  afterEach(() => client.end());

  const prepared = async () =>
    (await client.query<{ statement: string }>('select statement from pg_prepared_statements order by prepare_time')).rows.map(
      (row) => row.statement,
    );

  it('when a statement with parameters runs again, then it runs as the one statement the connection prepared', async () => {
    for (const value of [1, 2, 3]) {
      const result = await client.query({ text: 'select $1::int + 1 as next' }, [value]);
      expect(result.rows).toEqual([{ next: value + 1 }]);
    }
    expect(await client.query({ text: 'select $1::text as word', values: ['hei'] }).then((result) => result.rows)).toEqual([
      { word: 'hei' },
    ]);

    expect(await prepared()).toEqual(['select $1::int + 1 as next', 'select $1::text as word']);
  });

  it('when a statement has no parameters, then it goes as a simple query and is not kept', async () => {
    await client.query('begin');
    await client.query({ text: 'select 1 as one' });
    await client.query('commit');
    expect(await prepared()).toEqual([]);
  });

  it('when a connection has kept as many statements as it may, then later new ones run unnamed and still answer', async () => {
    for (let n = 0; n < MAX_PREPARED_STATEMENTS; n += 1) await client.query(`select $1::int as n${n}`, [n]);
    expect((await client.query('select $1::int as later', [5])).rows).toEqual([{ later: 5 }]);

    const kept = await prepared();
    expect(kept).toHaveLength(MAX_PREPARED_STATEMENTS);
    expect(kept).not.toContain('select $1::int as later');
    // One kept earlier still runs as prepared.
    expect((await client.query('select $1::int as n0', [9])).rows).toEqual([{ n0: 9 }]);
    expect(await prepared()).toHaveLength(MAX_PREPARED_STATEMENTS);
  });

  it('when a statement fails in a transaction, then the transaction rolls back and the connection goes on', async () => {
    await client.query('begin');
    await expect(client.query('select 1 / $1::int as broken', [0])).rejects.toThrow('division by zero');
    await client.query('rollback');
    expect((await client.query('select 4 / $1::int as whole', [2])).rows).toEqual([{ whole: 2 }]);
  });
});
