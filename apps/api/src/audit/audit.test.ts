import { desc, eq, sql } from 'drizzle-orm';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { buildWorld, type World } from '../test/world';
import { appendAuditEvent, verifyAuditChains } from './audit.repository';
import { auditEvents } from './audit.schema';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  const coordinator = await signInAs(testApp.app, world.people.coordinator);
  await coordinator.get(`/api/families/${world.family.id}/plan`).expect(200);
  await coordinator.get(`/api/families/${world.family.id}/plan`).expect(200);
  const outsider = await signInAs(testApp.app, world.people.workerC);
  await outsider.get(`/api/families/${world.family.id}/plan`).expect(404);
});
afterAll(() => testApp.close());

describe('the audit log', () => {
  it('when nothing was tampered with, then every chain verifies', async () => {
    const result = await verifyAuditChains(testApp.database.db);
    expect(result.firstBrokenLink).toBeNull();
    expect(result.events).toBeGreaterThan(4);
    expect(result.chains).toBeGreaterThanOrEqual(2);
  });

  it('when an event has nested details whose keys jsonb reorders, then its chain still verifies', async () => {
    await testApp.database.db.transaction((tx) =>
      appendAuditEvent(tx, {
        actor: null,
        familyId: world.family.id,
        action: 'update',
        resource: 'review',
        outcome: 'allowed',
        basis: 'coordinator',
        detail: { status: { from: 'scheduled', to: 'completed' }, planVersion: 1, a: [{ z: 1, b: 2 }] },
      }),
    );
    expect((await verifyAuditChains(testApp.database.db)).firstBrokenLink).toBeNull();
  });

  it('when many requests append to one chain at once, then the links form one unbroken line', async () => {
    const coordinator = await signInAs(testApp.app, world.people.coordinator);
    const before = await testApp.database.db.$count(auditEvents, eq(auditEvents.chain, `family:${world.family.id}`));
    await Promise.all(Array.from({ length: 12 }, () => coordinator.get(`/api/families/${world.family.id}/plan`).expect(200)));
    const after = await testApp.database.db.$count(auditEvents, eq(auditEvents.chain, `family:${world.family.id}`));
    expect(after - before).toBe(12);
    expect((await verifyAuditChains(testApp.database.db)).firstBrokenLink).toBeNull();
  });

  it('when someone tries to update or delete an audit row, then the database refuses', async () => {
    await expect(testApp.database.db.update(auditEvents).set({ basis: 'edited' })).rejects.toThrow();
    await expect(testApp.database.db.delete(auditEvents)).rejects.toThrow();
  });

  it('when the newest row of a chain is deleted behind the trigger, then verification reports the missing end', async () => {
    const chain = `family:${world.family.id}`;
    const [newest, previous] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chain, chain))
      .orderBy(desc(auditEvents.id))
      .limit(2);
    await testApp.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
      await tx.delete(auditEvents).where(eq(auditEvents.id, newest!.id));
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
    });
    expect((await verifyAuditChains(testApp.database.db)).firstBrokenLink).toEqual({
      chain,
      id: previous!.id,
      reason: 'the newest links are missing: the chain head names another link',
    });
  });

  it('when a row is altered behind the trigger, then verification reports the first broken link', async () => {
    const [second] = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chain, `family:${world.family.id}`))
      .orderBy(auditEvents.id)
      .offset(1)
      .limit(1);
    await testApp.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
      await tx.update(auditEvents).set({ actorId: world.people.workerC.id }).where(eq(auditEvents.id, second!.id));
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
    });
    const result = await verifyAuditChains(testApp.database.db);
    expect(result.firstBrokenLink).toEqual({
      chain: `family:${world.family.id}`,
      id: second!.id,
      reason: 'content does not match its hash',
    });
  });
});
