import { and, eq, gt, max } from 'drizzle-orm';
import { pino } from 'pino';
import { actions } from '../db/tables/actions';
import { auditEvents } from '../db/tables/audit';
import { serviceRoles } from '../db/tables/service-roles';
import { io as connect } from 'socket.io-client';
import {
  familyListSchema,
  noteListSchema,
  planParts,
  planSchema,
  planVersionSchema,
  socketEvents,
  type FamilyEvent,
  type JoinFamilyAck,
  type Presence,
} from '@yhdessa/shared';
import type { z } from 'zod';
import { loadConfig } from '../core/config';
import type { Database } from '../db/database';
import { insertAssessment } from '../features/assessments/assessments.repository';
import { insertMeasurement } from '../features/measurements/measurements.repository';
import { familyMembers } from '../db/tables/families';
import { programEnrolments, programPayers, programs } from '../db/tables/programs';
import { updateFamilyAt } from '../features/families/families.repository';
import { answerFeedbackRequest, insertFeedbackRequest } from '../features/feedback/feedback.repository';
import { apiRoutes } from '../routes';
import { insertStoryComment } from '../features/story/story.repository';
import { startServer, type RunningServer } from '../server';
import { insertNote } from '../features/notes/notes.repository';
import { freezePlanVersion } from '../features/plan-versions';
import { presentPlan } from '../features/plans/plan.presenter';
import { findPlanParts } from '../features/plans/plans.repository';
import { insertReview } from '../features/reviews/reviews.repository';
import { insertUsage } from '../features/service-usage/service-usage.repository';
import { buildAccount, buildConsent, buildGoal, buildMember, buildService, TEST_PASSWORD } from '../test/factories';
import { fetchSessionCookie } from '../test/second-factor';
import { openTestDatabase } from '../test/test-database';
import { buildWorld, type PersonKey, type World } from '../test/world';

/**
 * Every route and socket event, for every kind of person (and nobody), against their own
 * family, another family and one that does not exist. Allowed writes are sent with a stale
 * version, so they reach the version check (409) without changing anything.
 */
jest.setTimeout(240_000);

type Persona = PersonKey | 'anonymous';
type Target = 'own' | 'other' | 'none';
const personas: Persona[] = [
  'anonymous',
  'coordinator',
  'otherCoordinator',
  'workerA',
  'workerB',
  'workerC',
  'guardian',
  'youngMember',
  'otherGuardian',
  'manager',
  'admin',
];
const targets: Target[] = ['own', 'other', 'none'];
const NOWHERE = '00000000-0000-4000-8000-000000000000';

let server: RunningServer;
let database: Database;
let world: World;
let baseUrl: string;
const cookies = new Map<Persona, string | null>();

/** The family each persona belongs to in the world: the rest are "other" to them. */
const homeOf = (persona: Persona): 'family' | 'otherFamily' | null =>
  ['coordinator', 'workerA', 'workerB', 'guardian', 'youngMember'].includes(persona)
    ? 'family'
    : ['otherCoordinator', 'workerC', 'otherGuardian'].includes(persona)
      ? 'otherFamily'
      : null;

function familyFor(persona: Persona, target: Target) {
  const home = homeOf(persona) ?? 'family';
  if (target === 'none') return null;
  const key = target === 'own' ? home : home === 'family' ? 'otherFamily' : 'family';
  return key === 'family'
    ? {
        id: world.family.id,
        actionId: world.actions.actionA.id,
        serviceRoleId: world.roles.roleB.id,
        serviceId: world.services.serviceA.id,
        invitedRoleId: world.roles.roleCInvited.id,
        ...fixtures.family,
      }
    : {
        id: world.otherFamily.id,
        actionId: world.otherAction.id,
        serviceRoleId: world.otherRole.id,
        serviceId: world.services.serviceC.id,
        invitedRoleId: world.otherRole.id,
        ...fixtures.otherFamily,
      };
}

interface Cell {
  method: string;
  path: string;
  body?: unknown;
  /** A CSV body is sent as it is, with this type; any other body as JSON. */
  contentType?: 'text/csv';
  /** The status expected for a persona who belongs to the family, by persona. */
  expect: (persona: Persona, target: Target) => number;
}

const isMember = (persona: Persona, target: Target) => target === 'own' && homeOf(persona) !== null;
const familyScoped = (allowed: Partial<Record<Persona, number>>) => (persona: Persona, target: Target) =>
  persona === 'anonymous' ? 401 : !isMember(persona, target) ? 404 : (allowed[persona] ?? 404);
const signedIn = (allowed: Partial<Record<Persona, number>>) => (persona: Persona) =>
  persona === 'anonymous' ? 401 : (allowed[persona] ?? 404);
const everyone = (status: number) => () => status;
const professionals = (status: number): Partial<Record<Persona, number>> => ({
  coordinator: status,
  otherCoordinator: status,
  workerA: status,
  workerB: status,
  workerC: status,
  manager: status,
  admin: status,
});
/** Like `familyScoped`, and workerC, whose service is only invited to `family`, reaches its invitation there. */
const invitationScoped =
  (allowed: Partial<Record<Persona, number>>, invitedWorker: number) => (persona: Persona, target: Target) =>
    persona === 'workerC' && target === 'other' ? invitedWorker : familyScoped(allowed)(persona, target);

/**
 * Per family: a goal, a coordinator's professionals-only note, a scheduled review, a usage
 * entry on the service role the cells use (B's, C's) and a feedback request its guardian has
 * answered, made in `beforeAll`.
 */
interface FamilyFixtures {
  goalId: string;
  noteId: string;
  reviewId: string;
  usageId: string;
  feedbackRequestId: string;
}
const noFixtures: FamilyFixtures = {
  goalId: NOWHERE,
  noteId: NOWHERE,
  reviewId: NOWHERE,
  usageId: NOWHERE,
  feedbackRequestId: NOWHERE,
};
const fixtures: Record<'family' | 'otherFamily', FamilyFixtures> = { family: noFixtures, otherFamily: noFixtures };

