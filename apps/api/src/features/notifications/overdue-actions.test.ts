import { eq, inArray } from 'drizzle-orm';
import { actions } from '../../db/tables/actions';
import { notifications } from '../../db/tables/notifications';
import { buildAction, buildFamily, buildMember, buildServiceRole } from '../../test/factories';
import { helsinkiToday } from '../../test/dates';
import { startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';
import { notifyOverdueActions } from './overdue-actions';

let testApp: TestApp;
let world: World;
const pushed: string[][] = [];
const realtime = {
  publishNotifications: async (accountIds: readonly string[]) => {
    pushed.push([...accountIds]);
  },
};

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

async function toldOf(actionIds: string[]) {
  const rows = await testApp.database.db
    .select({ accountId: notifications.accountId, itemId: notifications.itemId, occasion: notifications.occasion })
    .from(notifications)
    .where(inArray(notifications.itemId, actionIds));
  return rows.map((row) => `${row.itemId}:${row.accountId}:${row.occasion}`).sort();
}

describe('notifyOverdueActions', () => {
  it('when actions fell overdue, then whoever does each is told once per due date, however often the job runs', async () => {
    const { db } = testApp.database;
    const yesterday = helsinkiToday(-1);
    const serviceAction = await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleA.id, dueOn: yesterday });
    const familyAction = await buildAction(db, world.family.id, { serviceRoleId: null, dueOn: helsinkiToday(-3) });
    // Not news: due today, done, long overdue, in an invited role, or in a closed case.
    const dueToday = await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleA.id, dueOn: helsinkiToday() });
    const done = await buildAction(db, world.family.id, {
      serviceRoleId: world.roles.roleA.id,
      dueOn: yesterday,
      status: 'done',
    });
    const longAgo = await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleA.id, dueOn: helsinkiToday(-30) });
    const invited = await buildAction(db, world.family.id, { serviceRoleId: world.roles.roleCInvited.id, dueOn: yesterday });
    const closed = await buildFamily(db, { coordinatorId: world.people.coordinator.id, status: 'closed' });
    await buildMember(db, closed.id, { accountId: world.people.guardian.id });
    const closedRole = await buildServiceRole(db, closed.id, world.services.serviceA.id);
    const inClosedCase = await buildAction(db, closed.id, { serviceRoleId: closedRole.id, dueOn: yesterday });
    const all = [serviceAction, familyAction, dueToday, done, longAgo, invited, inClosedCase].map((action) => action.id);

    expect(await notifyOverdueActions(testApp.database, realtime)).toBe(3);
    const expected = [
      `${serviceAction.id}:${world.people.workerA.id}:${yesterday}`,
      `${familyAction.id}:${world.people.guardian.id}:${helsinkiToday(-3)}`,
      `${familyAction.id}:${world.people.youngMember.id}:${helsinkiToday(-3)}`,
    ].sort();
    expect(await toldOf(all)).toEqual(expected);
    expect(pushed.at(-1)?.sort()).toEqual(
      [world.people.workerA.id, world.people.guardian.id, world.people.youngMember.id].sort(),
    );

    // Again, and twice at once as two instances would: no one is told twice.
    const pushes = pushed.length;
    const runs = await Promise.all([
      notifyOverdueActions(testApp.database, realtime),
      notifyOverdueActions(testApp.database, realtime),
    ]);
    expect(runs).toEqual([0, 0]);
    expect(pushed.length).toBe(pushes);
    expect(await toldOf(all)).toEqual(expected);

    // A new due date that passes is a new occasion.
    await db
      .update(actions)
      .set({ dueOn: helsinkiToday(-2) })
      .where(eq(actions.id, serviceAction.id));
    expect(await notifyOverdueActions(testApp.database, realtime)).toBe(1);
    expect(await toldOf([serviceAction.id])).toHaveLength(2);
  });

  it("when another family's action fell overdue, then that family's service alone is told, no one of this family", async () => {
    const other = await buildAction(testApp.database.db, world.otherFamily.id, {
      serviceRoleId: world.otherRole.id,
      dueOn: helsinkiToday(-1),
    });
    await notifyOverdueActions(testApp.database, realtime);
    expect((await toldOf([other.id])).map((line) => line.split(':')[1])).toEqual([world.people.workerC.id]);
  });
});
