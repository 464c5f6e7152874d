import { sql, type SQL } from 'drizzle-orm';
import request from 'supertest';
import { queryRows, type Queryable } from '../../db/database';
import { sessionCookieFor } from '../sessions';
import { startTestApp, type TestApp } from '../test-app';
import { DEFAULT_SEED, generateMunicipality } from './generate-municipality';
import { samplePeople, scaleShape } from './scale-ids';

/**
 * The hot endpoints at 10,000 families: every statement each one runs, captured as the database
 * layer is handed it (with its parameters), is explained, and a plan that reads a large table
 * whole (a sequential scan of more than 5,000 rows) fails the test, naming the statement. The
 * statements come from the endpoints themselves, so the check follows the queries as they change.
 */
const FAMILIES = 10_000;
const LARGE_TABLE_ROWS = 5_000;

interface Statement {
  query: string;
  params: unknown[];
}

const captured: Statement[] = [];
let capturing = false;
const queryLogger = {
  logQuery(query: string, params: unknown[]) {
    if (capturing) captured.push({ query, params });
  },
};

let testApp: TestApp;
let cookies: Record<'coordinator' | 'worker' | 'manager', string>;
let familyId: string;
let largeTables: Set<string>;

beforeAll(async () => {
  testApp = await startTestApp({}, { queryLogger });
  const db = testApp.database.db;
  await generateMunicipality(db, { families: FAMILIES });
  const people = samplePeople(DEFAULT_SEED, scaleShape(FAMILIES));
  familyId = people.familyId;
  cookies = {
    coordinator: await sessionCookieFor(db, people.coordinatorId),
    worker: await sessionCookieFor(db, people.workerId),
    manager: await sessionCookieFor(db, people.managerId),
  };
  largeTables = await tablesLargerThan(db, LARGE_TABLE_ROWS);
}, 900_000);

afterAll(async () => {
  await testApp?.close();
});

