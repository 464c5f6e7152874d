import { noteVisibilities, planSchema, type Plan } from '@yhdessa/shared';
import type { Response } from 'supertest';
import { updateFamilyAt } from '../families/families.repository';
import { insertReview } from '../reviews/reviews.repository';
import { insertStoryComment } from '../story/story.repository';
import { buildAccount, buildAction, buildMember, buildService, buildServiceRole } from '../../test/factories';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { helsinkiToday } from '../../test/dates';
import { buildWorld, type PersonKey, type World } from '../../test/world';

/**
 * The plan's `can` flags against the routes they stand for: for every reader, each flag is
 * tried on its route, and the route lets the reader through exactly when the flag says so.
 * Writes that would change something are sent with a stale version, so an allowed one stops at
 * the version check (409) and nothing changes.
 */
jest.setTimeout(180_000);

let testApp: TestApp;
/** `family` is open; a service D role in it ended by date yesterday or before; `closed` is a second world, closed. */
let world: World;
let closedWorld: World;
let workerAD: Awaited<ReturnType<typeof buildAccount>>;
let roleDId: string;
const caseFixtures = new Map<string, { memberId: string; inviteeId: string; reviewId: string; storyCommentId: string }>();

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  world = await buildWorld(db);
  closedWorld = await buildWorld(db);

  // A worker of two services: A's role is active, D's role is accepted but past its end date.
  const serviceD = await buildService(db, world.services.serviceA.organisationId, 'Päättynyt palvelu');
  const roleD = await buildServiceRole(db, world.family.id, serviceD.id, { endsOn: '2000-01-31' });
  roleDId = roleD.id;
  await buildAction(db, world.family.id, { serviceRoleId: roleD.id, title: 'Päättyneen palvelun tehtävä' });
  workerAD = await buildAccount(db, {
    role: 'worker',
    serviceIds: [world.services.serviceA.id, serviceD.id],
    name: 'Työntekijä AD',
  });

  for (const family of [world.family, closedWorld.family]) {
    const member = await buildMember(db, family.id, { relation: 'child', name: 'Korjattava Lapsi' });
    const invitee = await buildMember(db, family.id, { relation: 'guardian', name: 'Kutsuttava Huoltaja' });
    const review = await insertReview(family.id, { scheduledOn: '2030-01-15', participants: [] }, db);
    const storyComment = await insertStoryComment(
      family.id,
      { kind: 'comment', body: 'Kommentti' },
      world.people.guardian.id,
      db,
    );
    caseFixtures.set(family.id, {
      memberId: member.id,
      inviteeId: invitee.id,
      reviewId: review.id,
      storyCommentId: storyComment.id,
    });
  }
  await updateFamilyAt(closedWorld.family.id, closedWorld.family.version, { status: 'closed' }, db);
});
afterAll(() => testApp.close());

type Agent = Awaited<ReturnType<typeof signInAs>>;

/**
 * Whether the route let the caller through: refusals are 403, 404, 409 `case_closed`, or 400 for
 * a role that takes no actions or usage. Usage on a day the role did not run (400 on the date) or
 * recorded already (409) got past the access check.
 */
function allowed(response: Response): boolean {
  const code: unknown = response.body?.code;
  if (response.status < 300) return true;
  if (
    response.status === 409 &&
    (code === 'version_conflict' || code === 'service_already_in_plan' || code === 'usage_already_recorded')
  )
    return true;
  if (response.status === 400 && JSON.stringify(response.body.errors).includes('body.usedOn')) return true;
  if (response.status === 403 || response.status === 404 || code === 'case_closed') return false;
  if (response.status === 400 && JSON.stringify(response.body.errors).includes('body.serviceRoleId')) return false;
  throw new Error(`unexpected answer ${response.status}: ${JSON.stringify(response.body)}`);
}

interface Probe {
  /** The flag, e.g. `plan.editStory`, `role.writeNotes:family`, `action.changeStatus`. */
  flag: string;
  /** What the plan's `can` says. */
  says: boolean;
  /** Tries the route the flag stands for; true when it lets the caller through. */
  tryRoute: () => Promise<boolean>;
  subject: string;
}

