import { sql } from 'drizzle-orm';
import { verifyAuditChains } from '../../audit/audit.repository';
import { queryRows, type Database, type Queryable } from '../../db/database';
import { openTestDatabase } from '../test-database';
import { generateMunicipality, type GeneratedMunicipality } from './generate-municipality';
import { samplePeople, scaleShape } from './scale-ids';

const FAMILIES = 120;
const now = new Date('2026-11-18T09:30:00.000Z');

let first: Database;
let second: Database;
let generated: GeneratedMunicipality;

beforeAll(async () => {
  first = await openTestDatabase();
  second = await openTestDatabase();
  // The first with every foreign key checked as rows go in: the references the fast load skips hold.
  generated = await generateMunicipality(first.db, { families: FAMILIES, now, checkReferences: true });
  await generateMunicipality(second.db, { families: FAMILIES, now });
}, 300_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
});

/** A digest of the tables the generator fills, to compare two databases. */
async function digest(db: Queryable): Promise<string[]> {
  const rows = await queryRows<{ digest: string }>(
    db,
    sql`select md5(string_agg(f.id::text || f.name || f.status || f.coordinator_id::text || f.created_at::text, ',' order by f.id)) as digest from families f
      union all select md5(string_agg(a.id::text || a.status || coalesce(a.due_on::text, ''), ',' order by a.id)) from actions a
      union all select md5(string_agg(h.chain || h.last_hash, ',' order by h.chain)) from audit_chain_heads h
      union all select md5(string_agg(u.id::text || u.units::text, ',' order by u.id)) from service_usage u`,
  );
  return rows.map((row) => row.digest);
}

describe('the generated municipality', () => {
  it('when generated, then every audit chain verifies as the product verifies it', async () => {
    const verified = await verifyAuditChains(first.db);
    expect(verified.firstBrokenLink).toBeNull();
    expect(verified.chains).toBe(FAMILIES);
    expect(verified.events).toBe(generated.rows.audit_events);
  });

  it('when generated twice from the same seed and moment, then the two databases hold the same rows', async () => {
    expect(await digest(second.db)).toEqual(await digest(first.db));
  });

  it('when generated, then it has the shape a municipality of that size has', () => {
    const shape = scaleShape(FAMILIES);
    expect(generated.rows.families).toBe(FAMILIES);
    expect(generated.rows.service_roles).toBe(FAMILIES * 6);
    expect(generated.rows.services).toBe(shape.unitsPerKind * 6);
    expect(generated.rows.family_events).toBeGreaterThan(FAMILIES * 20);
    for (const table of [
      'service_usage',
      'measurements',
      'measurement_scores',
      'feedback_requests',
      'invitations',
      'notes',
      'reviews',
    ])
      expect(generated.rows[table]).toBeGreaterThan(0);
  });

  it('when a benchmark picks its people, then they are in the database with the roles it expects, and the family is open', async () => {
    const people = samplePeople(generated.seed, scaleShape(FAMILIES));
    const rows = await queryRows<{ id: string; role: string }>(
      first.db,
      sql`select id, role::text from accounts where id in (${people.coordinatorId}, ${people.workerId}, ${people.managerId})`,
    );
    expect(new Map(rows.map((row) => [row.id, row.role]))).toEqual(
      new Map([
        [people.coordinatorId, 'coordinator'],
        [people.workerId, 'worker'],
        [people.managerId, 'manager'],
      ]),
    );
    const [family] = await queryRows<{ status: string; coordinator_id: string }>(
      first.db,
      sql`select status::text, coordinator_id from families where id = ${people.familyId}`,
    );
    expect(family?.coordinator_id).toBe(people.coordinatorId);
    expect(family?.status).not.toBe('closed');
  });

  it('when generated, then it holds overdue actions, unanswered invitations, scheduled reviews and changes of the last day', async () => {
    const [counts] = await queryRows<{ overdue: number; invited: number; scheduled: number; recent: number }>(
      first.db,
      sql`select
        (select count(*)::int from actions where status <> 'done' and due_on < ${now.toISOString()}::date) as overdue,
        (select count(*)::int from service_roles where status = 'invited') as invited,
        (select count(*)::int from reviews where status = 'scheduled') as scheduled,
        (select count(*)::int from family_events where occurred_at > ${now.toISOString()}::timestamptz - interval '1 day') as recent`,
    );
    expect(counts!.overdue).toBeGreaterThan(0);
    expect(counts!.invited).toBeGreaterThan(0);
    expect(counts!.scheduled).toBeGreaterThan(0);
    expect(counts!.recent).toBeGreaterThan(0);
  });
});
