import { http, HttpResponse } from 'msw';
import { problem } from './msw-server';
import {
  buildFamilyDetail,
  buildFamilyList,
  buildFamilySummary,
  buildMeasurementList,
  buildStory,
  familyId as defaultFamilyId,
} from './fixtures';

/** The parts of the plan screen besides the plan itself, answered quietly so a test can focus on one. */
export function planPartHandlers(familyId = defaultFamilyId) {
  const base = `/api/families/${familyId}`;
  return [
    // A family member's families: this one only.
    http.get('/api/families', () => HttpResponse.json(buildFamilyList([buildFamilySummary({ id: familyId, attention: null })]))),
    http.get(base, () => HttpResponse.json(buildFamilyDetail({ id: familyId }))),
    http.get(`${base}/story`, () => HttpResponse.json(buildStory({ familyId }))),
    http.get(`${base}/notes`, () => HttpResponse.json({ notes: [], nextBefore: null })),
    http.get(`${base}/reviews`, () => HttpResponse.json({ reviews: [] })),
    http.get(`${base}/plan/versions`, () => HttpResponse.json({ versions: [] })),
    http.get(`${base}/assessments`, () => HttpResponse.json({ assessments: [] })),
    http.get(`${base}/measurements`, () => HttpResponse.json(buildMeasurementList())),
    http.get(`${base}/feedback`, () => HttpResponse.json({ requests: [] })),
    http.get(`${base}/presence-preference`, () => HttpResponse.json({ seesCoordinatorPresence: false })),
    // Comments on goals and actions: none, and none to add, so they take no room on the screen.
    http.get(`${base}/goals/:goalId/comments`, () => HttpResponse.json({ comments: [], can: { comment: false } })),
    http.get(`${base}/actions/:actionId/comments`, () => HttpResponse.json({ comments: [], can: { comment: false } })),
    // No service has declined an invitation to the plan.
    http.get(`${base}/service-roles/declined`, () => HttpResponse.json({ declinedInvitations: [] })),
    http.get(`${base}/program-enrolments`, () => HttpResponse.json({ enrolments: [], open: [], can: { enrol: false } })),
    // No handover is waiting for the caller: to anyone but the coordinator it is not there.
    http.get(`${base}/handover`, () => problem(404, 'not_found')),
  ];
}
