import { actionSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/tables/audit';
import { families } from '../../db/tables/families';
import { familyEvents } from '../../db/tables/family-events';
import { buildAction, buildGoal } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';
import { actions } from '../../db/tables/actions';
import { verifyAuditChains } from '../../audit/audit.repository';
import { WriteCommitQueue } from '../../http/write-commits';
import { VersionedCache } from '../../db/versioned-cache';

let testApp: TestApp;
let world: World;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
});
afterAll(() => testApp.close());

async function currentAction(id: string) {
  const [row] = await testApp.database.db.select().from(actions).where(eq(actions.id, id));
  return row!;
}

async function patchAction(person: PersonKey, familyId: string, actionId: string, body: unknown) {
  const agent = await signInAs(testApp.app, world.people[person]);
  return agent.patch(`/api/families/${familyId}/actions/${actionId}`).send(body as object);
}

describe('PATCH /api/families/:familyId/actions/:actionId', () => {
  it("when a worker changes their own service's action, then it is saved, versioned, audited and published after commit", async () => {
    const before = await currentAction(world.actions.actionA.id);
    const response = await patchAction('workerA', world.family.id, before.id, { status: 'in_progress', version: before.version });

    expect(response.status).toBe(200);
    const action = actionSchema.parse(response.body);
    expect(action).toMatchObject({ status: 'in_progress', version: before.version + 1 });
    expect(await currentAction(before.id)).toMatchObject({ status: 'in_progress', version: before.version + 1 });

    const [event] = await testApp.database.db.select().from(familyEvents).where(eq(familyEvents.entityId, before.id));
    expect(testApp.published).toContainEqual({
      type: 'action.updated',
      familyId: world.family.id,
      id: before.id,
      version: action.version,
      seq: event!.familySeq,
    });
    const audit = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, before.id), eq(auditEvents.outcome, 'allowed')));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'update', actorId: world.people.workerA.id, basis: 'service-role' }),
    ]);
  });

  it.each<[PersonKey, 'actionA' | 'actionB' | 'familyAction', number]>([
    ['coordinator', 'actionB', 200],
    ['coordinator', 'familyAction', 200],
    ['workerA', 'actionB', 403],
    ['workerA', 'familyAction', 403],
    ['workerB', 'actionB', 200],
    ['guardian', 'familyAction', 200],
    ['guardian', 'actionA', 403],
    ['workerC', 'actionA', 404],
    ['otherCoordinator', 'actionA', 404],
    ['otherGuardian', 'familyAction', 404],
    ['manager', 'actionA', 404],
    ['admin', 'actionA', 404],
  ])('when %s changes %s, then it answers %i and nothing else changes on refusal', async (person, actionKey, status) => {
    const before = await currentAction(world.actions[actionKey].id);
    const response = await patchAction(person, world.family.id, before.id, {
      status: before.status === 'done' ? 'planned' : 'done',
      version: before.version,
    });
    expect(response.status).toBe(status);
    if (status !== 200) {
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await currentAction(before.id)).toEqual(before);
    }
  });

  it("when a worker tries another service's action, then 403, the refusal is audited, and the action, its audit and its events stay as they were", async () => {
    const before = await currentAction(world.actions.actionB.id);
    const eventsOf = () => testApp.database.db.select().from(familyEvents).where(eq(familyEvents.entityId, before.id));
    const eventsBefore = await eventsOf();
    const response = await patchAction('workerA', world.family.id, before.id, { status: 'done', version: before.version });
    expect(response.status).toBe(403);
    expect(await currentAction(before.id)).toEqual(before);
    expect(await eventsOf()).toEqual(eventsBefore);
    const allowed = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.resourceId, before.id),
          eq(auditEvents.actorId, world.people.workerA.id),
          eq(auditEvents.outcome, 'allowed'),
        ),
      );
    expect(allowed).toEqual([]);
    const denied = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.resourceId, before.id),
          eq(auditEvents.outcome, 'denied'),
          eq(auditEvents.actorId, world.people.workerA.id),
        ),
      );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('when the change is based on an old version, then 409 carries the current action and nothing changes', async () => {
    const before = await currentAction(world.actions.actionA.id);
    const response = await patchAction('workerA', world.family.id, before.id, { status: 'planned', version: before.version - 1 });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'version_conflict',
      current: { id: before.id, version: before.version, status: before.status },
    });
    expect(await currentAction(before.id)).toEqual(before);
  });

  it('when changes share a group and some are based on a version the action is not at, then those change nothing and every other is saved once, with one event and one audit link', async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, index) => buildAction(testApp.database.db, world.family.id, { title: `Yhdessä ${index}` })),
    );
    const stale = new Set([2, 4]);
    const coordinator = await signInAs(testApp.app, world.people.coordinator);
    await coordinator.get(`/api/families/${world.family.id}/plan`).expect(200);
    // The first change holds its group open until the others wait for the next one: they share it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = WriteCommitQueue.prototype.run;
    const run = jest.spyOn(WriteCommitQueue.prototype, 'run').mockImplementation(function (
      this: WriteCommitQueue,
      work,
      guarded,
    ) {
      const first = run.mock.calls.length === 1;
      return original.call(this, first ? async (tx) => held.then(() => work(tx)) : work, guarded);
    });
    try {
      const responses = Promise.all(
        created.map((action, index) =>
          coordinator
            .patch(`/api/families/${world.family.id}/actions/${action.id}`)
            .send({ status: 'done', version: stale.has(index) ? action.version + 1 : action.version }),
        ),
      );
      for (let turn = 0; run.mock.calls.length < created.length && turn < 10_000; turn += 1)
        await new Promise((resolve) => setImmediate(resolve));
      expect(run).toHaveBeenCalledTimes(created.length);
      release();

      expect((await responses).map((response) => response.status)).toEqual([200, 200, 409, 200, 409, 200]);
      // The first refused change of the group of five undid the other four, which ran again, guarded
      // (the second refused among them, refused again).
      expect(run.mock.calls.filter(([, guarded]) => guarded)).toHaveLength(4);
    } finally {
      run.mockRestore();
    }
    for (const [index, action] of created.entries()) {
      const changed = !stale.has(index);
      expect(await currentAction(action.id)).toMatchObject({
        status: changed ? 'done' : 'planned',
        version: action.version + (changed ? 1 : 0),
      });
      const events = await testApp.database.db.select().from(familyEvents).where(eq(familyEvents.entityId, action.id));
      expect(events).toHaveLength(changed ? 1 : 0);
      expect(testApp.published.filter((event) => event.id === action.id)).toHaveLength(changed ? 1 : 0);
      const links = await testApp.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.resourceId, action.id), eq(auditEvents.action, 'update')));
      expect(links).toHaveLength(changed ? 1 : 0);
    }
    expect((await verifyAuditChains(testApp.database.db)).firstBrokenLink).toBeNull();
  });

  it('when a change is refused or rolled back, then what it read for its access decision is not kept for later requests; when one commits, it is', async () => {
    // An app of its own on the same database: nothing of this family is in its memory yet.
    const freshApp = await startTestApp({}, { database: testApp.database });
    const keep = jest.spyOn(VersionedCache.prototype, 'keep');
    const relationKept = () => keep.mock.calls.filter(([key]) => key.startsWith(`relation:${world.people.workerA.id}:`)).length;
    try {
      const worker = await signInAs(freshApp.app, world.people.workerA);
      const before = await currentAction(world.actions.actionA.id);
      const path = `/api/families/${world.family.id}/actions/${before.id}`;
      await worker
        .patch(path)
        .send({ status: 'planned', version: before.version + 1 })
        .expect(409);
      expect(relationKept()).toBe(0);
      await worker
        .patch(path)
        .send({ status: before.status === 'done' ? 'planned' : 'done', version: before.version })
        .expect(200);
      expect(relationKept()).toBe(1);
    } finally {
      keep.mockRestore();
      await freshApp.close();
    }
  });

  it("when the action belongs to another family, then it is not found through this family's URL", async () => {
    const before = await currentAction(world.otherAction.id);
    const response = await patchAction('coordinator', world.family.id, before.id, { status: 'done', version: before.version });
    expect(response.status).toBe(404);
    expect(await currentAction(before.id)).toEqual(before);
  });

  it('when a change links a goal of another family, or none that exists, then 400 on the goal and nothing changes', async () => {
    const otherGoal = await buildGoal(testApp.database.db, world.otherFamily.id);
    const before = await currentAction(world.actions.familyAction.id);
    for (const goalId of [otherGoal.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await patchAction('coordinator', world.family.id, before.id, { goalId, version: before.version });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'body.goalId' })]);
      expect(await currentAction(before.id)).toEqual(before);
    }
  });

  it('when the case is closed, then its actions cannot be changed', async () => {
    const closedFamily = await testApp.database.db
      .insert(families)
      .values({ name: 'Perhe Suljettu', status: 'closed', coordinatorId: world.people.coordinator.id })
      .returning();
    const action = await buildAction(testApp.database.db, closedFamily[0]!.id);
    const response = await patchAction('coordinator', closedFamily[0]!.id, action.id, { status: 'done', version: 1 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('case_closed');
    expect(await currentAction(action.id)).toEqual(action);
  });

  describe('bad input gets a 4xx problem and changes nothing', () => {
    it.each<[string, unknown, number, string]>([
      ['an unknown status', { status: 'finished', version: 1 }, 400, 'validation_failed'],
      ['a version of the wrong type', { status: 'done', version: '1' }, 400, 'validation_failed'],
      ['a missing version', { status: 'done' }, 400, 'validation_failed'],
      [
        'an unknown field',
        { status: 'done', version: 1, familyId: '00000000-0000-4000-8000-000000000000' },
        400,
        'validation_failed',
      ],
      ['an array body', [{ status: 'done' }], 400, 'validation_failed'],
    ])('when the body has %s', async (_case, body, status, code) => {
      const before = await currentAction(world.actions.actionA.id);
      const response = await patchAction('coordinator', world.family.id, before.id, body);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({
        status,
        code,
        type: expect.any(String),
        title: expect.any(String),
        detail: expect.any(String),
      });
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(await currentAction(before.id)).toEqual(before);
    });

    it('when the JSON is malformed, the body is not JSON, or it is too large', async () => {
      const agent = await signInAs(testApp.app, world.people.coordinator);
      const url = `/api/families/${world.family.id}/actions/${world.actions.actionA.id}`;
      const before = await currentAction(world.actions.actionA.id);

      const malformed = await agent.patch(url).set('Content-Type', 'application/json').send('{"status": "done",');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('malformed_json');

      const form = await agent.patch(url).set('Content-Type', 'application/x-www-form-urlencoded').send('status=done&version=1');
      expect(form.status).toBe(415);

      const huge = await agent.patch(url).send({ status: 'done', version: before.version, padding: 'x'.repeat(200_000) });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('payload_too_large');
      expect(huge.text).not.toMatch(/at .*\.ts/);

      expect(await currentAction(before.id)).toEqual(before);
    });

    it('when the ids are not uuids or unknown', async () => {
      const agent = await signInAs(testApp.app, world.people.coordinator);
      const bad = await agent.patch(`/api/families/${world.family.id}/actions/123`).send({ status: 'done', version: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'params.actionId' })]);
      const unknown = await agent
        .patch(`/api/families/${world.family.id}/actions/00000000-0000-4000-8000-000000000000`)
        .send({ status: 'done', version: 1 });
      expect(unknown.status).toBe(404);
    });
  });
});
