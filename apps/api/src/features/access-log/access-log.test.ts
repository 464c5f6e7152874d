import { accessLogSchema, type AccessLog, type AccessLogThing } from '@yhdessa/shared';
import { appendAuditEvent } from '../../audit/audit.repository';
import type { Actor } from '../../core/actor';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(60_000);

let testApp: TestApp;
let world: World;

/** A day three days back (UTC); 20:30 UTC is still that day in Helsinki, 22:30 UTC already the next. */
const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const nextDay = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const at = (utcTime: string) => new Date(`${day}T${utcTime}:00.000Z`);

/** Writes an audit row as if it happened at `moment`: only the clock is faked, timers keep running. */
async function auditAt(
  moment: Date,
  person: World['people'][PersonKey],
  entry: { resource: string; outcome?: 'allowed' | 'denied' },
) {
  jest.useFakeTimers({
    now: moment,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate'],
    advanceTimers: true,
  });
  try {
    const actor = { accountId: person.id, role: person.role, organisationId: person.organisationId } as Actor;
    await testApp.database.db.transaction((tx) =>
      appendAuditEvent(tx, {
        actor,
        familyId: world.family.id,
        action: 'read',
        resource: entry.resource,
        outcome: entry.outcome ?? 'allowed',
        basis: 'test',
      }),
    );
  } finally {
    jest.useRealTimers();
  }
}

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildWorld(testApp.database.db);
  const { workerB, guardian } = world.people;
  await auditAt(at('20:30'), workerB, { resource: 'plan' });
  await auditAt(at('20:40'), workerB, { resource: 'goal' });
  await auditAt(at('20:45'), workerB, { resource: 'plan' });
  await auditAt(at('20:50'), guardian, { resource: 'plan' });
  await auditAt(at('20:55'), guardian, { resource: 'note', outcome: 'denied' });
  await auditAt(at('22:30'), workerB, { resource: 'plan' });
  await auditAt(at('22:35'), workerB, { resource: 'note', outcome: 'denied' });
  await (await signInAs(testApp.app, world.people.workerA)).get(`/api/families/${world.family.id}/plan`).expect(200);
  await (await signInAs(testApp.app, world.people.workerC)).get(`/api/families/${world.family.id}/plan`).expect(404);
  await (await signInAs(testApp.app, world.people.guardian)).get(`/api/families/${world.family.id}/plan`).expect(200);
});
afterAll(() => testApp.close());

async function readLog(person: PersonKey, query = '') {
  const response = await (
    await signInAs(testApp.app, world.people[person])
  )
    .get(`/api/families/${world.family.id}/access-log${query}`)
    .expect(200);
  return accessLogSchema.parse(response.body);
}

const groupsOf = (log: AccessLog, name: string) => log.groups.filter((group) => group.actor?.name === name);
const thing = (resource: string, count: number, outcome: AccessLogThing['outcome'] = 'allowed') => ({
  action: 'read',
  resource,
  outcome,
  count,
});

