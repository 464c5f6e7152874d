import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../test/test-database';
import {
  buildAccount,
  buildAction,
  buildConsent,
  buildFamily,
  buildGoal,
  buildMember,
  buildOrganisation,
  buildService,
  buildServiceRole,
} from '../test/factories';
import type { Database } from './database';
import { familyAccessScope, familyScope, readDataVersions } from './data-versions';

let database: Database;
let db: Database['db'];
let familyIds: [string, string];
let serviceId: string;
let coordinatorId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  const organisation = await buildOrganisation(db);
  serviceId = (await buildService(db, organisation.id)).id;
  coordinatorId = (await buildAccount(db, { role: 'coordinator', organisationId: organisation.id })).id;
  const first = await buildFamily(db, { coordinatorId, name: 'Perhe Yksi' });
  const second = await buildFamily(db, { coordinatorId, name: 'Perhe Kaksi' });
  familyIds = [first.id, second.id];
});
afterAll(() => database.close());

/** How far each family's two versions moved while `change` ran. */
async function moves(change: () => Promise<unknown>) {
  const scopes = familyIds.flatMap((id) => [familyScope(id), familyAccessScope(id)]);
  const before = new Map(await readDataVersions(db, scopes));
  await change();
  const after = await readDataVersions(db, scopes);
  return Object.fromEntries(after.map(([scope, version]) => [scope, version - before.get(scope)!]));
}

const [contentOnly, contentAndAccess] = [
  (familyId: string) => ({ [familyScope(familyId)]: 1, [familyAccessScope(familyId)]: 0 }),
  (familyId: string) => ({ [familyScope(familyId)]: 1, [familyAccessScope(familyId)]: 1 }),
];
const untouched = (familyId: string) => ({ [familyScope(familyId)]: 0, [familyAccessScope(familyId)]: 0 });

describe("a family's data versions", () => {
  it('when an action is added, changed and removed, then only its own family’s content version moves, once a statement', async () => {
    const [mine, other] = familyIds;
    let actionId = '';
    expect(await moves(async () => (actionId = (await buildAction(db, mine)).id))).toEqual({
      ...contentOnly(mine),
      ...untouched(other),
    });
    expect(
      await moves(() => db.execute(sql`update actions set title = 'Uusi', version = version + 1 where id = ${actionId}`)),
    ).toEqual({ ...contentOnly(mine), ...untouched(other) });
    expect(await moves(() => db.execute(sql`delete from actions where id = ${actionId}`))).toEqual({
      ...contentOnly(mine),
      ...untouched(other),
    });
  });

  it('when one statement changes rows of both families, then each family’s version moves by one', async () => {
    const [first, second] = familyIds;
    await buildGoal(db, first);
    await buildGoal(db, first);
    await buildGoal(db, second);
    expect(await moves(() => db.execute(sql`update goals set title = title || '.'`))).toEqual({
      ...contentOnly(first),
      ...contentOnly(second),
    });
  });

  it('when what access is decided on changes (the family, a member, a service role, a consent), then its access version moves too', async () => {
    const [mine, other] = familyIds;
    const expected = { ...contentAndAccess(mine), ...untouched(other) };
    expect(await moves(() => buildMember(db, mine))).toEqual(expected);
    expect(await moves(() => buildServiceRole(db, mine, serviceId))).toEqual(expected);
    expect(await moves(() => buildConsent(db, mine, serviceId, 'goals', true, coordinatorId))).toEqual(expected);
    // The family row's own column is `id`, not `family_id`.
    expect(await moves(() => db.execute(sql`update families set name = 'Perhe Yksi B' where id = ${mine}`))).toEqual(expected);
    expect(await moves(() => db.execute(sql`delete from service_roles where family_id = ${mine}`))).toEqual(expected);
  });

  it('when the plan itself changes, then only its family’s content version moves', async () => {
    const [mine, other] = familyIds;
    expect(await moves(() => db.execute(sql`update plans set version = version + 1 where family_id = ${mine}`))).toEqual({
      ...contentOnly(mine),
      ...untouched(other),
    });
  });

  it('when a statement changes no row, then no version moves', async () => {
    const [first, second] = familyIds;
    expect(await moves(() => db.execute(sql`update actions set title = 'x' where false`))).toEqual({
      ...untouched(first),
      ...untouched(second),
    });
  });
});
