import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../db/database';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { buildWorld, type PersonKey, type World } from '../test/world';

/**
 * Generated from /api/openapi.json: every route, as every role and as nobody, gets malformed
 * encodings, control characters, lone surrogates, wrong types, huge numbers and strings, invalid
 * ids and other families' ids, in its path, query and body. No answer may be a 5xx, and a refused
 * request (4xx) must leave every row of case data as it was.
 */
jest.setTimeout(600_000);

type Persona = PersonKey | 'anonymous';
const personas: Persona[] = ['anonymous', 'coordinator', 'workerA', 'guardian', 'manager', 'admin'];
/** Signing out (everywhere) would end the session the rest of the run uses. */
const skipped = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  minLength?: number;
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface FuzzRequest {
  method: string;
  path: string;
  body?: unknown;
  /** A body sent as these bytes with these headers instead of JSON. */
  raw?: { bytes: Buffer | string; headers: Record<string, string> };
  what: string;
}

const NUL = 'a\u0000b';
const CONTROL = 'a\u001bb\u0085c';
const LONE_SURROGATE = 'a\ud800b';
const HUGE_STRING = 'x'.repeat(20_000);
const NOWHERE = '00000000-0000-4000-8000-000000000000';

let testApp: TestApp;
let world: World;
let components: Record<string, JsonSchema> = {};
const agents = new Map<Persona, ReturnType<typeof request.agent> | null>();

/**
 * The app listening once, for the whole run: supertest given the app itself would start and stop
 * a server for each of the 20,000 requests.
 */
let server: Server;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  server = createServer(testApp.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  for (const persona of personas)
    agents.set(persona, persona === 'anonymous' ? null : await signInAs(testApp.app, world.people[persona], server));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await testApp.close();
});

function resolve(schema: JsonSchema): JsonSchema {
  return schema.$ref ? resolve(components[schema.$ref.split('/').pop()!]!) : schema;
}

/** A value the schema accepts, or close to it, so mutations reach past the first check. */
function sample(schema: JsonSchema, name: string, familyId: string): unknown {
  const resolved = resolve(schema);
  const choice = resolved.anyOf ?? resolved.oneOf ?? resolved.allOf;
  if (choice) return sample(choice.find((option) => resolve(option).type !== 'null') ?? choice[0]!, name, familyId);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== 'null') : resolved.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (resolved.required ?? []).map((key) => [key, sample(resolved.properties?.[key] ?? {}, key, familyId)]),
      );
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(1, resolved.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (resolved.format === 'uuid') return knownId(name, familyId);
      if (resolved.format === 'date') return '2030-01-15';
      if (resolved.format === 'date-time') return '2030-01-15T10:00:00.000Z';
      if (resolved.format === 'email') return `fuzz-${Math.random().toString(36).slice(2)}@test.example`;
      return 'x'.repeat(Math.max(1, resolved.minLength ?? 1));
    default:
      return 'x';
  }
}

/** Ids of real rows where the name says which, so requests get past "no such item". */
function knownId(name: string, familyId: string): string {
  if (name === 'familyId') return familyId;
  const known: Record<string, string> = {
    goalId: world.goal.id,
    actionId: world.actions.actionA.id,
    serviceRoleId: world.roles.roleA.id,
    serviceId: world.services.serviceA.id,
    accountId: world.people.workerB.id,
  };
  return known[name] ?? NOWHERE;
}

const wrongValues: Array<[string, unknown]> = [
  ['NUL byte', NUL],
  ['control characters', CONTROL],
  ['lone surrogate', LONE_SURROGATE],
  ['huge string', HUGE_STRING],
  ['huge number', 1e308],
  ['beyond a PostgreSQL integer', 2 ** 31],
  ['negative number', -1],
  ['wrong type (object)', { nested: [1, 2, 3] }],
  ['wrong type (array)', [NUL]],
  ['null', null],
];
const wrongPathValues: Array<[string, string]> = [
  ['bad percent-encoding', '%E0%A4%A'],
  ['encoded NUL', '%00'],
  ['lone surrogate as UTF-8 bytes', '%ED%A0%80'],
  ['not an id', 'not-an-id'],
  ['huge', 'x'.repeat(5_000)],
  ['huge number', '99999999999999999999999'],
];

