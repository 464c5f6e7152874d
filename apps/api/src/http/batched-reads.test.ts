import { planSchema } from '@yhdessa/shared';
import { and, eq, sql } from 'drizzle-orm';
import { verifyAuditChains } from '../audit/audit.repository';
import { auditEvents } from '../db/tables/audit';
import { actions } from '../db/tables/actions';
import { familyEvents } from '../db/tables/family-events';
import { serviceMemberships } from '../db/tables/accounts';
import { serviceRoles } from '../db/tables/service-roles';
import { sessions } from '../db/tables/sessions';
import { buildConsent } from '../test/factories';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { buildWorld, type World } from '../test/world';

/*
 * The plan read is a batched read: copies from memory, confirmed by data versions in the commit
 * that audits it. Each case changes the database behind the API's back (as another instance or a
 * script would), so only the versions can tell the copy is stale.
 */
let testApp: TestApp;
let world: World;
/** Every statement the API ran, in order. */
const statements: string[] = [];
const planOf = (familyId: string) => `/api/families/${familyId}/plan`;

beforeAll(async () => {
  testApp = await startTestApp({}, { queryLogger: { logQuery: (query: string) => void statements.push(query) } });
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const readPlan = async (agent: Awaited<ReturnType<typeof signInAs>>) =>
  planSchema.parse((await agent.get(planOf(world.family.id)).expect(200)).body);

const titlesOf = (plan: ReturnType<typeof planSchema.parse>) =>
  [...plan.serviceRoles.flatMap((role) => role.actions), ...plan.familyActions].map((action) => action.title);

describe('batched plan reads', () => {
  it('when an action changes in the database after a read, then the next read has the change', async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    expect(titlesOf(await readPlan(agent))).toContain('Kotikäynti A');
    await testApp.database.db
      .update(actions)
      .set({ title: 'Kotikäynti A, siirretty' })
      .where(eq(actions.id, world.actions.actionA.id));
    expect(titlesOf(await readPlan(agent))).toContain('Kotikäynti A, siirretty');
  });

  it('when a session is ended in the database after a read, then the next read is refused as signed out', async () => {
    const agent = await signInAs(testApp.app, world.people.workerA);
    await readPlan(agent);
    await testApp.database.db.execute(sql`update sessions set ended_at = now() where account_id = ${world.people.workerA.id}`);
    const response = await agent.get(planOf(world.family.id));
    expect(response.status).toBe(401);
  });

  it('when a worker leaves the service in the database after a read, then the next read answers 404 and is audited as denied', async () => {
    const agent = await signInAs(testApp.app, world.people.workerB);
    await readPlan(agent);
    await testApp.database.db
      .delete(serviceMemberships)
      .where(
        and(
          eq(serviceMemberships.accountId, world.people.workerB.id),
          eq(serviceMemberships.serviceId, world.services.serviceB.id),
        ),
      );
    await agent.get(planOf(world.family.id)).expect(404);
    const [denied] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.workerB.id), eq(auditEvents.outcome, 'denied')));
    expect(denied).toMatchObject({ familyId: world.family.id, action: 'read' });
  });

  it('when the family withdraws consent to goals in the database after a read, then the next read leaves the goals out', async () => {
    const agent = await signInAs(testApp.app, world.people.workerA);
    expect((await readPlan(agent)).goals).toHaveLength(1);
    await buildConsent(
      testApp.database.db,
      world.family.id,
      world.services.serviceA.id,
      'goals',
      false,
      world.people.guardian.id,
    );
    expect((await readPlan(agent)).goals).toHaveLength(0);
  });

  it('when many people read at once, then every read is audited once before its answer and the chains still verify', async () => {
    const agents = await Promise.all(
      [world.people.coordinator, world.people.guardian, world.people.otherCoordinator].map((person) =>
        signInAs(testApp.app, person),
      ),
    );
    const countReads = async () =>
      (
        await testApp.database.db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'read'), eq(auditEvents.resource, 'plan')))
      ).length;
    const before = await countReads();
    const reads = agents.flatMap((agent, index) =>
      Array.from({ length: 10 }, () => agent.get(planOf(index === 2 ? world.otherFamily.id : world.family.id)).expect(200)),
    );
    await Promise.all(reads);
    expect(await countReads()).toBe(before + 30);
    expect((await verifyAuditChains(testApp.database.db)).firstBrokenLink).toBeNull();
  });

  it('when a read is answered, then its audit row is already committed', async () => {
    const agent = await signInAs(testApp.app, world.people.guardian);
    const sessionIds = (
      await testApp.database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.accountId, world.people.guardian.id))
    ).length;
    expect(sessionIds).toBeGreaterThan(0);
    for (let read = 0; read < 3; read += 1) {
      const before = await testApp.database.db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(eq(auditEvents.actorId, world.people.guardian.id));
      await readPlan(agent);
      const after = await testApp.database.db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(eq(auditEvents.actorId, world.people.guardian.id));
      expect(after.length).toBe(before.length + 1);
    }
  });
});