async function tablesLargerThan(db: Queryable, rows: number): Promise<Set<string>> {
  const tables = await queryRows<{ relname: string }>(
    db,
    sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.reltuples > ${rows}`,
  );
  return new Set(tables.map((table) => table.relname));
}

/** Every statement the endpoint ran for the person, in order. */
async function statementsOf(who: keyof typeof cookies, path: string): Promise<Statement[]> {
  captured.length = 0;
  capturing = true;
  try {
    const response = await request(testApp.app).get(path).set('Cookie', cookies[who]);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  } finally {
    capturing = false;
  }
  return [...captured];
}

/** The statement again with its parameters in place of `$1`, `$2`, ... (as the driver sent them). */
function withParameters({ query, params }: Statement): SQL {
  const pieces = query.split(/\$(\d+)/);
  return sql.join(
    pieces.map((piece, index) => (index % 2 === 0 ? sql.raw(piece) : sql`${sql.param(params[Number(piece) - 1])}`)),
    sql.raw(''),
  );
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function scannedTables(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scannedTables)];
}

/** Each statement that reads a large table whole: the table and the statement's start. */
async function largeScansOf(statements: Statement[]): Promise<string[]> {
  const found: string[] = [];
  for (const statement of statements) {
    if (!/^\s*(select|with|insert|update|delete)\b/i.test(statement.query)) continue;
    const [row] = await queryRows<Record<string, unknown>>(
      testApp.database.db,
      sql`explain (format json) ${withParameters(statement)}`,
    );
    const raw = Object.values(row!)[0];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    for (const table of scannedTables(plan!.Plan).filter((name) => largeTables.has(name)))
      found.push(`${table}: ${statement.query.replace(/\s+/g, ' ').trim().slice(0, 240)}`);
  }
  return found;
}

const endpoints: [string, keyof typeof cookies, () => string][] = [
  ["the coordinator's workspace", 'coordinator', () => '/api/workspace'],
  ['the family list', 'coordinator', () => '/api/families'],
  ['the family list with a search term', 'coordinator', () => '/api/families?q=virta'],
  ['the family list with a filter', 'coordinator', () => '/api/families?status=active'],
  ['the family list by name', 'coordinator', () => '/api/families?sort=name'],
  ['the family list by last change', 'coordinator', () => '/api/families?sort=changed'],
  ["the workspace's overdue actions, paged on", 'coordinator', () => '/api/workspace/actions'],
  ["the worker's due actions, paged on", 'worker', () => '/api/workspace/actions'],
  ["the worker's family list by attention", 'worker', () => '/api/families?sort=attention'],
  ['the plan', 'coordinator', () => `/api/families/${familyId}/plan`],
  ["the worker's workspace", 'worker', () => '/api/workspace'],
  ["the worker's family list", 'worker', () => '/api/families'],
  ['the family activity', 'coordinator', () => `/api/families/${familyId}/activity`],
  ['the notification list', 'coordinator', () => '/api/notifications'],
];

/** The manager's aggregates read every family by definition; they are computed once per change of the data and then served from it. */
const aggregates: [string, () => string][] = [
  ['costs', () => '/api/insights/costs'],
  ['costs, a page of services by month', () => '/api/insights/costs/by-service-month'],
  ['costs, a page of providers by month', () => '/api/insights/costs/by-organisation-month'],
  ['costs, a page of services by year', () => '/api/insights/costs/by-service-year'],
  ['forecast', () => '/api/insights/forecast'],
  ['forecast, a page of services', () => '/api/insights/forecast/services'],
  ['change', () => '/api/insights/change'],
  ['outcomes', () => '/api/insights/outcomes'],
  ['outcomes, a page of services', () => '/api/insights/outcomes/services'],
  ['caseloads', () => '/api/insights/caseloads'],
  ['caseloads, a page of coordinators', () => '/api/insights/caseloads/coordinators'],
];

describe('when the municipality has 10,000 families', () => {
  it('then the generated data makes the large tables large', () => {
    for (const table of ['families', 'actions', 'service_roles', 'audit_events', 'family_events'])
      expect(largeTables.has(table)).toBe(true);
  });

  it.each(endpoints)('then %s reads no large table whole', async (_label, who, path) => {
    const statements = await statementsOf(who, path());
    expect(statements.length).toBeGreaterThan(0);
    expect(await largeScansOf(statements)).toEqual([]);
  });

  it.each(aggregates)(
    "then the manager's %s, once computed, are read again without reading a large table",
    async (_label, path) => {
      await statementsOf('manager', path());
      const again = await statementsOf('manager', path());
      expect(again.length).toBeGreaterThan(0);
      expect(await largeScansOf(again)).toEqual([]);
    },
    180_000,
  );

  it.each(aggregates.filter(([label]) => !label.includes('caseloads') && !label.includes('page')))(
    "then the manager's %s, computed again after a change, read whole only the tables they count",
    async (_label, path) => {
      await statementsOf('manager', path());
      await testApp.database.db.execute(sql`update families set status = status where id = ${familyId}`);
      const computed = await statementsOf('manager', path());
      // Read whole by definition: every usage row (from the table, or index-only from the index by family, service
      // and day, as the planner weighs them), every family with its coordinator's organisation, every outcome.
      // Nothing else is: no events, audit rows, actions or service roles.
      const readWhole = [
        'service_usage',
        'families',
        'accounts',
        'measurements',
        'measurement_scores',
        'goals',
        'feedback_requests',
      ];
      expect((await largeScansOf(computed)).filter((scan) => !readWhole.includes(scan.slice(0, scan.indexOf(':'))))).toEqual([]);
    },
    300_000,
  );

  it('then a missing index shows: without the index of families by coordinator the list by name reads every family', async () => {
    const db = testApp.database.db;
    await db.execute(sql`drop index families_coordinator_name_idx`);
    await db.execute(sql`analyze families`);
    try {
      const scans = await largeScansOf(await statementsOf('coordinator', '/api/families?sort=name'));
      expect(scans.some((scan) => scan.startsWith('families:'))).toBe(true);
    } finally {
      await db.execute(sql`create index families_coordinator_name_idx on families (coordinator_id, name, id)`);
    }
  });
});