let emails = 0;

/** One probe per flag of the plan, of each service role and of each action, with the route and target it stands for. */
function probesOf(plan: Plan, agent: Agent, otherCoordinatorId: string): Probe[] {
  const base = `/api/families/${plan.family.id}`;
  const fixtures = caseFixtures.get(plan.family.id)!;
  const send = (method: 'post' | 'put' | 'patch', path: string, body: object) => async () =>
    allowed(await agent[method](path).send(body));
  const closed = plan.family.status === 'closed';
  const { can } = plan;
  const noteProbes = (subject: string, flag: string, writable: readonly string[], serviceRoleId: string | null) =>
    noteVisibilities.map((visibility) => ({
      flag: `${flag}:${visibility}`,
      says: writable.includes(visibility),
      subject,
      tryRoute: send('post', `${base}/notes`, { serviceRoleId, body: 'Kirjaus', visibility }),
    }));

  return [
    {
      flag: 'plan.editStory',
      says: can.editStory,
      tryRoute: send('put', `${base}/story`, { background: '', situation: '', strengths: '', version: 999 }),
    },
    {
      flag: 'plan.commentOnStory',
      says: can.commentOnStory,
      tryRoute: send('post', `${base}/story/comments`, { kind: 'comment', body: 'Kommentti' }),
    },
    {
      flag: 'plan.resolveStoryComments',
      says: can.resolveStoryComments,
      tryRoute: send('post', `${base}/story/comments/${fixtures.storyCommentId}/resolve`, { version: 999 }),
    },
    {
      flag: 'plan.editAssessment',
      says: can.editAssessment,
      tryRoute: send('post', `${base}/assessments`, { assessedOn: '2025-02-01', ratings: [{ domain: 'safety', rating: 4 }] }),
    },
    { flag: 'plan.addGoal', says: can.addGoal, tryRoute: send('post', `${base}/goals`, { title: 'Uusi tavoite' }) },
    {
      flag: 'plan.addProgress',
      says: can.addProgress,
      tryRoute: send('post', `${base}/goals/${worldOf(plan).goal.id}/progress`, { recordedOn: '2025-01-15', value: '3' }),
    },
    ...(['', '/end', '/reopen'] as const).map((route) => ({
      flag: 'plan.changeGoals',
      says: can.changeGoals,
      subject: `the plan (goal${route || ' words'})`,
      tryRoute: send(route ? 'post' : 'patch', `${base}/goals/${worldOf(plan).goal.id}${route}`, {
        ...(route === '/end' ? { ending: 'reached' } : route === '' ? { title: 'Uudet sanat' } : {}),
        version: 999,
      }),
    })),
    {
      flag: 'plan.inviteService',
      says: can.inviteService,
      // A service already in the plan: the coordinator reaches the check and nothing is invited.
      tryRoute: send('post', `${base}/service-roles`, { serviceId: worldOf(plan).services.serviceA.id }),
    },
    {
      flag: 'plan.inviteMember',
      says: can.inviteMember,
      tryRoute: send('post', '/api/invitations', {
        kind: 'family-member',
        familyId: plan.family.id,
        memberId: fixtures.inviteeId,
        email: `kutsuttu-${(emails += 1)}@test.example`,
      }),
    },
    ...noteProbes('the family part', 'plan.writeNotes', can.writeNotes, null),
    {
      flag: 'plan.manageReviews',
      says: can.manageReviews,
      tryRoute: send('patch', `${base}/reviews/${fixtures.reviewId}`, { minutes: 'Muistio', version: 999 }),
    },
    {
      flag: 'plan.proposeAgenda',
      says: can.proposeAgenda,
      tryRoute: send('post', `${base}/reviews/${fixtures.reviewId}/agenda`, { title: 'Aihe' }),
    },
    {
      flag: 'plan.editMembers',
      says: can.editMembers,
      tryRoute: send('patch', `${base}/members/${fixtures.memberId}`, { name: 'Korjattu', version: 999 }),
    },
    {
      flag: 'plan.changeCaseStatus',
      says: can.changeCaseStatus,
      tryRoute: send('patch', base, { status: closed ? 'active' : 'closed', version: 999 }),
    },
    {
      flag: 'plan.handOver',
      says: can.handOver,
      tryRoute: send('post', `${base}/handover`, { toCoordinatorId: otherCoordinatorId, version: 999 }),
    },
    {
      flag: 'plan.readCosts',
      says: can.readCosts,
      tryRoute: async () => allowed(await agent.get(`${base}/service-usage/costs`)),
    },
    {
      flag: 'plan.readUsageSummary',
      says: can.readUsageSummary,
      tryRoute: async () => allowed(await agent.get(`${base}/service-usage/summary`)),
    },
    {
      flag: 'plan.readFeedback',
      says: can.readFeedback,
      tryRoute: async () => allowed(await agent.get(`${base}/feedback`)),
    },
  ]
    .map((probe) => ({ subject: 'the plan', ...probe }))
    .concat(
      plan.serviceRoles.flatMap((role) => {
        const subject = `role ${roleName(role.id)}`;
        const path = `${base}/service-roles/${role.id}`;
        return [
          {
            flag: 'role.edit',
            says: role.can.edit,
            subject,
            tryRoute: send('patch', path, { description: 'Uusi', version: 999 }),
          },
          {
            flag: 'role.setDates',
            says: role.can.setDates,
            subject,
            tryRoute: send('patch', path, { startsOn: '2025-01-01', version: 999 }),
          },
          { flag: 'role.end', says: role.can.end, subject, tryRoute: send('post', `${path}/end`, { version: 999 }) },
          {
            flag: 'role.addAction',
            says: role.can.addAction,
            subject,
            tryRoute: send('post', `${base}/actions`, { serviceRoleId: role.id, title: 'Uusi tehtävä' }),
          },
          ...noteProbes(subject, 'role.writeNotes', role.can.writeNotes, role.id),
          {
            flag: 'role.recordUsage',
            says: role.can.recordUsage,
            subject,
            // Today: the first reader to get through records it, the next ones find it recorded (409).
            tryRoute: send('post', `${base}/service-usage`, {
              serviceRoleId: role.id,
              period: 'day',
              usedOn: helsinkiToday(),
              units: 1,
            }),
          },
        ];
      }),
      [...plan.serviceRoles.flatMap((role) => role.actions), ...plan.familyActions].map((action) => ({
        flag: 'action.changeStatus',
        says: action.can.changeStatus,
        subject: `action ${action.title}`,
        tryRoute: send('patch', `${base}/actions/${action.id}`, { status: 'done', version: 999 }),
      })),
    );
}