/* A family route's writes take the session and the relationship from memory too, confirmed in their own transaction (by the event's statement). */
describe('changes on copies from memory', () => {
  const actionUrl = (actionId: string) => `/api/families/${world.family.id}/actions/${actionId}`;
  const versionOf = async (actionId: string) =>
    (await testApp.database.db.select({ version: actions.version }).from(actions).where(eq(actions.id, actionId)))[0]!.version;
  const allowedUpdatesOf = (actionId: string) =>
    testApp.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, actionId), eq(auditEvents.action, 'update'), eq(auditEvents.outcome, 'allowed')));

  it('when the session is ended in the database after a change, then the next change is refused as signed out and nothing changes', async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    const actionId = world.actions.familyAction.id;
    await agent
      .patch(actionUrl(actionId))
      .send({ status: 'in_progress', version: await versionOf(actionId) })
      .expect(200);
    await testApp.database.db.execute(
      sql`update sessions set ended_at = now() where account_id = ${world.people.coordinator.id}`,
    );
    const version = await versionOf(actionId);
    await agent.patch(actionUrl(actionId)).send({ status: 'done', version }).expect(401);
    expect(await versionOf(actionId)).toBe(version);
  });

  it('when a worker leaves the service in the database after a change, then the next change answers 404, is audited once as denied, and changes nothing', async () => {
    const agent = await signInAs(testApp.app, world.people.workerA);
    const actionId = world.actions.actionA.id;
    await agent
      .patch(actionUrl(actionId))
      .send({ status: 'in_progress', version: await versionOf(actionId) })
      .expect(200);
    await testApp.database.db
      .delete(serviceMemberships)
      .where(
        and(
          eq(serviceMemberships.accountId, world.people.workerA.id),
          eq(serviceMemberships.serviceId, world.services.serviceA.id),
        ),
      );
    const version = await versionOf(actionId);
    await agent.patch(actionUrl(actionId)).send({ status: 'done', version }).expect(404);
    expect(await versionOf(actionId)).toBe(version);
    const denied = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, world.people.workerA.id), eq(auditEvents.outcome, 'denied')));
    expect(denied).toHaveLength(1);
  });

  it("when the worker's service role ends in the database after a change, then the next change, found stale at its event, is undone with its audit row and event and answers 404 from the database", async () => {
    const agent = await signInAs(testApp.app, world.people.workerA);
    const actionId = world.actions.actionA.id;
    await testApp.database.db
      .insert(serviceMemberships)
      .values({ accountId: world.people.workerA.id, serviceId: world.services.serviceA.id })
      .onConflictDoNothing();
    await agent
      .patch(actionUrl(actionId))
      .send({ status: 'in_progress', version: await versionOf(actionId) })
      .expect(200);
    const eventsBefore = await testApp.database.db.select().from(familyEvents).where(eq(familyEvents.entityId, actionId));
    const allowedBefore = await allowedUpdatesOf(actionId);
    await testApp.database.db.update(serviceRoles).set({ status: 'ended' }).where(eq(serviceRoles.id, world.roles.roleA.id));
    const version = await versionOf(actionId);
    const from = statements.length;
    await agent.patch(actionUrl(actionId)).send({ status: 'done', version }).expect(404);
    expect(await versionOf(actionId)).toBe(version);
    // The first attempt went as far as the event's statement, which found the copy stale.
    expect(statements.slice(from).filter((statement) => statement.includes('insert into family_events'))).toHaveLength(1);
    expect(await testApp.database.db.select().from(familyEvents).where(eq(familyEvents.entityId, actionId))).toEqual(
      eventsBefore,
    );
    expect(await allowedUpdatesOf(actionId)).toEqual(allowedBefore);
    await testApp.database.db.update(serviceRoles).set({ status: 'accepted' }).where(eq(serviceRoles.id, world.roles.roleA.id));
    expect(await verifyAuditChains(testApp.database.db)).toMatchObject({ firstBrokenLink: null });
  });

  it("when a change uses copies from memory, then its event's statement confirms them: no statement of its own", async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    const actionId = world.actions.familyAction.id;
    await agent
      .patch(actionUrl(actionId))
      .send({ title: 'Kolmas', version: await versionOf(actionId) })
      .expect(200);
    const from = statements.length;
    await agent
      .patch(actionUrl(actionId))
      .send({ title: 'Neljäs', version: await versionOf(actionId) })
      .expect(200);
    const change = statements.slice(from);
    expect(change.filter((statement) => statement.includes('data_versions'))).toEqual([
      expect.stringContaining('insert into family_events'),
    ]);
  });

  it('when an action changes, then the next change keeps the relationship from memory: a change of content does not move access', async () => {
    const agent = await signInAs(testApp.app, world.people.coordinator);
    const actionId = world.actions.familyAction.id;
    const relationReads = () => statements.filter((statement) => statement.includes('as invited_service_role_ids')).length;
    await agent
      .patch(actionUrl(actionId))
      .send({ title: 'Ensimmäinen', version: await versionOf(actionId) })
      .expect(200);
    const before = relationReads();
    await agent
      .patch(actionUrl(actionId))
      .send({ title: 'Toinen', version: await versionOf(actionId) })
      .expect(200);
    expect(relationReads()).toBe(before);
  });
});
