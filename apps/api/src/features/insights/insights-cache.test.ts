import { insightsCaseloadsSchema } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { families } from '../../db/tables/families';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAccount, buildFamily, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';

/** The statements that read every family's services: what the caseloads are computed from. */
const computing: string[] = [];
const queryLogger = {
  logQuery(query: string) {
    if (query.includes('left join service_roles r on r.family_id = f.id')) computing.push(query);
  },
};

let testApp: TestApp;
let world: World;
let manager: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  testApp = await startTestApp({}, { queryLogger });
  world = await buildWorld(testApp.database.db);
  manager = await signInAs(testApp.app, world.people.manager);
});

afterAll(async () => {
  await testApp.close();
});

const readCaseloads = async () => insightsCaseloadsSchema.parse((await manager.get('/api/insights/caseloads').expect(200)).body);

describe('the aggregates kept between reads', () => {
  it('when nothing they are drawn from changed, then the second read gives the same figures without computing them again', async () => {
    const first = await readCaseloads();
    computing.length = 0;
    expect(await readCaseloads()).toEqual(first);
    expect(computing).toHaveLength(0);
  });

  it('when a case is only renamed, then the kept figures stand', async () => {
    await readCaseloads();
    computing.length = 0;
    await testApp.database.db.update(families).set({ name: 'Perhe Uusinimi' }).where(eq(families.id, world.family.id));
    await readCaseloads();
    expect(computing).toHaveLength(0);
  });

  it('when families open and a service joins, then the next read computes the figures again and counts them', async () => {
    const { db } = testApp.database;
    const before = await readCaseloads();
    const coordinator = await buildAccount(db, { role: 'coordinator', organisationId: world.people.coordinator.organisationId });
    for (let index = 0; index < 5; index += 1) {
      const family = await buildFamily(db, { coordinatorId: coordinator.id, name: `Perhe Uusi ${index}` });
      await buildServiceRole(db, family.id, world.services.serviceA.id);
    }
    computing.length = 0;
    const after = await readCaseloads();
    expect(computing).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('when a service role ends, then the figures are computed again', async () => {
    await readCaseloads();
    computing.length = 0;
    await testApp.database.db.update(serviceRoles).set({ status: 'ended' }).where(eq(serviceRoles.id, world.roles.roleA.id));
    await readCaseloads();
    expect(computing).toHaveLength(1);
  });
});