const worldOf = (plan: Plan) => (plan.family.id === world.family.id ? world : closedWorld);
function roleName(roleId: string): string {
  for (const each of [world, closedWorld]) {
    const key = Object.entries(each.roles).find(([, role]) => role.id === roleId)?.[0];
    if (key) return key;
  }
  return roleId === roleDId ? 'roleDPastEnd' : roleId;
}

/** Which flags were seen true and false over all readers: each must have been tried both ways. */
const seen = new Map<string, Set<boolean>>();

type Reader = { key: PersonKey; case: 'open' | 'closed' } | 'workerAD';
const readers: [string, Reader][] = [
  ['the coordinator', { key: 'coordinator', case: 'open' }],
  ['a worker with an accepted role of their own (and other services in the plan)', { key: 'workerA', case: 'open' }],
  ['a worker whose service the family shares neither goals nor story with', { key: 'workerB', case: 'open' }],
  ['a guardian', { key: 'guardian', case: 'open' }],
  ['a young family member', { key: 'youngMember', case: 'open' }],
  ['a worker whose second role is past its end date', 'workerAD'],
  ['the coordinator of a closed case', { key: 'coordinator', case: 'closed' }],
  ['a worker on a closed case', { key: 'workerA', case: 'closed' }],
  ['a guardian on a closed case', { key: 'guardian', case: 'closed' }],
];