describe("the family's access log", () => {
  it("when the guardian opens it, then others' use shows, their own reads do not, and their refused try does", async () => {
    const log = await readLog('guardian');

    expect(log.own).toBe('hide');
    expect(groupsOf(log, 'Työntekijä A')).toEqual([
      expect.objectContaining({
        actor: { name: 'Työntekijä A', role: 'worker', organisation: 'Testikunta' },
        refused: false,
        things: expect.arrayContaining([thing('plan', 1)]),
      }),
    ]);
    expect(groupsOf(log, 'Työntekijä C')).toEqual([
      expect.objectContaining({ refused: true, things: [expect.objectContaining({ outcome: 'denied' })] }),
    ]);
    expect(groupsOf(log, 'Huoltaja Testinen')).toEqual([
      expect.objectContaining({ day, count: 1, refused: true, things: [thing('note', 1, 'denied')] }),
    ]);
  });

  it('when the guardian asks for their own too, then their reads show, the reading of this log among them', async () => {
    const log = await readLog('guardian', '?own=show');

    expect(log.own).toBe('show');
    const [today, earlier] = groupsOf(log, 'Huoltaja Testinen');
    expect(today?.things).toEqual(
      expect.arrayContaining([thing('plan', 1), expect.objectContaining({ resource: 'access-log' })]),
    );
    expect(earlier).toMatchObject({ day, count: 2, refused: true, things: [thing('note', 1, 'denied'), thing('plan', 1)] });
  });

  it("when the coordinator opens it, then the family's own reads are there unless hidden", async () => {
    expect(groupsOf(await readLog('coordinator'), 'Huoltaja Testinen').length).toBeGreaterThan(0);
    const hidden = await readLog('coordinator', '?own=hide');
    expect(hidden.own).toBe('hide');
    expect(groupsOf(hidden, 'Huoltaja Testinen')).toEqual([expect.objectContaining({ day, refused: true, count: 1 })]);
  });

  it('when a worker read before and after midnight in Helsinki, then those are two days, counted and timed apart', async () => {
    const log = await readLog('guardian');

    expect(groupsOf(log, 'Työntekijä B')).toEqual([
      {
        actor: { name: 'Työntekijä B', role: 'worker', organisation: 'Testikunta' },
        day: nextDay,
        count: 2,
        refused: true,
        things: [thing('note', 1, 'denied'), thing('plan', 1)],
        firstAt: at('22:30').toISOString(),
        lastAt: at('22:35').toISOString(),
        events: [
          expect.objectContaining({ resource: 'note', outcome: 'denied', occurredAt: at('22:35').toISOString() }),
          expect.objectContaining({ resource: 'plan', outcome: 'allowed', occurredAt: at('22:30').toISOString() }),
        ],
      },
      expect.objectContaining({
        day,
        count: 3,
        refused: false,
        things: [thing('plan', 2), thing('goal', 1)],
        firstAt: at('20:30').toISOString(),
        lastAt: at('20:45').toISOString(),
      }),
    ]);
  });

  it('when paging one group at a time, then the pages together are the whole log, newest first, without overlap', async () => {
    // The guardian's own reads of the log are hidden, so the log stands still while they page.
    const whole = await readLog('guardian', '?limit=100');
    expect(whole.groups.length).toBeGreaterThan(3);
    expect(whole.nextBefore).toBeNull();
    const paged: AccessLog['groups'] = [];
    let before: number | null = null;
    do {
      const page: AccessLog = await readLog('guardian', `?limit=1${before ? `&before=${before}` : ''}`);
      paged.push(...page.groups);
      before = page.nextBefore;
    } while (before !== null);

    const key = (group: AccessLog['groups'][number]) => `${group.actor?.name}|${group.day}`;
    expect(paged.map(key)).toEqual(whole.groups.map(key));
    expect(new Set(paged.map(key)).size).toBe(paged.length);
    const lastIds = paged.map((group) => group.events[0]!.id);
    expect(lastIds).toEqual([...lastIds].sort((a, b) => b - a));
  });

  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['youngMember', 200],
    ['workerA', 404],
    ['workerC', 404],
    ['otherGuardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s asks for it, then %i', async (person, status) => {
    await (await signInAs(testApp.app, world.people[person])).get(`/api/families/${world.family.id}/access-log`).expect(status);
  });

  it("when a worker is refused the log, then the family's log shows the refused try", async () => {
    await (await signInAs(testApp.app, world.people.workerB)).get(`/api/families/${world.family.id}/access-log`).expect(404);
    const [today] = groupsOf(await readLog('guardian'), 'Työntekijä B');
    expect(today?.things).toContainEqual(expect.objectContaining({ resource: 'access-log', outcome: 'denied' }));
  });

  it("when the guardian asks for another family's log, then 404", async () => {
    await (
      await signInAs(testApp.app, world.people.guardian)
    )
      .get(`/api/families/${world.otherFamily.id}/access-log`)
      .expect(404);
  });

  it('when the query is wrong, then 400', async () => {
    const agent = await signInAs(testApp.app, world.people.guardian);
    await agent.get(`/api/families/${world.family.id}/access-log?limit=5000`).expect(400);
    await agent.get(`/api/families/${world.family.id}/access-log?own=all`).expect(400);
    await agent.get(`/api/families/${world.family.id}/access-log?before=abc`).expect(400);
    await agent.get(`/api/families/${world.family.id}/access-log?extra=1`).expect(400);
  });
});
