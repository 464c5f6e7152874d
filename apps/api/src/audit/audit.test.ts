import { and, desc, eq, sql } from 'drizzle-orm';
import request from 'supertest';
import type { Tx } from '../db/database';
import { signInAs, startTestApp, type TestApp } from '../test/test-app';
import { buildWorld, type World } from '../test/world';
import { randomUUID } from 'node:crypto';
import {
  appendAuditEvent,
  appendAuditLinks,
  chainedFieldsOf,
  compareWithExportedHeads,
  exportChainHeads,
  verifyAuditChains,
} from './audit.repository';
import { auditChainHeads, auditEvents } from '../db/tables/audit';

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

  it('when one request records links on several chains, some with no head yet, then each chain gets its links in order and verifies', async () => {
    const newFamilyId = randomUUID();
    const entries = [world.family.id, newFamilyId, world.family.id, null, newFamilyId, world.family.id].map((familyId, index) =>
      chainedFieldsOf({
        actor: null,
        familyId,
        action: 'read',
        resource: 'family',
        resourceId: `item ${index}`,
        outcome: 'allowed',
        basis: 'test',
      }),
    );
    await testApp.database.db.transaction((tx) => appendAuditLinks(tx, entries));
    const newest = (familyId: string | null, count: number) =>
      testApp.database.db
        .select({ resourceId: auditEvents.resourceId })
        .from(auditEvents)
        .where(eq(auditEvents.chain, familyId ? `family:${familyId}` : 'system'))
        .orderBy(desc(auditEvents.id))
        .limit(count);
    expect(await newest(world.family.id, 3)).toEqual([
      { resourceId: 'item 5' },
      { resourceId: 'item 2' },
      { resourceId: 'item 0' },
    ]);
    expect(await newest(newFamilyId, 3)).toEqual([{ resourceId: 'item 4' }, { resourceId: 'item 1' }]);
    expect(await newest(null, 1)).toEqual([{ resourceId: 'item 3' }]);
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

describe('whole chains and the tables themselves', () => {
  let app: TestApp;
  let fresh: World;
  beforeAll(async () => {
    app = await startTestApp();
    fresh = await buildWorld(app.database.db);
    const coordinator = await signInAs(app.app, fresh.people.coordinator);
    // A change: the family has an event, so it must have a chain.
    await coordinator.post(`/api/families/${fresh.family.id}/goals`).send({ title: 'Ketjun tavoite' }).expect(201);
    await coordinator.get(`/api/families/${fresh.family.id}/plan`).expect(200);
    await coordinator.get(`/api/families/${fresh.otherFamily.id}/plan`).expect(404);
  });
  afterAll(() => app.close());

  it('when someone truncates the audit tables, then the database refuses and every row stays', async () => {
    const before = await app.database.db.select().from(auditEvents);
    await expect(app.database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    await expect(app.database.db.execute(sql`truncate audit_chain_heads`)).rejects.toThrow();
    await expect(app.database.db.execute(sql`truncate audit_events, audit_chain_heads`)).rejects.toThrow();
    expect(await app.database.db.select().from(auditEvents)).toHaveLength(before.length);
    expect((await verifyAuditChains(app.database.db)).firstBrokenLink).toBeNull();
  });

  it('when someone without a session asks for a family, then 401 and a denial in the system chain, naming the id asked for', async () => {
    await request(app.app).get(`/api/families/${fresh.family.id}/plan`).expect(401);
    const [denial] = await app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.basis, 'not signed in'), eq(auditEvents.resourceId, fresh.family.id)));
    expect(denial).toMatchObject({ chain: 'system', actorId: null, familyId: null, outcome: 'denied', action: 'read' });
  });

  it('when one address keeps asking without a session, then 30 denials a minute are audited and one row says the rest are not', async () => {
    const agent = request(app.app);
    const before = await app.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, fresh.otherFamily.id));
    for (let attempt = 0; attempt < 45; attempt += 1) await agent.get(`/api/families/${fresh.otherFamily.id}/notes`).expect(401);
    const rows = await app.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, fresh.otherFamily.id));
    const added = rows.slice(before.length).map((row) => row.basis);
    expect(added.length).toBeLessThanOrEqual(31);
    expect(added.at(-1)).toBe('not signed in; further attempts from this address this minute are not recorded');
  });

  it('when the heads were exported and a chain is later cut back, rewritten and its head moved to hide it, then the comparison reports it', async () => {
    const exported = await exportChainHeads(app.database.db);
    expect(exported.chains.map((head) => head.chain)).toContain(`family:${fresh.family.id}`);
    expect(exported.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await compareWithExportedHeads(app.database.db, exported)).toEqual([]);

    const chain = `family:${fresh.family.id}`;
    const [newest, previous] = await app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chain, chain))
      .orderBy(desc(auditEvents.id))
      .limit(2);
    await behindTheTriggers(app, async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.id, newest!.id));
      await tx.update(auditChainHeads).set({ lastHash: previous!.hash }).where(eq(auditChainHeads.chain, chain));
    });
    // Inside the database everything agrees now; only the copy kept outside shows the loss.
    expect((await verifyAuditChains(app.database.db)).firstBrokenLink).toBeNull();
    expect(await compareWithExportedHeads(app.database.db, exported)).toEqual([
      `${chain}: the link it ended in on ${exported.exportedAt} is gone`,
    ]);
  });

  it("when a family's whole chain and its head are deleted, then verification fails although every remaining link holds", async () => {
    const chain = `family:${fresh.family.id}`;
    await behindTheTriggers(app, async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.chain, chain));
      await tx.delete(auditChainHeads).where(eq(auditChainHeads.chain, chain));
    });
    expect((await verifyAuditChains(app.database.db)).firstBrokenLink).toEqual({
      chain,
      id: 0,
      reason: 'the family has changes but its chain is empty: the chain was deleted',
    });
  });
});

/** An insider with the database owner's rights: triggers off for one transaction. */
async function behindTheTriggers(app: TestApp, work: (tx: Tx) => Promise<void>) {
  await app.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
    await work(tx);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
  });
}