async function readPlanAs(reader: Reader): Promise<{ agent: Agent; plan: Plan; otherCoordinatorId: string }> {
  const ofWorld = reader === 'workerAD' || reader.case === 'open' ? world : closedWorld;
  const person = reader === 'workerAD' ? workerAD : ofWorld.people[reader.key];
  const agent = await signInAs(testApp.app, person);
  const response = await agent.get(`/api/families/${ofWorld.family.id}/plan`).expect(200);
  return { agent, plan: planSchema.parse(response.body), otherCoordinatorId: ofWorld.people.otherCoordinator.id };
}

describe('GET /api/families/:familyId/plan, what the reader may do', () => {
  it.each(readers)('when %s reads the plan, then every `can` flag is what its route allows', async (_name, reader) => {
    const { agent, plan, otherCoordinatorId } = await readPlanAs(reader);
    const disagreements: string[] = [];
    for (const probe of probesOf(plan, agent, otherCoordinatorId)) {
      const routeAllows = await probe.tryRoute();
      seen.set(probe.flag, (seen.get(probe.flag) ?? new Set()).add(probe.says));
      if (routeAllows !== probe.says)
        disagreements.push(
          `${probe.flag} on ${probe.subject}: can says ${probe.says}, the route ${routeAllows ? 'allows' : 'refuses'}`,
        );
    }
    expect(disagreements).toEqual([]);
  });

  it('when every reader has been tried, then every flag was seen both allowed and refused', () => {
    expect([...seen].filter(([, values]) => values.size < 2).map(([flag]) => flag)).toEqual([]);
    expect(seen.size).toBe(27);
  });

  it("when a worker's role is past its end date, then nothing on it is theirs, though their active role is", async () => {
    const { plan } = await readPlanAs('workerAD');
    const roleD = plan.serviceRoles.find((role) => role.id === roleDId)!;
    expect(roleD.can).toEqual({
      edit: false,
      setDates: false,
      end: false,
      addAction: false,
      writeNotes: [],
      recordUsage: false,
    });
    expect(new Set(roleD.actions.map((action) => action.can.changeStatus))).toEqual(new Set([false]));
    const roleA = plan.serviceRoles.find((role) => role.id === world.roles.roleA.id)!;
    expect(roleA.can).toEqual({
      edit: true,
      setDates: false,
      end: false,
      addAction: true,
      writeNotes: ['professionals', 'family'],
      recordUsage: true,
    });
  });

  it('when the coordinator reads the plan, then only an accepted role takes actions, and they may write notes anywhere', async () => {
    const { plan } = await readPlanAs({ key: 'coordinator', case: 'open' });
    const byId = new Map(plan.serviceRoles.map((role) => [role.id, role.can]));
    expect(byId.get(world.roles.roleCInvited.id)).toEqual({
      edit: true,
      setDates: true,
      end: true,
      addAction: false,
      writeNotes: ['professionals', 'family'],
      recordUsage: false,
    });
    expect(byId.get(roleDId)?.addAction).toBe(true);
    expect(plan.can.writeNotes).toEqual(['professionals', 'family']);
  });

  it('when the case is closed, then nothing can be changed but its coordinator may reopen it; what was read stays readable', async () => {
    const granted = (can: object) =>
      Object.entries(can)
        .filter(([, value]) => value === true || (Array.isArray(value) && value.length > 0))
        .map(([flag]) => flag);
    for (const key of ['coordinator', 'workerA', 'guardian'] as const) {
      const { plan } = await readPlanAs({ key, case: 'closed' });
      const reads = {
        coordinator: ['changeCaseStatus', 'readCosts', 'readFeedback'],
        workerA: ['readCosts'],
        guardian: ['readUsageSummary', 'readFeedback'],
      };
      expect(granted(plan.can)).toEqual(reads[key]);
      expect(plan.serviceRoles.flatMap((role) => granted(role.can))).toEqual([]);
      const actions = [...plan.familyActions, ...plan.serviceRoles.flatMap((role) => role.actions)];
      expect(actions.flatMap((action) => granted(action.can))).toEqual([]);
    }
  });
});
