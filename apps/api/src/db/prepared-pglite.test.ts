import { PGlite } from '@electric-sql/pglite';
import { PreparedPglite } from './prepared-pglite';

let plain: PGlite;
let prepared: PreparedPglite;

beforeAll(async () => {
  plain = await PGlite.create();
  prepared = new PreparedPglite(plain, 3);
  await plain.exec('create table items (id int primary key, name text not null, tags text[], detail jsonb, at timestamptz)');
});
afterAll(() => plain.close());

const statementsPrepared = async () =>
  (await plain.query<{ count: number }>('select count(*)::int as count from pg_prepared_statements')).rows[0]!.count;

describe('statements run prepared on PGlite', () => {
  it('when a statement runs prepared, then its rows, fields and affected rows are what PGlite itself answers', async () => {
    const insert = 'insert into items (id, name, tags, detail, at) values ($1, $2, $3, $4, $5) returning *';
    const values = [1, 'Ääkkönen "quoted"', ['a', 'b,c', null], { nested: { list: [1, 2] } }, new Date('2026-12-06T10:00:00Z')];
    const fromPrepared = await prepared.query(insert, values);
    await plain.query('delete from items');
    const fromPlain = await plain.query(insert, values);
    expect(fromPrepared.rows).toEqual(fromPlain.rows);
    expect(fromPrepared.fields).toEqual(fromPlain.fields);
    expect(fromPrepared.affectedRows).toBe(1);
    const select = 'select id, name, tags, detail, at from items where id = any($1::int[]) and name <> $2';
    const options = { rowMode: 'array' as const };
    expect((await prepared.query(select, [[1], null], options)).rows).toEqual(
      (await plain.query(select, [[1], null], options)).rows,
    );
  });

  it('when a query brings parsers of its own (as drizzle does), then they win for their types and PGlite’s parse the rest', async () => {
    const keepText = { 1184: (value: string) => `as text: ${value}` };
    const select = "select 7::int as n, '{\"a\":1}'::jsonb as j, '2026-12-06T10:00:00Z'::timestamptz as at";
    const fromPrepared = await prepared.query(select, [], { rowMode: 'array', parsers: keepText });
    const fromPlain = await plain.query(select, [], { rowMode: 'array', parsers: keepText });
    expect(fromPrepared.rows).toEqual(fromPlain.rows);
    expect(fromPrepared.rows[0]).toEqual([7, { a: 1 }, expect.stringMatching(/^as text: 2026-12-06 1\d:00:00/)]);
    // The next query without parsers of its own gets PGlite's again.
    expect((await prepared.query<{ at: unknown }>(select)).rows[0]!.at).toBeInstanceOf(Date);
  });

  it('when a statement fails, then the error is PostgreSQL’s own and the next statement runs', async () => {
    await expect(prepared.query('select * from no_such_table')).rejects.toMatchObject({ code: '42P01' });
    await expect(prepared.query('insert into items (id, name) values ($1, $2)', [1, 'again'])).rejects.toMatchObject({
      code: '23505',
    });
    expect((await prepared.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('when a transaction fails part way, then none of it stays, and its statements stay prepared for the next', async () => {
    await expect(
      prepared.transaction(async (tx) => {
        await tx.query('insert into items (id, name) values ($1, $2)', [2, 'kept only if all goes well']);
        await tx.query('insert into items (id, name) values ($1, $2)', [1, 'duplicate']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await prepared.query('select id from items where id = $1', [2])).rows).toEqual([]);
    await prepared.transaction((tx) => tx.query('insert into items (id, name) values ($1, $2)', [2, 'now']));
    expect((await prepared.query('select name from items where id = $1', [2])).rows).toEqual([{ name: 'now' }]);
  });

  it('when a statement runs outside a transaction that is open, then it waits and is not part of it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const open = prepared
      .transaction(async (tx) => {
        await tx.query('insert into items (id, name) values ($1, $2)', [3, 'rolled back']);
        opened();
        await held;
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await isOpen;
    const outside = prepared.query('insert into items (id, name) values ($1, $2)', [4, 'stays']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([open, outside]);
    expect((await prepared.query('select id from items where id in (3, 4) order by id')).rows).toEqual([{ id: 4 }]);
  });

  it('when more statements run than are kept, then the least recently used are closed in the database', async () => {
    for (let index = 0; index < 8; index++) await prepared.query(`select ${index} as n`);
    await prepared.query('select 1 as last');
    expect(await statementsPrepared()).toBeLessThanOrEqual(3);
  });
});
