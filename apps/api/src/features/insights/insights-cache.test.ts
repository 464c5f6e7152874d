import { insightsCaseloadsSchema } from '@yhdessa/shared';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { createInsightsCache } from './insights-cache';
import { families } from '../../db/tables/families';
import { serviceRoles } from '../../db/tables/service-roles';
import { buildAccount, buildFamily, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';

/** The statements that read every family's services: what the caseloads are computed from. */
const computing: string[] = [];
/** The statements that count every family's usage, and that read every experience answer. */
const computed = { usage: 0, outcomes: 0 };
const queryLogger = {
  logQuery(query: string) {
    if (query.includes('left join service_roles r on r.family_id = f.id')) computing.push(query);
    if (query.includes('with by_service as')) computed.usage += 1;
    if (query.includes('worked_together, no_retelling, would_recommend')) computed.outcomes += 1;
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

/** Reads the cost and outcome views; how many times each was computed meanwhile. */
async function readBoth() {
  computed.usage = 0;
  computed.outcomes = 0;
  await manager.get('/api/insights/costs').expect(200);
  await manager.get('/api/insights/outcomes').expect(200);
  return { ...computed };
}

describe('the aggregates kept while the tables they are drawn from stand', () => {
  it('when the cost and outcome views are read, then the usage is counted once for both', async () => {
    await testApp.database.db.execute(sql`update service_prices set unit_cost_cents = unit_cost_cents`);
    expect(await readBoth()).toEqual({ usage: 1, outcomes: 1 });
  });

  it('when a goal changes, then the outcomes are computed again and the costs, which read no goal, are kept', async () => {
    await readBoth();
    await testApp.database.db.execute(sql`update goals set title = title`);
    expect(await readBoth()).toEqual({ usage: 0, outcomes: 1 });
  });

  it('when a price changes, then both are computed again', async () => {
    await readBoth();
    await testApp.database.db.execute(sql`update service_prices set unit_cost_cents = unit_cost_cents`);
    expect(await readBoth()).toEqual({ usage: 1, outcomes: 1 });
  });
});

describe('reads that come at once', () => {
  it('when a second read asks while the first computes, then it is given the same computation', async () => {
    const cached = createInsightsCache();
    let computations = 0;
    await testApp.database.db.transaction(async (tx) => {
      // One connection answers in order: the second read's count comes before the first's computation ends.
      const compute = async () => {
        computations += 1;
        await queryRows(tx, sql`select 1`);
        return computations;
      };
      const reads = await Promise.all([
        cached(tx, 'figures', ['services'], compute),
        cached(tx, 'figures', ['services'], compute),
      ]);
      expect(reads).toEqual([1, 1]);
    });
    expect(computations).toBe(1);
  });
});
