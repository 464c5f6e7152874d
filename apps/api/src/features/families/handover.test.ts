import { handoverCandidatesSchema, handoverSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { buildAccount, buildFamily } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { families } from '../../db/tables/families';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

const agentOf = (person: PersonKey) => signInAs(testApp.app, world.people[person]);

async function familyRow(id: string) {
  const [row] = await testApp.database.db.select().from(families).where(eq(families.id, id));
  return row!;
}

/** A fresh case of `coordinator`, handed over to `otherCoordinator` and waiting for the answer. */
async function pendingHandover() {
  const family = await buildFamily(testApp.database.db, { coordinatorId: world.people.coordinator.id, name: 'Perhe Siirtyvä' });
  const response = await (
    await agentOf('coordinator')
  )
    .post(`/api/families/${family.id}/handover`)
    .send({ toCoordinatorId: world.people.otherCoordinator.id, version: family.version });
  expect(response.status).toBe(200);
  return { family, handover: handoverSchema.parse(response.body) };
}

describe('coordinator handover', () => {
  it('when the coordinator asks whom to hand the case to, then every other coordinator in use is offered, and the read is audited', async () => {
    const family = await buildFamily(testApp.database.db, { coordinatorId: world.people.coordinator.id });
    const disabled = await buildAccount(testApp.database.db, { role: 'coordinator', name: 'Koordinaattori Poistettu' });
    await testApp.database.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, disabled.id));
    const response = await (await agentOf('coordinator')).get(`/api/families/${family.id}/handover/candidates`);
    expect(response.status).toBe(200);
    const ids = handoverCandidatesSchema.parse(response.body).coordinators.map((coordinator) => coordinator.id);
    expect(ids).toContain(world.people.otherCoordinator.id);
    expect(ids).not.toContain(world.people.coordinator.id);
    expect(ids).not.toContain(disabled.id);
    expect(ids).not.toContain(world.people.workerA.id);
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, family.id), eq(auditEvents.resource, 'handover')));
    expect(audit).toContainEqual(
      expect.objectContaining({ actorId: world.people.coordinator.id, action: 'read', outcome: 'allowed' }),
    );
    expect((await (await agentOf('workerA')).get(`/api/families/${world.family.id}/handover/candidates`)).status).toBe(403);
  });

  it('when the coordinator hands the case over, then the case shows the pending handover and it is published', async () => {
    const { family, handover } = await pendingHandover();
    expect(handover).toMatchObject({
      family: { id: family.id, version: family.version + 1 },
      coordinator: { id: world.people.coordinator.id },
      pending: { to: { id: world.people.otherCoordinator.id, name: 'Koordinaattori Kaksi' } },
    });
    const detail = await (await agentOf('coordinator')).get(`/api/families/${family.id}`);
    expect(detail.body.pendingHandover).toMatchObject({ to: { id: world.people.otherCoordinator.id } });
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'handover.requested', familyId: family.id }));
  });

  it('when the handover waits, then the named coordinator sees only the handover and the family name, nothing else', async () => {
    const { family } = await pendingHandover();
    const target = await agentOf('otherCoordinator');
    const summary = await target.get(`/api/families/${family.id}/handover`);
    expect(summary.status).toBe(200);
    expect(summary.body.family.name).toBe('Perhe Siirtyvä');
    for (const path of ['', '/plan', '/story', '/assessments', '/consents', '/access-log'])
      expect((await target.get(`/api/families/${family.id}${path}`)).status).toBe(404);
    const list = await target.get('/api/families');
    expect(list.body.families.map((row: { id: string }) => row.id)).not.toContain(family.id);
    const workspace = await target.get('/api/workspace');
    expect(workspace.body.handoversToMe).toContainEqual(
      expect.objectContaining({
        family: { id: family.id, name: 'Perhe Siirtyvä' },
        from: expect.objectContaining({ id: world.people.coordinator.id }),
      }),
    );
    expect(
      (
        await target
          .post(`/api/families/${family.id}/handover`)
          .send({ toCoordinatorId: world.people.coordinator.id, version: 2 })
      ).status,
    ).toBe(404);
  });

  it('when the named coordinator accepts, then they own the case and the previous coordinator loses access', async () => {
    const { family, handover } = await pendingHandover();
    const target = await agentOf('otherCoordinator');
    const accepted = await target.post(`/api/families/${family.id}/handover/accept`).send({ version: handover.family.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ coordinator: { id: world.people.otherCoordinator.id }, pending: null });
    expect(await familyRow(family.id)).toMatchObject({ coordinatorId: world.people.otherCoordinator.id, handoverToId: null });

    expect((await target.get(`/api/families/${family.id}/plan`)).status).toBe(200);
    expect((await (await agentOf('coordinator')).get(`/api/families/${family.id}/plan`)).status).toBe(404);
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'handover.accepted', familyId: family.id }));
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, family.id), eq(auditEvents.resource, 'handover'), eq(auditEvents.outcome, 'allowed')));
    expect(audit.map((row) => row.actorId)).toEqual(
      expect.arrayContaining([world.people.coordinator.id, world.people.otherCoordinator.id]),
    );
  });

  it('when someone else tries to accept, then it is refused and nothing changes', async () => {
    const { family, handover } = await pendingHandover();
    const before = await familyRow(family.id);
    const version = handover.family.version;
    expect(
      (await (await agentOf('coordinator')).post(`/api/families/${family.id}/handover/accept`).send({ version })).status,
    ).toBe(403);
    const stranger = await buildAccount(testApp.database.db, { role: 'coordinator' });
    expect(
      (await (await signInAs(testApp.app, stranger)).post(`/api/families/${family.id}/handover/accept`).send({ version })).status,
    ).toBe(404);
    expect((await (await agentOf('workerA')).post(`/api/families/${family.id}/handover/accept`).send({ version })).status).toBe(
      404,
    );
    expect(await familyRow(family.id)).toEqual(before);
  });

  it('when the accept is based on an old version, then 409 carries the handover, not the case', async () => {
    const { family } = await pendingHandover();
    const response = await (
      await agentOf('otherCoordinator')
    )
      .post(`/api/families/${family.id}/handover/accept`)
      .send({ version: 1 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('version_conflict');
    expect(Object.keys(response.body.current).sort()).toEqual(['coordinator', 'family', 'pending']);
    expect((await familyRow(family.id)).coordinatorId).toBe(world.people.coordinator.id);
  });

  it('when the named coordinator declines, then the case stays and the decline is published', async () => {
    const { family, handover } = await pendingHandover();
    const target = await agentOf('otherCoordinator');
    const declined = await target.post(`/api/families/${family.id}/handover/decline`).send({ version: handover.family.version });
    expect(declined.status).toBe(200);
    expect(declined.body.pending).toBeNull();
    expect(await familyRow(family.id)).toMatchObject({ coordinatorId: world.people.coordinator.id, handoverToId: null });
    expect((await target.get(`/api/families/${family.id}/handover`)).status).toBe(404);
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'handover.declined', familyId: family.id }));
  });

  it.each<[string, () => string]>([
    ['a worker', () => world.people.workerA.id],
    ['themselves', () => world.people.coordinator.id],
    ['nobody', () => '00000000-0000-4000-8000-000000000000'],
  ])('when the coordinator hands the case to %s, then 400 and nothing changes', async (_case, target) => {
    const family = await buildFamily(testApp.database.db, { coordinatorId: world.people.coordinator.id });
    const response = await (
      await agentOf('coordinator')
    )
      .post(`/api/families/${family.id}/handover`)
      .send({ toCoordinatorId: target(), version: family.version });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.toCoordinatorId' })]);
    expect(await familyRow(family.id)).toEqual(family);
  });
});