/** One entry per declared route: adding a route without adding it here fails the test below. */
function cellsFor(persona: Persona, target: Target): Record<string, Cell> {
  const family = familyFor(persona, target);
  const familyId = family?.id ?? NOWHERE;
  const members = {
    coordinator: 1,
    otherCoordinator: 1,
    workerA: 1,
    workerB: 1,
    workerC: 1,
    guardian: 1,
    youngMember: 1,
    otherGuardian: 1,
  };
  const all = (status: number) =>
    Object.fromEntries(Object.keys(members).map((key) => [key, status])) as Partial<Record<Persona, number>>;
  return {
    'POST /api/auth/login': {
      method: 'POST',
      path: '/api/auth/login',
      body: { email: 'nobody@test.example', password: 'wrong' },
      expect: everyone(401),
    },
    'POST /api/auth/logout': { method: 'POST', path: '/api/auth/logout', expect: everyone(204) },
    'POST /api/auth/logout-everywhere': {
      method: 'POST',
      path: '/api/auth/logout-everywhere',
      expect: signedIn({ ...all(204), manager: 204, admin: 204 }),
    },
    'GET /api/auth/me': { method: 'GET', path: '/api/auth/me', expect: signedIn({ ...all(200), manager: 200, admin: 200 }) },
    // The right current password and a refused new one: the change is reached, and nothing changes.
    'POST /api/auth/password': {
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'password1234' },
      expect: signedIn({ ...all(400), manager: 400, admin: 400 }),
    },
    'POST /api/auth/password-reset': {
      method: 'POST',
      path: '/api/auth/password-reset',
      body: { email: 'nobody@test.example' },
      expect: everyone(204),
    },
    // Every professional here has passed the second factor already: setting it up again, or passing it twice, is refused.
    'POST /api/auth/second-factor/enrol': {
      method: 'POST',
      path: '/api/auth/second-factor/enrol',
      expect: signedIn(professionals(403)),
    },
    'POST /api/auth/second-factor/confirm': {
      method: 'POST',
      path: '/api/auth/second-factor/confirm',
      body: { code: '000000' },
      expect: signedIn(professionals(403)),
    },
    'POST /api/auth/second-factor/verify': {
      method: 'POST',
      path: '/api/auth/second-factor/verify',
      body: { code: '000000' },
      expect: signedIn(professionals(403)),
    },
    // Only an administrator adds a person to a service: a worker login opens every family of the service.
    'POST /api/invitations (worker)': {
      method: 'POST',
      path: '/api/invitations',
      body: {
        kind: 'worker',
        email: `worker-${persona}-${target}@test.example`,
        name: 'Uusi',
        serviceId: world.services.serviceA.id,
      },
      expect: signedIn({ admin: 201 }),
    },
    'POST /api/invitations (family-member)': {
      method: 'POST',
      path: '/api/invitations',
      body: {
        kind: 'family-member',
        familyId,
        memberId: family ? inviteeMembers[family.id === world.family.id ? 'family' : 'otherFamily'] : NOWHERE,
        email: `invitee-${persona}-${target}@test.example`,
      },
      expect: familyScoped({ coordinator: 201, otherCoordinator: 201 }),
    },
    'GET /api/invitations/:token': { method: 'GET', path: '/api/invitations/no-such-token', expect: everyone(404) },
    'POST /api/invitations/:token/accept': {
      method: 'POST',
      path: '/api/invitations/no-such-token/accept',
      body: { password: 'a long enough password' },
      expect: everyone(404),
    },
    'GET /api/demo/outbox': { method: 'GET', path: '/api/demo/outbox', expect: everyone(200) },
    'GET /api/families': { method: 'GET', path: '/api/families', expect: signedIn(all(200)) },
    'GET /api/families/:familyId/plan': { method: 'GET', path: `/api/families/${familyId}/plan`, expect: familyScoped(all(200)) },
    'PATCH /api/families/:familyId/actions/:actionId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/actions/${family?.actionId ?? NOWHERE}`,
      body: { status: 'done', version: 999 },
      expect: familyScoped({
        coordinator: 409,
        otherCoordinator: 409,
        workerA: 409,
        workerC: 409,
        workerB: 403,
        guardian: 403,
        youngMember: 403,
        otherGuardian: 403,
      }),
    },
    'GET /api/families/:familyId/service-roles/:serviceRoleId/workers': {
      method: 'GET',
      path: `/api/families/${familyId}/service-roles/${family?.serviceRoleId ?? NOWHERE}/workers`,
      expect: familyScoped({ ...all(403), coordinator: 200, otherCoordinator: 200, workerB: 200, workerC: 200 }),
    },
    'POST /api/families/:familyId/service-roles/:serviceRoleId/end': {
      method: 'POST',
      path: `/api/families/${familyId}/service-roles/${family?.serviceRoleId ?? NOWHERE}/end`,
      body: { version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'POST /api/families/:familyId/goals': {
      method: 'POST',
      path: `/api/families/${familyId}/goals`,
      body: { title: 'Matriisin tavoite' },
      expect: familyScoped({ ...all(201), workerA: 403, workerB: 403, workerC: 403 }),
    },
    'PATCH /api/families/:familyId/goals/:goalId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/goals/${family?.goalId ?? NOWHERE}`,
      body: { title: 'Matriisin sanat', version: 999 },
      // Goals are not shared with services B and C: to them the goal does not exist.
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/goals/:goalId/end': {
      method: 'POST',
      path: `/api/families/${familyId}/goals/${family?.goalId ?? NOWHERE}/end`,
      body: { ending: 'reached', version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/goals/:goalId/reopen': {
      method: 'POST',
      path: `/api/families/${familyId}/goals/${family?.goalId ?? NOWHERE}/reopen`,
      body: { version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/goals/:goalId/progress': {
      method: 'POST',
      path: `/api/families/${familyId}/goals/${family?.goalId ?? NOWHERE}/progress`,
      body: { recordedOn: '2025-01-15', value: '3' },
      expect: familyScoped({ ...all(201), workerB: 404, workerC: 404 }),
    },
    'GET /api/service-roles/invitations': {
      method: 'GET',
      path: '/api/service-roles/invitations',
      expect: signedIn({ workerA: 200, workerB: 200, workerC: 200 }),
    },
    'POST /api/families/:familyId/service-roles': {
      method: 'POST',
      path: `/api/families/${familyId}/service-roles`,
      body: { serviceId: family?.serviceId ?? NOWHERE },
      // The service is in the plan already: the coordinator gets 409 and nothing is invited.
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    // A declined invitation stays for the coordinator and the family; other services are not told.
    'GET /api/families/:familyId/service-roles/declined': {
      method: 'GET',
      path: `/api/families/${familyId}/service-roles/declined`,
      expect: familyScoped({
        coordinator: 200,
        otherCoordinator: 200,
        guardian: 200,
        youngMember: 200,
        otherGuardian: 200,
      }),
    },
    'GET /api/families/:familyId/service-roles/:serviceRoleId/invitation': {
      method: 'GET',
      path: `/api/families/${familyId}/service-roles/${family?.invitedRoleId ?? NOWHERE}/invitation`,
      expect: invitationScoped({ coordinator: 200, otherCoordinator: 200, workerC: 200 }, 200),
    },
    'POST /api/families/:familyId/service-roles/:serviceRoleId/accept': {
      method: 'POST',
      path: `/api/families/${familyId}/service-roles/${family?.invitedRoleId ?? NOWHERE}/accept`,
      body: { responsibleAccountId: NOWHERE, version: 999 },
      // In otherFamily the role is accepted already: 409 invitation_answered.
      expect: invitationScoped({ coordinator: 403, otherCoordinator: 409, workerC: 409 }, 409),
    },
    'POST /api/families/:familyId/service-roles/:serviceRoleId/decline': {
      method: 'POST',
      path: `/api/families/${familyId}/service-roles/${family?.invitedRoleId ?? NOWHERE}/decline`,
      body: { reason: 'Ei resursseja', version: 999 },
      expect: invitationScoped({ coordinator: 403, otherCoordinator: 409, workerC: 409 }, 409),
    },
    'PATCH /api/families/:familyId/service-roles/:serviceRoleId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/service-roles/${family?.serviceRoleId ?? NOWHERE}`,
      body: { description: 'Uusi kuvaus', version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerB: 409, workerC: 409 }),
    },
    // Who knows of a service in the plan is the family's (a guardian's) or the coordinator's to decide, never a service's.
    'PATCH /api/families/:familyId/service-roles/:serviceRoleId/visibility': {
      method: 'PATCH',
      path: `/api/families/${familyId}/service-roles/${family?.serviceRoleId ?? NOWHERE}/visibility`,
      body: { hiddenFromOtherServices: true, version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, guardian: 409, otherGuardian: 409 }),
    },
    'POST /api/families/:familyId/actions': {
      method: 'POST',
      path: `/api/families/${familyId}/actions`,
      body: { serviceRoleId: family?.serviceRoleId ?? NOWHERE, title: 'Matriisin tehtävä' },
      expect: familyScoped({ ...all(403), coordinator: 201, otherCoordinator: 201, workerB: 201, workerC: 201 }),
    },
    'GET /api/families/:familyId/notes': {
      method: 'GET',
      path: `/api/families/${familyId}/notes`,
      expect: familyScoped(all(200)),
    },
    'POST /api/families/:familyId/notes': {
      method: 'POST',
      path: `/api/families/${familyId}/notes`,
      body: { serviceRoleId: family?.serviceRoleId ?? NOWHERE, body: 'Matriisin kirjaus', visibility: 'professionals' },
      expect: familyScoped({ ...all(403), coordinator: 201, otherCoordinator: 201, workerB: 201, workerC: 201 }),
    },
    'PATCH /api/families/:familyId/notes/:noteId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/notes/${family?.noteId ?? NOWHERE}`,
      body: { body: 'Korjattu', version: 999 },
      // A coordinator's professionals-only note: hidden from the family and from services without consent for notes.
      expect: familyScoped({ coordinator: 409, otherCoordinator: 409 }),
    },
    'GET /api/families/:familyId/reviews': {
      method: 'GET',
      path: `/api/families/${familyId}/reviews`,
      expect: familyScoped(all(200)),
    },
    'POST /api/families/:familyId/reviews': {
      method: 'POST',
      path: `/api/families/${familyId}/reviews`,
      body: { scheduledOn: '2030-01-15' },
      expect: familyScoped({ ...all(403), coordinator: 201, otherCoordinator: 201 }),
    },
    'PATCH /api/families/:familyId/reviews/:reviewId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/reviews/${family?.reviewId ?? NOWHERE}`,
      body: { minutes: 'Muistio', version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'POST /api/families/:familyId/reviews/:reviewId/agenda': {
      method: 'POST',
      path: `/api/families/${familyId}/reviews/${family?.reviewId ?? NOWHERE}/agenda`,
      body: { title: 'Matriisin aihe' },
      expect: familyScoped(all(201)),
    },
    'POST /api/families/:familyId/reviews/:reviewId/complete': {
      method: 'POST',
      path: `/api/families/${familyId}/reviews/${family?.reviewId ?? NOWHERE}/complete`,
      body: { version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'GET /api/families/:familyId/plan/versions': {
      method: 'GET',
      path: `/api/families/${familyId}/plan/versions`,
      expect: familyScoped(all(200)),
    },
    'GET /api/families/:familyId/plan/versions/compare': {
      method: 'GET',
      path: `/api/families/${familyId}/plan/versions/compare?from=1&to=1`,
      expect: familyScoped(all(200)),
    },
    'GET /api/families/:familyId/plan/versions/:version': {
      method: 'GET',
      path: `/api/families/${familyId}/plan/versions/1`,
      expect: familyScoped(all(200)),
    },
    'POST /api/families': {
      method: 'POST',
      path: '/api/families',
      body: { name: 'Perhe Matriisi', members: [] },
      expect: signedIn({ coordinator: 201, otherCoordinator: 201 }),
    },
    'GET /api/families/:familyId': { method: 'GET', path: `/api/families/${familyId}`, expect: familyScoped(all(200)) },
    'PATCH /api/families/:familyId': {
      method: 'PATCH',
      path: `/api/families/${familyId}`,
      body: { status: 'closed', version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'POST /api/families/:familyId/members': {
      method: 'POST',
      path: `/api/families/${familyId}/members`,
      body: { name: 'Matriisin Lapsi', relation: 'child', birthYear: 2020 },
      expect: familyScoped({ ...all(403), coordinator: 201, otherCoordinator: 201 }),
    },
    'PATCH /api/families/:familyId/members/:memberId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/members/${caseFixturesOf(family?.id).memberId}`,
      body: { name: 'Korjattu', version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'GET /api/families/:familyId/handover': {
      method: 'GET',
      path: `/api/families/${familyId}/handover`,
      expect: handoverScoped({ coordinator: 200, otherCoordinator: 200 }, 200),
    },
    'GET /api/families/:familyId/handover/candidates': {
      method: 'GET',
      path: `/api/families/${familyId}/handover/candidates`,
      expect: familyScoped({ ...all(403), coordinator: 200, otherCoordinator: 200 }),
    },
    'POST /api/families/:familyId/handover': {
      method: 'POST',
      path: `/api/families/${familyId}/handover`,
      body: { toCoordinatorId: world.people.otherCoordinator.id, version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }),
    },
    'POST /api/families/:familyId/handover/accept': {
      method: 'POST',
      path: `/api/families/${familyId}/handover/accept`,
      body: { version: 999 },
      expect: handoverScoped(all(403), 409),
    },
    'POST /api/families/:familyId/handover/decline': {
      method: 'POST',
      path: `/api/families/${familyId}/handover/decline`,
      body: { version: 999 },
      expect: handoverScoped({ ...all(403), coordinator: 409, otherCoordinator: 409 }, 409),
    },
    // Service A has the family's consent for the story; services B and C have none, and to them the story does not exist.
    'GET /api/families/:familyId/story': {
      method: 'GET',
      path: `/api/families/${familyId}/story`,
      expect: familyScoped({ ...all(200), workerB: 404, workerC: 404 }),
    },
    'GET /api/families/:familyId/story/history': {
      method: 'GET',
      path: `/api/families/${familyId}/story/history`,
      expect: familyScoped({ ...all(200), workerB: 404, workerC: 404 }),
    },
    'PUT /api/families/:familyId/story': {
      method: 'PUT',
      path: `/api/families/${familyId}/story`,
      body: { background: '', situation: '', strengths: '', version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/story/comments': {
      method: 'POST',
      path: `/api/families/${familyId}/story/comments`,
      body: { kind: 'comment', body: 'Matriisin kommentti' },
      expect: familyScoped({ ...all(403), guardian: 201, youngMember: 201, otherGuardian: 201, workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/story/comments/:commentId/resolve': {
      method: 'POST',
      path: `/api/families/${familyId}/story/comments/${caseFixturesOf(family?.id).commentId}/resolve`,
      body: { version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerB: 404, workerC: 404 }),
    },
    // Goals reach service A with the family's consent, not B or C: to them the goal and its comments do not exist.
    'GET /api/families/:familyId/goals/:goalId/comments': {
      method: 'GET',
      path: `/api/families/${familyId}/goals/${family?.goalId ?? NOWHERE}/comments`,
      expect: familyScoped({ ...all(200), workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/goals/:goalId/comments': {
      method: 'POST',
      path: `/api/families/${familyId}/goals/${family?.goalId ?? NOWHERE}/comments`,
      body: { body: 'Matriisin kommentti' },
      expect: familyScoped({ ...all(201), workerB: 404, workerC: 404 }),
    },
    // Actions are in everyone's plan: everyone in it reads and comments on any action.
    'GET /api/families/:familyId/actions/:actionId/comments': {
      method: 'GET',
      path: `/api/families/${familyId}/actions/${family?.actionId ?? NOWHERE}/comments`,
      expect: familyScoped(all(200)),
    },
    'POST /api/families/:familyId/actions/:actionId/comments': {
      method: 'POST',
      path: `/api/families/${familyId}/actions/${family?.actionId ?? NOWHERE}/comments`,
      body: { body: 'Matriisin kommentti' },
      expect: familyScoped(all(201)),
    },
    // No service has the family's consent for the assessment.
    'GET /api/families/:familyId/assessments': {
      method: 'GET',
      path: `/api/families/${familyId}/assessments`,
      expect: familyScoped({ ...all(200), workerA: 404, workerB: 404, workerC: 404 }),
    },
    'POST /api/families/:familyId/assessments': {
      method: 'POST',
      path: `/api/families/${familyId}/assessments`,
      body: { assessedOn: '2025-02-01', ratings: [{ domain: 'safety', rating: 4 }] },
      expect: familyScoped({ ...all(403), coordinator: 201, otherCoordinator: 201, workerA: 404, workerB: 404, workerC: 404 }),
    },
    'PATCH /api/families/:familyId/assessments/:assessmentId/ratings/:domain': {
      method: 'PATCH',
      path: `/api/families/${familyId}/assessments/${caseFixturesOf(family?.id).assessmentId}/ratings/housing`,
      body: { rating: 2, version: 999 },
      expect: familyScoped({ ...all(403), coordinator: 409, otherCoordinator: 409, workerA: 404, workerB: 404, workerC: 404 }),
    },
    // No service has the family's consent for the measurements; only the family fills them in.
    'GET /api/families/:familyId/measurements': {
      method: 'GET',
      path: `/api/families/${familyId}/measurements`,
      expect: familyScoped({ ...all(200), workerA: 404, workerB: 404, workerC: 404 }),
    },
    // A day that has not come: a member reaches the date check (400) and nothing is kept.
    'POST /api/families/:familyId/measurements': {
      method: 'POST',
      path: `/api/families/${familyId}/measurements`,
      body: { takenOn: '2099-01-01', respondentVersion: 'adult', occasion: 'own', scores: [{ domain: 'safety', score: 4 }] },
      expect: familyScoped({ guardian: 400, youngMember: 400, otherGuardian: 400, coordinator: 403, otherCoordinator: 403 }),
    },
    // The guardian's own measurement of today: the guardian reaches the version check, another member may not correct it.
    'PATCH /api/families/:familyId/measurements/:measurementId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/measurements/${caseFixturesOf(family?.id).measurementId}`,
      body: { respondentVersion: 'adult', scores: [{ domain: 'safety', score: 2 }], comment: '', version: 999 },
      expect: familyScoped({
        guardian: 409,
        otherGuardian: 409,
        youngMember: 403,
        coordinator: 403,
        otherCoordinator: 403,
      }),
    },
    'GET /api/workspace': {
      method: 'GET',
      path: '/api/workspace',
      expect: signedIn({ coordinator: 200, otherCoordinator: 200, workerA: 200, workerB: 200, workerC: 200 }),
    },
    'GET /api/workspace/actions': {
      method: 'GET',
      path: '/api/workspace/actions',
      expect: signedIn({ coordinator: 200, otherCoordinator: 200, workerA: 200, workerB: 200, workerC: 200 }),
    },
    'GET /api/services': { method: 'GET', path: '/api/services', expect: signedIn(professionals(200)) },
    'POST /api/services': {
      method: 'POST',
      path: '/api/services',
      body: {
        name: { fi: 'Matriisipalvelu', sv: 'Matristjänst', en: 'Matrix service' },
        category: 'social',
        organisationId: world.services.serviceA.organisationId,
        unit: 'hour',
        unitCostCents: 100,
      },
      expect: signedIn({ admin: 201 }),
    },
    'PATCH /api/services/:serviceId': {
      method: 'PATCH',
      path: `/api/services/${world.services.serviceA.id}`,
      body: { description: 'Matriisin kuvaus' },
      expect: signedIn({ admin: 200 }),
    },
    'GET /api/families/:familyId/service-usage': {
      method: 'GET',
      path: `/api/families/${familyId}/service-usage`,
      expect: familyScoped({ ...all(403), coordinator: 200, otherCoordinator: 200, workerA: 200, workerB: 200, workerC: 200 }),
    },
    // A day that has not come: an allowed caller reaches the date check (400) and nothing is stored.
    'POST /api/families/:familyId/service-usage': {
      method: 'POST',
      path: `/api/families/${familyId}/service-usage`,
      body: { serviceRoleId: family?.serviceRoleId ?? NOWHERE, period: 'day', usedOn: '2099-01-01', units: 1 },
      expect: familyScoped({ ...all(403), coordinator: 400, otherCoordinator: 400, workerB: 400, workerC: 400 }),
    },
    // An entry on B's (C's) role: to the family and to other services it does not exist.
    'PATCH /api/families/:familyId/service-usage/:usageId': {
      method: 'PATCH',
      path: `/api/families/${familyId}/service-usage/${family?.usageId ?? NOWHERE}`,
      body: { units: 2, version: 999 },
      expect: familyScoped({ coordinator: 409, otherCoordinator: 409, workerB: 409, workerC: 409 }),
    },
    'GET /api/families/:familyId/service-usage/costs': {
      method: 'GET',
      path: `/api/families/${familyId}/service-usage/costs`,
      expect: familyScoped({ ...all(403), coordinator: 200, otherCoordinator: 200, workerA: 200, workerB: 200, workerC: 200 }),
    },
    'GET /api/families/:familyId/service-usage/summary': {
      method: 'GET',
      path: `/api/families/${familyId}/service-usage/summary`,
      expect: familyScoped({ ...all(403), guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    // A row for a month that has not begun: any worker may send a file, and it stores nothing (the line is at fault).
    'POST /api/service-usage/csv/preview': {
      method: 'POST',
      path: '/api/service-usage/csv/preview',
      contentType: 'text/csv',
      body: `family,service,month,units\n${familyId},${world.services.serviceB.id},2099-01,1\n`,
      expect: signedIn({ workerA: 200, workerB: 200, workerC: 200 }),
    },
    'POST /api/service-usage/csv': {
      method: 'POST',
      path: '/api/service-usage/csv',
      contentType: 'text/csv',
      body: `family,service,month,units\n${familyId},${world.services.serviceB.id},2099-01,1\n`,
      expect: signedIn({ workerA: 200, workerB: 200, workerC: 200 }),
    },
    'GET /api/reference-costs': { method: 'GET', path: '/api/reference-costs', expect: signedIn(professionals(200)) },
    // The figure it has already: a new period the same as the one before.
    'POST /api/reference-costs/:kind/periods': {
      method: 'POST',
      path: '/api/reference-costs/prison/periods',
      body: { yearlyCostCents: 7_800_000, validFrom: '2000-01-01' },
      expect: signedIn({ manager: 201, admin: 201 }),
    },
    'GET /api/families/:familyId/consents': {
      method: 'GET',
      path: `/api/families/${familyId}/consents`,
      expect: familyScoped({ coordinator: 200, otherCoordinator: 200, guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'POST /api/families/:familyId/consents': {
      method: 'POST',
      path: `/api/families/${familyId}/consents`,
      body: { serviceId: family?.serviceId ?? NOWHERE, part: 'measurements', granted: false },
      expect: familyScoped({ guardian: 200, otherGuardian: 200 }),
    },
    'GET /api/families/:familyId/access-log': {
      method: 'GET',
      path: `/api/families/${familyId}/access-log`,
      expect: familyScoped({ coordinator: 200, otherCoordinator: 200, guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    // What changed, as far as each may see it: everyone in the plan reads it, nobody outside.
    'GET /api/families/:familyId/activity': {
      method: 'GET',
      path: `/api/families/${familyId}/activity`,
      expect: familyScoped(all(200)),
    },
    // The family's experience: services never see it; the coordinator only reads it. The request is
    // answered already (409 to the family), and only its guardian, who answered, changes the permission.
    'GET /api/families/:familyId/feedback': {
      method: 'GET',
      path: `/api/families/${familyId}/feedback`,
      expect: familyScoped({ coordinator: 200, otherCoordinator: 200, guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'POST /api/families/:familyId/feedback/:requestId/answer': {
      method: 'POST',
      path: `/api/families/${familyId}/feedback/${family?.feedbackRequestId ?? NOWHERE}/answer`,
      body: { wouldRecommend: 10 },
      expect: familyScoped({ coordinator: 403, otherCoordinator: 403, guardian: 409, youngMember: 409, otherGuardian: 409 }),
    },
    'PATCH /api/families/:familyId/feedback/:requestId/answer': {
      method: 'PATCH',
      path: `/api/families/${familyId}/feedback/${family?.feedbackRequestId ?? NOWHERE}/answer`,
      body: { coordinatorMaySee: true, version: 999 },
      expect: familyScoped({ coordinator: 403, otherCoordinator: 403, guardian: 409, youngMember: 403, otherGuardian: 409 }),
    },
    // Being told when the coordinator is looking is each family member's own choice; professionals have none.
    'GET /api/families/:familyId/presence-preference': {
      method: 'GET',
      path: `/api/families/${familyId}/presence-preference`,
      expect: familyScoped({ ...all(403), guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'PUT /api/families/:familyId/presence-preference': {
      method: 'PUT',
      path: `/api/families/${familyId}/presence-preference`,
      body: { seesCoordinatorPresence: false },
      expect: familyScoped({ ...all(403), guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'GET /api/audit/export': {
      method: 'GET',
      path: `/api/audit/export?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      expect: signedIn({ admin: 200 }),
    },
    'GET /api/admin/accounts': { method: 'GET', path: '/api/admin/accounts', expect: signedIn({ admin: 200 }) },
    'GET /api/organisations': { method: 'GET', path: '/api/organisations', expect: signedIn({ admin: 200 }) },
    'POST /api/admin/accounts/:accountId/disable': {
      method: 'POST',
      path: `/api/admin/accounts/${disposableAccountId}/disable`,
      expect: signedIn({ admin: 204 }),
    },
    // Aggregates across families, never a family: managers only. An empty CSV body reaches validation (400) and stores nothing.
    'GET /api/insights/costs': { method: 'GET', path: '/api/insights/costs', expect: signedIn({ manager: 200 }) },
    'GET /api/insights/change': { method: 'GET', path: '/api/insights/change', expect: signedIn({ manager: 200 }) },
    'GET /api/insights/caseloads': { method: 'GET', path: '/api/insights/caseloads', expect: signedIn({ manager: 200 }) },
    'GET /api/insights/forecast': { method: 'GET', path: '/api/insights/forecast', expect: signedIn({ manager: 200 }) },
    'GET /api/insights/outcomes': { method: 'GET', path: '/api/insights/outcomes', expect: signedIn({ manager: 200 }) },
    'GET /api/insights/outcomes/services': {
      method: 'GET',
      path: '/api/insights/outcomes/services',
      expect: signedIn({ manager: 200 }),
    },
    'GET /api/insights/caseloads/coordinators': {
      method: 'GET',
      path: '/api/insights/caseloads/coordinators',
      expect: signedIn({ manager: 200 }),
    },
    'GET /api/insights/costs/by-service-month': {
      method: 'GET',
      path: '/api/insights/costs/by-service-month',
      expect: signedIn({ manager: 200 }),
    },
    'GET /api/insights/costs/by-organisation-month': {
      method: 'GET',
      path: '/api/insights/costs/by-organisation-month',
      expect: signedIn({ manager: 200 }),
    },
    'GET /api/insights/costs/by-service-year': {
      method: 'GET',
      path: '/api/insights/costs/by-service-year',
      expect: signedIn({ manager: 200 }),
    },
    'GET /api/insights/forecast/services': {
      method: 'GET',
      path: '/api/insights/forecast/services',
      expect: signedIn({ manager: 200 }),
    },
    'GET /api/insights/historical-costs': {
      method: 'GET',
      path: '/api/insights/historical-costs',
      expect: signedIn({ manager: 200 }),
    },
    'POST /api/insights/historical-costs/import/preview': {
      method: 'POST',
      path: '/api/insights/historical-costs/import/preview',
      expect: signedIn({ manager: 400, admin: 400 }),
    },
    'POST /api/insights/historical-costs/import': {
      method: 'POST',
      path: '/api/insights/historical-costs/import',
      expect: signedIn({ manager: 400, admin: 400 }),
    },
    // Each reader's own notifications (no route names another account); managers and administrators are in no family.
    'GET /api/notifications': { method: 'GET', path: '/api/notifications', expect: signedIn(all(200)) },
    'GET /api/notifications/unread-count': {
      method: 'GET',
      path: '/api/notifications/unread-count',
      expect: signedIn(all(200)),
    },
    'POST /api/notifications/read-all': { method: 'POST', path: '/api/notifications/read-all', expect: signedIn(all(204)) },
    'POST /api/notifications/:notificationId/read': {
      method: 'POST',
      path: `/api/notifications/${NOWHERE}/read`,
      expect: signedIn(all(404)),
    },
    'GET /api/notifications/preferences': {
      method: 'GET',
      path: '/api/notifications/preferences',
      expect: signedIn(all(200)),
    },
    'PUT /api/notifications/preferences': {
      method: 'PUT',
      path: '/api/notifications/preferences',
      body: { preferences: [{ kind: 'commentAdded', inApp: true, emailDigest: false }] },
      expect: signedIn(all(200)),
    },
    // Programmes are the organisation's (managers write, coordinators read); enrolments are between the
    // family and its coordinator. Writes stop at validation (400) or the version check (409).
    'GET /api/programs': { method: 'GET', path: '/api/programs', expect: signedIn(programReaders(200)) },
    'POST /api/programs': { method: 'POST', path: '/api/programs', body: {}, expect: signedIn({ manager: 400 }) },
    'GET /api/programs/:programId': {
      method: 'GET',
      path: `/api/programs/${programFixture.programId}`,
      expect: signedIn(programReaders(200)),
    },
    'PATCH /api/programs/:programId': {
      method: 'PATCH',
      path: `/api/programs/${programFixture.programId}`,
      body: {
        name: 'Matriisi',
        provider: 'Rahasto',
        targetGroup: { description: '', childAgeMin: 0, childAgeMax: 17 },
        startsOn: '2024-01-01',
        endsOn: '2031-12-31',
        version: 999,
      },
      expect: signedIn({ manager: 409 }),
    },
    'GET /api/programs/:programId/report': {
      method: 'GET',
      path: `/api/programs/${programFixture.programId}/report?from=2025-01-01&to=2025-12-31`,
      expect: signedIn(programReaders(200)),
    },
    'GET /api/programs/:programId/report/rows': {
      method: 'GET',
      path: `/api/programs/${programFixture.programId}/report/rows?from=2025-01-01&to=2025-12-31`,
      expect: signedIn(programReaders(200)),
    },
    'GET /api/families/:familyId/program-enrolments': {
      method: 'GET',
      path: `/api/families/${familyId}/program-enrolments`,
      expect: familyScoped({ coordinator: 200, otherCoordinator: 200, guardian: 200, youngMember: 200, otherGuardian: 200 }),
    },
    'POST /api/families/:familyId/program-enrolments': {
      method: 'POST',
      path: `/api/families/${familyId}/program-enrolments`,
      body: {
        programId: programFixture.programId,
        payerId: NOWHERE,
        enrolledOn: '2025-01-01',
        consentGivenBy: NOWHERE,
        consentGivenOn: '2025-01-01',
      },
      expect: familyScoped({ coordinator: 400, otherCoordinator: 400, guardian: 403, youngMember: 403, otherGuardian: 403 }),
    },
    'POST /api/families/:familyId/program-enrolments/:enrolmentId/end': {
      method: 'POST',
      path: `/api/families/${familyId}/program-enrolments/${enrolmentOf(family?.id)}/end`,
      body: { version: 999, endedOn: '2025-02-01', reason: 'left' },
      expect: familyScoped({ coordinator: 409, otherCoordinator: 409, guardian: 403, youngMember: 403, otherGuardian: 403 }),
    },
    'POST /api/families/:familyId/program-enrolments/:enrolmentId/withdraw-consent': {
      method: 'POST',
      path: `/api/families/${familyId}/program-enrolments/${enrolmentOf(family?.id)}/withdraw-consent`,
      body: { version: 999 },
      expect: familyScoped({ coordinator: 409, otherCoordinator: 409, guardian: 409, youngMember: 403, otherGuardian: 409 }),
    },
    'POST /api/admin/accounts/:accountId/unlock': {
      method: 'POST',
      path: `/api/admin/accounts/${disposableAccountId}/unlock`,
      expect: signedIn({ admin: 204 }),
    },
    'POST /api/admin/accounts/:accountId/enable': {
      method: 'POST',
      path: `/api/admin/accounts/${disposableAccountId}/enable`,
      expect: signedIn({ admin: 204 }),
    },
    // A new address per cell: an administrator's second try with the same one would be a 409.
    'POST /api/admin/accounts': {
      method: 'POST',
      path: '/api/admin/accounts',
      body: {
        name: 'Matriisi',
        email: `matrix-${persona}-${target}@test.example`,
        role: 'manager',
        organisationId: null,
        serviceIds: [],
      },
      expect: signedIn({ admin: 201 }),
    },
    'PATCH /api/admin/accounts/:accountId': {
      method: 'PATCH',
      path: `/api/admin/accounts/${disposableAccountId}`,
      body: { role: 'worker', serviceIds: [world.services.serviceA.id, world.services.serviceB.id] },
      expect: signedIn({ admin: 200 }),
    },
    'POST /api/services/:serviceId/retire': {
      method: 'POST',
      path: `/api/services/${disposableServiceId}/retire`,
      expect: signedIn({ admin: 200 }),
    },
    'POST /api/services/:serviceId/restore': {
      method: 'POST',
      path: `/api/services/${disposableServiceId}/restore`,
      expect: signedIn({ admin: 200 }),
    },
  };
}
let disposableAccountId = NOWHERE;
/** A service no cell but retiring and restoring uses. */
let disposableServiceId = NOWHERE;
/** A programme of the world's municipality, and per family an enrolment in it, made in `beforeAll`. */
const programFixture = { programId: NOWHERE, enrolments: { family: NOWHERE, otherFamily: NOWHERE } };
const enrolmentOf = (familyId: string | undefined) =>
  familyId === undefined ? NOWHERE : programFixture.enrolments[familyId === world.family.id ? 'family' : 'otherFamily'];
const programReaders = (status: number): Partial<Record<Persona, number>> => ({
  manager: status,
  coordinator: status,
  otherCoordinator: status,
});
/** Per family: a member, a family comment on the story, an assessment and the guardian's measurement, made in `beforeAll`. */
const noCaseFixtures = { memberId: NOWHERE, commentId: NOWHERE, assessmentId: NOWHERE, measurementId: NOWHERE };
const caseFixtures = { family: noCaseFixtures, otherFamily: noCaseFixtures };
const caseFixturesOf = (familyId: string | undefined) =>
  familyId === undefined ? noCaseFixtures : caseFixtures[familyId === world.family.id ? 'family' : 'otherFamily'];
/** `family` has a handover pending to otherCoordinator: to them it is the other family, where they reach only the handover. */
const handoverScoped =
  (allowed: Partial<Record<Persona, number>>, handoverTarget: number) => (persona: Persona, target: Target) =>
    persona === 'otherCoordinator' && target === 'other' ? handoverTarget : familyScoped(allowed)(persona, target);
/** Per family, a member without a login: the coordinator's invitation target. */
const inviteeMembers = { family: NOWHERE, otherFamily: NOWHERE };

async function signIn(persona: Persona): Promise<string | null> {
  if (persona === 'anonymous') return null;
  return fetchSessionCookie(baseUrl, database.db, world.people[persona]);
}

async function send(cell: Cell, cookie: string | null): Promise<number> {
  const response = await fetch(baseUrl + cell.path, {
    method: cell.method,
    headers: { ...(cookie ? { cookie } : {}), ...(cell.body ? { 'content-type': cell.contentType ?? 'application/json' } : {}) },
    body: cell.body ? (cell.contentType ? String(cell.body) : JSON.stringify(cell.body)) : undefined,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Joins the family's rooms, then asks who is looking there. */
async function joinAs(cookie: string, familyId: string): Promise<{ ack: JoinFamilyAck; presence: Presence | null }> {
  const socket = connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = await new Promise<JoinFamilyAck>((resolve) => socket.emit(socketEvents.joinFamily, { familyId }, resolve));
    const presence = await new Promise<Presence | null>((resolve) =>
      socket.emit(socketEvents.presenceRequest, { familyId }, resolve),
    );
    return { ack, presence };
  } finally {
    socket.disconnect();
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  disposableAccountId = (await buildAccount(database.db, { role: 'worker' })).id;
  disposableServiceId = (await buildService(database.db, world.services.serviceA.organisationId, 'Matriisin palvelu')).id;
  for (const [key, family, coordinator, guardian] of [
    ['family', world.family, world.people.coordinator, world.people.guardian],
    ['otherFamily', world.otherFamily, world.people.otherCoordinator, world.people.otherGuardian],
  ] as const) {
    const member = await buildMember(database.db, family.id, { name: 'Matriisin Jäsen' });
    const comment = await insertStoryComment(family.id, { kind: 'comment', body: 'Kommentti' }, guardian.id, database.db);
    const assessment = await insertAssessment(
      family.id,
      { assessedOn: '2025-01-01', ratings: [{ domain: 'housing', rating: 3, notes: '' }], createdBy: coordinator.id },
      database.db,
    );
    const [guardianMember] = await database.db
      .select({ id: familyMembers.id })
      .from(familyMembers)
      .where(eq(familyMembers.accountId, guardian.id));
    const measurement = await insertMeasurement(
      family.id,
      {
        takenOn: '2025-01-01',
        respondentVersion: 'adult',
        occasion: 'start',
        scores: [{ domain: 'safety', score: 3 }],
        comment: '',
        memberId: guardianMember!.id,
        recordedBy: guardian.id,
      },
      database.db,
    );
    caseFixtures[key] = {
      memberId: member.id,
      commentId: comment.id,
      assessmentId: assessment.id,
      measurementId: measurement.id,
    };
  }
  await updateFamilyAt(
    world.family.id,
    world.family.version,
    { handoverToId: world.people.otherCoordinator.id, handoverRequestedAt: new Date() },
    database.db,
  );
  for (const key of ['family', 'otherFamily'] as const)
    inviteeMembers[key] = (await buildMember(database.db, world[key].id, { name: 'Kutsuttava Jäsen' })).id;
  for (const [key, family, coordinator, guardian] of [
    ['family', world.family, world.people.coordinator, world.people.guardian],
    ['otherFamily', world.otherFamily, world.people.otherCoordinator, world.people.otherGuardian],
  ] as const) {
    const goalId = key === 'family' ? world.goal.id : (await buildGoal(database.db, family.id)).id;
    const note = await insertNote(
      family.id,
      { serviceRoleId: null, authorId: coordinator.id, body: 'Koordinaattorin kirjaus', visibility: 'professionals' },
      database.db,
    );
    const review = await insertReview(family.id, { scheduledOn: '2030-01-01', participants: [] }, database.db);
    const usage = await insertUsage(
      family.id,
      {
        serviceRoleId: key === 'family' ? world.roles.roleB.id : world.otherRole.id,
        serviceId: key === 'family' ? world.services.serviceB.id : world.services.serviceC.id,
        period: 'day',
        usedOn: '2025-01-15',
        units: 1,
        note: '',
        source: 'form',
        recordedBy: coordinator.id,
      },
      database.db,
    );
    const frozen = await insertReview(family.id, { scheduledOn: '2024-01-01', participants: [] }, database.db);
    const parts = await findPlanParts(family.id, { withGoals: true }, database.db);
    await freezePlanVersion(family.id, frozen.id, presentPlan(parts!, new Set(planParts)), database.db);
    const feedback = await insertFeedbackRequest(family.id, { occasion: 'review', reviewId: frozen.id }, database.db);
    await answerFeedbackRequest(
      family.id,
      feedback!.id,
      { workedTogether: 7, noRetelling: null, wouldRecommend: null, words: '', coordinatorMaySee: false },
      guardian.id,
      database.db,
    );
    fixtures[key] = { goalId, noteId: note.id, reviewId: review.id, usageId: usage.id, feedbackRequestId: feedback!.id };
  }
  const [program] = await database.db
    .insert(programs)
    .values({
      organisationId: world.services.serviceA.organisationId,
      name: 'Matriisin ohjelma',
      provider: 'Rahasto',
      targetGroup: { description: '', childAgeMin: 0, childAgeMax: 17 },
      startsOn: '2024-01-01',
      endsOn: '2031-12-31',
      createdBy: world.people.manager.id,
    })
    .returning();
  const [payer] = await database.db
    .insert(programPayers)
    .values({ programId: program!.id, name: 'Kunta', position: 0 })
    .returning();
  programFixture.programId = program!.id;
  for (const [key, family, coordinator, guardian] of [
    ['family', world.family, world.people.coordinator, world.people.guardian],
    ['otherFamily', world.otherFamily, world.people.otherCoordinator, world.people.otherGuardian],
  ] as const) {
    const [guardianMember] = await database.db.select().from(familyMembers).where(eq(familyMembers.accountId, guardian.id));
    const [enrolment] = await database.db
      .insert(programEnrolments)
      .values({
        programId: program!.id,
        familyId: family.id,
        payerId: payer!.id,
        pseudonym: `R-MATRIX0${key === 'family' ? 1 : 2}`,
        enrolledOn: '2025-01-01',
        consentGivenBy: guardianMember!.id,
        consentGivenOn: '2025-01-01',
        recordedBy: coordinator.id,
      })
      .returning();
    programFixture.enrolments[key] = enrolment!.id;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    WEB_DIST: '/nonexistent',
    DEMO: '1',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  server = await startServer(config, pino({ level: 'silent' }), database);
  baseUrl = `http://127.0.0.1:${server.port}`;
  for (const persona of personas) cookies.set(persona, await signIn(persona));
});
afterAll(() => server.stop());

async function lastAuditId(): Promise<number> {
  const [row] = await database.db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}

/**
 * Audit completeness: a family-scoped request by a signed-in person that was served (2xx) or
 * refused (403/404) leaves at least one row by that person with the matching outcome.
 */
async function missingAudit(name: string, persona: Persona, status: number, after: number): Promise<string | null> {
  if (persona === 'anonymous' || !name.includes(':familyId')) return null;
  const outcome = status >= 200 && status < 300 ? 'allowed' : status === 403 || status === 404 ? 'denied' : null;
  if (!outcome) return null;
  const rows = await database.db
    .select({ outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(and(gt(auditEvents.id, after), eq(auditEvents.actorId, world.people[persona].id)));
  return rows.some((row) => row.outcome === outcome) ? null : `status ${status} left no '${outcome}' audit row`;
}

it('when every person tries every route and socket event on every family, then there are 0 unexpected allows and 0 unexpected denies', async () => {
  const declared = apiRoutes(loadConfig({ NODE_ENV: 'test', DEMO: '1' })).map(
    (route) => `${route.method.toUpperCase()} /api${route.path}`,
  );
  // A route may have several cells, one per variant: 'POST /api/invitations (worker)'.
  const covered = [
    ...new Set([
      ...Object.keys(cellsFor('coordinator', 'own')).map((name) => name.replace(/ \(.+\)$/, '')),
      'GET /api/demo/accounts',
    ]),
  ];
  expect(covered.sort()).toEqual([...declared].sort());

  const mismatches: string[] = [];
  const auditGaps: string[] = [];
  let cells = 0;
  for (const persona of personas) {
    for (const target of targets) {
      for (const [name, cell] of Object.entries(cellsFor(persona, target))) {
        // Signing out ends the session: those cells get a session of their own.
        const cookie = name.includes('logout') ? await signIn(persona) : cookies.get(persona)!;
        const auditedBefore = await lastAuditId();
        const status = await send(cell, cookie);
        const auditGap = await missingAudit(name, persona, status, auditedBefore);
        if (auditGap) auditGaps.push(`${name} as ${persona} on ${target} family: ${auditGap}`);
        if (name.endsWith('logout-everywhere')) cookies.set(persona, await signIn(persona));
        const expected = cell.expect(persona, target);
        cells += 1;
        if (status !== expected)
          mismatches.push(`${name} as ${persona} on ${target} family: got ${status}, expected ${expected}`);
      }
      if (persona !== 'anonymous') {
        const familyId = familyFor(persona, target)?.id ?? NOWHERE;
        const { ack, presence } = await joinAs(cookies.get(persona)!, familyId);
        const expected = isMember(persona, target) ? 'ok' : 'not_found';
        cells += 1;
        if ((ack.ok ? 'ok' : ack.code) !== expected)
          mismatches.push(`family:join as ${persona} on ${target} family: got ${JSON.stringify(ack)}`);
        // Who is looking: told only inside the family, and to the family only as the family.
        const audience = !isMember(persona, target) ? null : world.people[persona].role === 'family' ? 'family' : 'professional';
        cells += 1;
        if ((presence?.audience ?? null) !== audience)
          mismatches.push(`presence:request as ${persona} on ${target} family: got ${JSON.stringify(presence)}`);
      }
    }
  }
  const demo = await send({ method: 'GET', path: '/api/demo/accounts', expect: everyone(200) }, null);
  cells += 1;
  if (demo !== 200) mismatches.push(`GET /api/demo/accounts: ${demo}`);

  process.stdout.write(`authorization matrix: ${cells} cells, ${mismatches.length} mismatches, ${auditGaps.length} unaudited\n`);
  expect(mismatches).toEqual([]);
  expect(auditGaps).toEqual([]);
});

/** A socket of the persona in the family's rooms, and the events it hears. */
async function listenAs(persona: Persona, familyId: string) {
  const socket = connect(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: cookies.get(persona)! },
    reconnection: false,
  });
  const heard: FamilyEvent[] = [];
  socket.on(socketEvents.familyEvent, (event: FamilyEvent) => heard.push(event));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const ack = await new Promise<JoinFamilyAck>((resolve) => socket.emit(socketEvents.joinFamily, { familyId }, resolve));
  expect(ack).toMatchObject({ ok: true });
  return { heard, close: () => socket.disconnect() };
}

async function readAs<T>(persona: Persona, path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(baseUrl + path, { headers: { cookie: cookies.get(persona)! } });
  expect([path, response.status]).toEqual([path, 200]);
  return schema.parse(await response.json());
}

describe('when the family keeps service B’s role from the other services', () => {
  const knowers: Persona[] = ['coordinator', 'workerB', 'guardian', 'youngMember'];
  let roleB: string;
  let actionB: string;
  let noteOnB: string;

  beforeAll(async () => {
    roleB = world.roles.roleB.id;
    actionB = world.actions.actionB.id;
    // Service A may read notes: only the hiding keeps B's notes from it.
    await buildConsent(database.db, world.family.id, world.services.serviceA.id, 'notes', true, world.people.guardian.id);
    noteOnB = (
      await insertNote(
        world.family.id,
        { serviceRoleId: roleB, authorId: world.people.workerB.id, body: 'B:n kirjaus', visibility: 'family' },
        database.db,
      )
    ).id;
    const hidden = await fetch(`${baseUrl}/api/families/${world.family.id}/service-roles/${roleB}/visibility`, {
      method: 'PATCH',
      headers: { cookie: cookies.get('guardian')!, 'content-type': 'application/json' },
      body: JSON.stringify({ hiddenFromOtherServices: true, version: world.roles.roleB.version }),
    });
    expect(hidden.status).toBe(200);
  });

  it('then a worker of another service finds no trace of it on any read route, while the coordinator, the family and B still do', async () => {
    const familyPath = `/api/families/${world.family.id}`;
    for (const persona of [...knowers, 'workerA'] as const) {
      const knows = persona !== 'workerA';
      const plan = await readAs(persona, `${familyPath}/plan`, planSchema);
      const roles = plan.serviceRoles.map((role) => role.id);
      const actions = plan.serviceRoles.flatMap((role) => role.actions.map((action) => action.id));
      expect([persona, roles.includes(roleB), actions.includes(actionB)]).toEqual([persona, knows, knows]);
      const version = await readAs(persona, `${familyPath}/plan/versions/1`, planVersionSchema);
      expect([persona, version.plan.serviceRoles.some((role) => role.id === roleB)]).toEqual([persona, knows]);
      const notes = await readAs(persona, `${familyPath}/notes`, noteListSchema);
      expect([persona, notes.notes.some((note) => note.id === noteOnB)]).toEqual([persona, knows]);
    }
    const listed = async (persona: Persona) =>
      (await readAs(persona, '/api/families', familyListSchema)).families.find((family) => family.id === world.family.id)!;
    expect((await listed('workerA')).serviceCount).toBe((await listed('coordinator')).serviceCount - 1);
    // Asked of the role by its id, it is not there: 404, never 403.
    for (const [method, path, body] of [
      ['PATCH', `${familyPath}/actions/${actionB}`, { status: 'done', version: 999 }],
      ['PATCH', `${familyPath}/service-roles/${roleB}`, { description: 'x', version: 999 }],
      ['GET', `${familyPath}/service-roles/${roleB}/workers`, undefined],
      ['GET', `${familyPath}/service-roles/${roleB}/invitation`, undefined],
      ['PATCH', `${familyPath}/notes/${noteOnB}`, { body: 'x', version: 999 }],
      ['POST', `${familyPath}/notes`, { serviceRoleId: roleB, body: 'x', visibility: 'professionals' }],
      ['PATCH', `${familyPath}/service-usage/${fixtures.family.usageId}`, { units: 2, version: 999 }],
    ] as const)
      expect([method, path, await send({ method, path, body, expect: everyone(404) }, cookies.get('workerA')!)]).toEqual([
        method,
        path,
        404,
      ]);
    // Nor may a service (its own or another) decide who knows of it.
    for (const persona of ['workerA', 'workerB'] as const)
      expect(
        await send(
          {
            method: 'PATCH',
            path: `${familyPath}/service-roles/${roleB}/visibility`,
            body: { hiddenFromOtherServices: false, version: 999 },
            expect: everyone(0),
          },
          cookies.get(persona)!,
        ),
      ).toBe(persona === 'workerA' ? 404 : 403);
  });

  it('then its events reach the coordinator, the family and B only; showing it again reaches everyone and brings it back', async () => {
    const listeners = Object.fromEntries(
      await Promise.all(
        [...knowers, 'workerA'].map(async (persona) => [persona, await listenAs(persona as Persona, world.family.id)]),
      ),
    ) as Record<string, Awaited<ReturnType<typeof listenAs>>>;
    try {
      const [action] = await database.db.select().from(actions).where(eq(actions.id, actionB));
      const changed = await fetch(`${baseUrl}/api/families/${world.family.id}/actions/${actionB}`, {
        method: 'PATCH',
        headers: { cookie: cookies.get('coordinator')!, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Piilotettu tapaaminen', version: action!.version }),
      });
      expect(changed.status).toBe(200);
      const [role] = await database.db.select().from(serviceRoles).where(eq(serviceRoles.id, roleB));
      const shown = await fetch(`${baseUrl}/api/families/${world.family.id}/service-roles/${roleB}/visibility`, {
        method: 'PATCH',
        headers: { cookie: cookies.get('coordinator')!, 'content-type': 'application/json' },
        body: JSON.stringify({ hiddenFromOtherServices: false, version: role!.version }),
      });
      expect(shown.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const persona of knowers)
        expect([persona, listeners[persona]!.heard.map((event) => event.type)]).toEqual([
          persona,
          ['action.updated', 'serviceRole.updated'],
        ]);
      expect(listeners.workerA!.heard.map((event) => [event.type, event.id])).toEqual([['serviceRole.updated', roleB]]);
      const plan = await readAs('workerA', `/api/families/${world.family.id}/plan`, planSchema);
      expect(plan.serviceRoles.some((entry) => entry.id === roleB)).toBe(true);
    } finally {
      for (const listener of Object.values(listeners)) listener.close();
    }
  });
});