function requestsFor(method: string, template: string, operation: Operation, familyId: string, otherFamilyId: string) {
  const params = operation.parameters ?? [];
  const pathWith = (overrides: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (name in overrides) return overrides[name]!;
      const param = params.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(String(param ? sample(param.schema, name, familyId) : NOWHERE));
    });
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const baseBody = bodySchema ? (sample(bodySchema, '', familyId) as Record<string, unknown>) : undefined;
  const base = pathWith({});
  const requests: FuzzRequest[] = [{ method, path: base, body: baseBody, what: 'near-valid request' }];

  for (const param of params.filter((p) => p.in === 'path')) {
    for (const [what, value] of wrongPathValues)
      requests.push({ method, path: pathWith({ [param.name]: value }), body: baseBody, what: `path ${param.name}: ${what}` });
    if (param.name === 'familyId')
      requests.push({ method, path: pathWith({ familyId: otherFamilyId }), body: baseBody, what: "another family's id" });
  }
  for (const param of params.filter((p) => p.in === 'query')) {
    for (const [what, value] of [
      ['encoded NUL', '%00'],
      ['control characters', '%1B%C2%85'],
      ['lone surrogate as UTF-8 bytes', '%ED%A0%80'],
      ['huge number', '99999999999999999999999'],
      ['huge', 'x'.repeat(5_000)],
      ['repeated', `a&${param.name}=b`],
    ] as const)
      requests.push({ method, path: `${base}?${param.name}=${value}`, body: baseBody, what: `query ${param.name}: ${what}` });
  }
  if (bodySchema) {
    const properties = Object.keys(resolve(bodySchema).properties ?? {});
    for (const property of properties)
      for (const [what, value] of wrongValues)
        requests.push({ method, path: base, body: { ...baseBody, [property]: value }, what: `body ${property}: ${what}` });
    requests.push({ method, path: base, body: { ...baseBody, [`x${NUL}`]: 1 }, what: 'body: NUL in a field name' });
    requests.push({ method, path: base, body: [baseBody], what: 'body: an array' });
    requests.push({
      method,
      path: base,
      raw: { bytes: `${'['.repeat(5_000)}${']'.repeat(5_000)}`, headers: { 'content-type': 'application/json' } },
      what: 'body: arrays nested 5,000 deep',
    });
    requests.push({
      method,
      path: base,
      raw: { bytes: '{"a":', headers: { 'content-type': 'application/json' } },
      what: 'body: broken JSON',
    });
    requests.push({
      method,
      path: base,
      raw: { bytes: Buffer.from('not gzip at all'), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } },
      what: 'body: declared gzip, not gzip',
    });
    requests.push({
      method,
      path: base,
      raw: { bytes: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'x-unknown' } },
      what: 'body: unknown Content-Encoding',
    });
    requests.push({ method, path: base, body: { ...baseBody, padding: 'x'.repeat(200_000) }, what: 'body: over the size limit' });
  }
  return requests;
}

/** The account columns a refusal must leave alone; refusals count failed sign-ins and codes in the others. */
const guardedAccountColumns = [
  'id',
  'email',
  'name',
  'role',
  'organisation_id',
  'password_hash',
  'disabled_at',
  'totp_secret',
  'totp_enabled_at',
  'is_demo',
];

/**
 * Counts every committed write to case data: a trigger on every table (and on the guarded columns
 * of accounts) bumps one counter in the writing transaction, so a write that was rolled back is not
 * counted and one that stuck is. Reading one counter after each request is what lets the run send
 * 15,000 requests; comparing every row after each took most of its time.
 */
async function countCommittedWrites(): Promise<void> {
  const db = testApp.database.db;
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('audit_events', 'audit_chain_heads', 'sessions', 'accounts', '__drizzle_migrations')`,
  );
  await db.execute(sql`create table committed_writes (n bigint not null)`);
  await db.execute(sql`insert into committed_writes values (0)`);
  await db.execute(
    sql.raw(`create function count_committed_write() returns trigger language plpgsql as $$
      begin update committed_writes set n = n + 1; return null; end $$`),
  );
  for (const { table_name } of tables)
    await db.execute(
      sql`create trigger count_committed_write after insert or update or delete or truncate on ${sql.identifier(table_name)}
        for each statement execute function count_committed_write()`,
    );
  const columns = (prefix: string) => guardedAccountColumns.map((column) => `${prefix}.${column}`).join(', ');
  await db.execute(
    sql.raw(`create trigger count_committed_write after update on accounts for each row
      when ((${columns('old')}) is distinct from (${columns('new')})) execute function count_committed_write()`),
  );
  await db.execute(
    sql`create trigger count_committed_account_write after insert or delete or truncate on accounts
      for each statement execute function count_committed_write()`,
  );
}

/** The counter must see a committed write and must not see one rolled back, or the run proves nothing. */
async function expectCounterWorks(): Promise<void> {
  const db = testApp.database.db;
  const before = await committedWrites();
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`update families set name = name`);
      tx.rollback();
    })
    .catch(() => undefined);
  expect(await committedWrites()).toBe(before);
  await db.execute(sql`update accounts set failed_login_count = failed_login_count`);
  expect(await committedWrites()).toBe(before);
  await db.execute(sql`update families set name = name`);
  expect(await committedWrites()).not.toBe(before);
}

async function committedWrites(): Promise<string> {
  const [row] = await queryRows<{ n: string }>(testApp.database.db, sql`select n from committed_writes`);
  return row!.n;
}

function send(persona: Persona, fuzz: FuzzRequest) {
  const agent = agents.get(persona) ?? request(server);
  const call = (agent as ReturnType<typeof request.agent>)[fuzz.method as 'get'](fuzz.path);
  if (fuzz.raw) return call.set(fuzz.raw.headers).send(fuzz.raw.bytes);
  return fuzz.body === undefined ? call : call.send(fuzz.body as object);
}

it('when every route gets malformed and hostile input as every role, then nothing answers 5xx and no refused request changes data', async () => {
  const document = (await request(server).get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  components = document.components?.schemas ?? {};
  const serverErrors: string[] = [];
  const changedByRefusal: string[] = [];
  let sent = 0;
  const started = Date.now();
  await countCommittedWrites();
  await expectCounterWorks();
  let baseline = await committedWrites();

  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (skipped.has(`${method.toUpperCase()} ${template}`)) continue;
      for (const persona of personas) {
        const own = persona === 'workerA' || persona === 'coordinator' || persona === 'guardian';
        const familyId = own ? world.family.id : world.otherFamily.id;
        const otherFamilyId = own ? world.otherFamily.id : world.family.id;
        for (const fuzz of requestsFor(method, template, operation, familyId, otherFamilyId)) {
          const response = await send(persona, fuzz);
          sent += 1;
          const label = `${method.toUpperCase()} ${template} as ${persona}, ${fuzz.what}`;
          if (response.status >= 500) serverErrors.push(`${label}: ${response.status} ${response.text.slice(0, 200)}`);
          const now = await committedWrites();
          if (response.status >= 400 && now !== baseline) changedByRefusal.push(`${label}: ${response.status}`);
          baseline = now;
        }
      }
    }
  }
  process.stdout.write(`malformed input: ${sent} requests in ${Math.round((Date.now() - started) / 1000)} s\n`);
  expect(serverErrors).toEqual([]);
  expect(changedByRefusal).toEqual([]);
});
