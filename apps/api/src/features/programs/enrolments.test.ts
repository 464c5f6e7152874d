import { programEnrolmentListSchema, programEnrolmentSchema, programSchema, type Program } from '@yhdessa/shared';
import { and, eq, gt, max } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { familyMembers } from '../../db/tables/families';
import { programEnrolments } from '../../db/tables/programs';
import { helsinkiToday } from '../../test/dates';
import { buildAccount, buildOrganisation, buildService } from '../../test/factories';
import { programBody, setBirthYear } from '../../test/programs';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(90_000);

let testApp: TestApp;
let world: World;
let program: Program;
let otherProgram: Program;
let foreignProgram: Program;
let placementId: string;
const members = { guardian: '', child: '', young: '', otherGuardian: '' };
const agents = new Map<string, Awaited<ReturnType<typeof signInAs>>>();

async function agentOf(person: PersonKey | 'foreignManager') {
  const account = person === 'foreignManager' ? foreignManager : world.people[person];
  if (!agents.has(person)) agents.set(person, await signInAs(testApp.app, account));
  return agents.get(person)!;
}
let foreignManager: Awaited<ReturnType<typeof buildAccount>>;

const url = (familyId = world.family.id) => `/api/families/${familyId}/program-enrolments`;
const today = helsinkiToday();

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  world = await buildWorld(db);
  const placement = await buildService(db, world.services.serviceA.organisationId, 'Sijaishuolto');
  placementId = placement.id;
  const memberId = async (familyId: string, name: string) =>
    (
      await db
        .select({ id: familyMembers.id })
        .from(familyMembers)
        .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.name, name)))
    )[0]!.id;
  members.guardian = await memberId(world.family.id, 'Huoltaja Testinen');
  members.child = await memberId(world.family.id, 'Lapsi Testinen');
  members.young = await memberId(world.family.id, 'Nuori Testinen');
  members.otherGuardian = await memberId(world.otherFamily.id, 'Huoltaja Muu');
  await setBirthYear(db, members.child, 2015);
  await setBirthYear(db, members.young, 2009);
  const manager = await agentOf('manager');
  program = programSchema.parse((await manager.post('/api/programs').send(programBody(placement.id)).expect(201)).body);
  otherProgram = programSchema.parse(
    (
      await manager
        .post('/api/programs')
        .send(programBody(placement.id, { name: 'Toinen ohjelma', payers: ['Kunta C'] }))
        .expect(201)
    ).body,
  );
  const foreign = await buildOrganisation(db, 'Kaukainen kunta');
  foreignManager = await buildAccount(db, { role: 'manager', organisationId: foreign.id });
  foreignProgram = programSchema.parse(
    (await (await agentOf('foreignManager')).post('/api/programs').send(programBody(placement.id)).expect(201)).body,
  );
});
afterAll(() => testApp.close());

const enrolment = (change: Record<string, unknown> = {}) => ({
  programId: program.id,
  payerId: program.payers[0]!.id,
  enrolledOn: '2024-03-15',
  consentGivenBy: members.guardian,
  consentGivenOn: '2024-03-10',
  ...change,
});
const countEnrolments = async () => (await testApp.database.db.select().from(programEnrolments)).length;
async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}
const auditSince = (after: number) => testApp.database.db.select().from(auditEvents).where(gt(auditEvents.id, after));

describe('who sees the family’s programmes', () => {
  it.each<[PersonKey, number]>([
    ['coordinator', 200],
    ['guardian', 200],
    ['youngMember', 200],
    ['workerA', 404],
    ['workerB', 404],
    ['otherCoordinator', 404],
    ['otherGuardian', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s asks for the family’s enrolments, then %i', async (person, status) => {
    expect((await (await agentOf(person)).get(url())).status).toBe(status);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await request(testApp.app).get(url())).status).toBe(401);
  });

  it('when the coordinator reads them before any enrolment, then the organisation’s programmes open to the family are offered, and the read is audited', async () => {
    const before = await lastAuditId();
    const list = programEnrolmentListSchema.parse((await (await agentOf('coordinator')).get(url()).expect(200)).body);
    expect(list.enrolments).toEqual([]);
    expect(list.open.map((open) => open.id).sort()).toEqual([program.id, otherProgram.id].sort());
    expect(list.can).toEqual({ enrol: true });
    expect(await auditSince(before)).toContainEqual(
      expect.objectContaining({ familyId: world.family.id, action: 'read', resource: 'program-enrolment', outcome: 'allowed' }),
    );
    const asFamily = programEnrolmentListSchema.parse((await (await agentOf('guardian')).get(url()).expect(200)).body);
    expect(asFamily).toEqual({ enrolments: [], open: [], can: { enrol: false } });
  });
});

describe('enrolling a family', () => {
  it.each<[string, () => Record<string, unknown>, string]>([
    ['a payer of another programme', () => ({ payerId: otherProgram.payers[0]!.id }), 'body.payerId'],
    ['consent by a child of the family', () => ({ consentGivenBy: members.young }), 'body.consentGivenBy'],
    ['consent by a guardian of another family', () => ({ consentGivenBy: members.otherGuardian }), 'body.consentGivenBy'],
    ['an enrolment day in the future', () => ({ enrolledOn: helsinkiToday(1), consentGivenOn: today }), 'body.enrolledOn'],
    [
      'an enrolment day before the programme starts',
      () => ({ enrolledOn: '2023-12-31', consentGivenOn: '2023-12-01' }),
      'body.enrolledOn',
    ],
    ['consent given after the enrolment day', () => ({ consentGivenOn: '2024-03-16' }), 'body.consentGivenOn'],
    ['consent given in the future', () => ({ consentGivenOn: helsinkiToday(2) }), 'body.consentGivenOn'],
    ['a date that is not a date', () => ({ enrolledOn: '15.3.2024' }), 'body.enrolledOn'],
    ['an unknown field', () => ({ pseudonym: 'R-CHOSEN01' }), 'body'],
  ])('when the coordinator sends %s, then 400 on that field and nothing is stored', async (_case, change, field) => {
    const before = await countEnrolments();
    const response = await (await agentOf('coordinator')).post(url()).send(enrolment(change()));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(JSON.stringify(response.body.errors)).toContain(field);
    expect(await countEnrolments()).toBe(before);
  });

  it('when the programme is another organisation’s, then 404 and nothing is stored', async () => {
    const response = await (
      await agentOf('coordinator')
    )
      .post(url())
      .send(enrolment({ programId: foreignProgram.id, payerId: foreignProgram.payers[0]!.id }));
    expect(response.status).toBe(404);
    expect(await countEnrolments()).toBe(0);
  });

  it('when the family has no child of the age the programme is for, then 422 not_in_target_group', async () => {
    const response = await (
      await agentOf('otherCoordinator')
    )
      .post(url(world.otherFamily.id))
      .send(enrolment({ consentGivenBy: members.otherGuardian }));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('not_in_target_group');
    // Born 2009 and 2015, the children were 12 and 6 in 2021: too young for a programme for 13-17.
    const teens = await (
      await agentOf('manager')
    )
      .post('/api/programs')
      .send(
        programBody(placementId, {
          name: 'Nuoret',
          targetGroup: { description: '13-17', childAgeMin: 13, childAgeMax: 17 },
          startsOn: '2020-01-01',
        }),
      )
      .expect(201);
    const payerId = teens.body.payers[0].id;
    const old = await (
      await agentOf('coordinator')
    )
      .post(url())
      .send(enrolment({ programId: teens.body.id, payerId, enrolledOn: '2021-06-01', consentGivenOn: '2021-06-01' }));
    expect(old.body.code).toBe('not_in_target_group');
    expect(await countEnrolments()).toBe(0);
  });

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['youngMember', 403],
    ['workerA', 404],
    ['otherCoordinator', 404],
    ['manager', 404],
    ['admin', 404],
  ])('when %s tries to enrol the family, then %i, nothing is stored and the refusal is audited', async (person, status) => {
    const before = await lastAuditId();
    const response = await (await agentOf(person)).post(url()).send(enrolment());
    expect(response.status).toBe(status);
    expect(await countEnrolments()).toBe(0);
    expect(await auditSince(before)).toContainEqual(
      expect.objectContaining({ actorId: world.people[person].id, outcome: 'denied' }),
    );
  });

  it('when the coordinator enrols the family with the guardian’s consent, then it is in, with its outcomes, audited and announced; never twice at once', async () => {
    const before = await lastAuditId();
    const response = await (await agentOf('coordinator')).post(url()).send(enrolment());
    expect(response.status).toBe(201);
    const enrolled = programEnrolmentSchema.parse(response.body);
    expect(enrolled).toMatchObject({
      program: { id: program.id, name: program.name, provider: 'Testirahasto' },
      payer: { id: program.payers[0]!.id, name: 'Kunta A' },
      enrolledOn: '2024-03-15',
      consentGivenBy: { id: members.guardian, name: 'Huoltaja Testinen' },
      consentGivenOn: '2024-03-10',
      endedOn: null,
      endReason: null,
      version: 1,
      can: { end: true, withdrawConsent: true },
    });
    // Due 15 March 2025, long past: no placement, no meter, no goal reached.
    expect(enrolled.outcomes).toEqual([
      { metricId: program.metrics[0]!.id, status: 'reached', decidedOn: '2025-03-15', reason: null },
      { metricId: program.metrics[1]!.id, status: 'not_measurable', decidedOn: null, reason: 'no_baseline' },
      { metricId: program.metrics[2]!.id, status: 'missed', decidedOn: '2025-03-15', reason: null },
    ]);
    // The pseudonym is the manager's only: the family's view does not carry it.
    expect(JSON.stringify(response.body)).not.toMatch(/R-[A-Z0-9]{8}/);
    const [stored] = await testApp.database.db.select().from(programEnrolments);
    expect(stored!.pseudonym).toMatch(/^R-[A-HJ-NP-Z2-9]{8}$/);
    expect(await auditSince(before)).toContainEqual(
      expect.objectContaining({
        familyId: world.family.id,
        action: 'create',
        resource: 'program-enrolment',
        resourceId: enrolled.id,
      }),
    );
    expect(testApp.published).toContainEqual(
      expect.objectContaining({ type: 'program.enrolled', familyId: world.family.id, id: enrolled.id, version: 1 }),
    );

    const again = await (await agentOf('coordinator')).post(url()).send(enrolment({ enrolledOn: '2024-04-01' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_enrolled');
    expect(await countEnrolments()).toBe(1);
    const list = programEnrolmentListSchema.parse((await (await agentOf('coordinator')).get(url()).expect(200)).body);
    expect(list.open.map((open) => open.id)).toContain(otherProgram.id);
    expect(list.open.map((open) => open.id)).not.toContain(program.id);
    const asYoung = programEnrolmentListSchema.parse((await (await agentOf('youngMember')).get(url()).expect(200)).body);
    expect(asYoung.enrolments[0]!.can).toEqual({ end: false, withdrawConsent: false });
    const asGuardian = programEnrolmentListSchema.parse((await (await agentOf('guardian')).get(url()).expect(200)).body);
    expect(asGuardian.enrolments[0]!.can).toEqual({ end: false, withdrawConsent: true });
  });
});

describe('leaving the programme and withdrawing consent', () => {
  const current = async () =>
    programEnrolmentListSchema.parse((await (await agentOf('coordinator')).get(url()).expect(200)).body).enrolments[0]!;
  const endUrl = (id: string) => `${url()}/${id}/end`;
  const withdrawUrl = (id: string) => `${url()}/${id}/withdraw-consent`;

  it.each<[PersonKey, number]>([
    ['guardian', 403],
    ['workerA', 404],
    ['otherCoordinator', 404],
    ['manager', 404],
  ])('when %s tries to end the enrolment, then %i and it stays', async (person, status) => {
    const before = await current();
    const response = await (
      await agentOf(person)
    )
      .post(endUrl(before.id))
      .send({ version: 1, endedOn: '2024-09-01', reason: 'left' });
    expect(response.status).toBe(status);
    expect(await current()).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a day before the enrolment', { endedOn: '2024-03-14' }, 400, 'validation_failed'],
    ['a day in the future', { endedOn: helsinkiToday(1) }, 400, 'validation_failed'],
    ['the consent withdrawal as a reason', { reason: 'consent_withdrawn' }, 400, 'validation_failed'],
    ['an old version', { version: 0 }, 400, 'validation_failed'],
    ['a stale version', { version: 7 }, 409, 'version_conflict'],
  ])('when the coordinator ends it with %s, then %s and it stays', async (_case, change, status, code) => {
    const before = await current();
    const response = await (
      await agentOf('coordinator')
    )
      .post(endUrl(before.id))
      .send({ version: 1, endedOn: '2024-09-01', reason: 'moved', ...change });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    if (code === 'version_conflict') expect(response.body.current).toMatchObject({ id: before.id, version: 1 });
    expect(await current()).toEqual(before);
  });

  it('when the coordinator records that the family moved, then it ended that day, announced; ending it again is 409', async () => {
    const { id } = await current();
    const response = await (
      await agentOf('coordinator')
    )
      .post(endUrl(id))
      .send({ version: 1, endedOn: '2024-09-01', reason: 'moved' });
    expect(response.status).toBe(200);
    const ended = programEnrolmentSchema.parse(response.body);
    expect(ended).toMatchObject({
      endedOn: '2024-09-01',
      endReason: 'moved',
      version: 2,
      can: { end: false, withdrawConsent: true },
    });
    // It left before any outcome was due.
    expect(ended.outcomes.map((outcome) => outcome.reason)).toEqual(['ended_before_due', 'no_baseline', 'ended_before_due']);
    expect(testApp.published).toContainEqual(expect.objectContaining({ type: 'program.ended', id, version: 2 }));
    const again = await (
      await agentOf('coordinator')
    )
      .post(endUrl(id))
      .send({ version: 2, endedOn: '2024-09-01', reason: 'left' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('enrolment_ended');
  });

  it('when a young member tries to withdraw the consent, then 403: only a guardian decides', async () => {
    const { id, version } = await current();
    expect((await (await agentOf('youngMember')).post(withdrawUrl(id)).send({ version })).status).toBe(403);
    expect((await (await agentOf('workerA')).post(withdrawUrl(id)).send({ version })).status).toBe(404);
  });

  it('when the guardian of a family that already left withdraws the consent, then the day it left stays and the reason is the withdrawal; twice is 409', async () => {
    const { id, version } = await current();
    const before = await lastAuditId();
    const response = await (await agentOf('guardian')).post(withdrawUrl(id)).send({ version });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      endedOn: '2024-09-01',
      endReason: 'consent_withdrawn',
      can: { withdrawConsent: false },
    });
    expect(await auditSince(before)).toContainEqual(
      expect.objectContaining({
        actorId: world.people.guardian.id,
        action: 'update',
        resource: 'program-enrolment',
        resourceId: id,
      }),
    );
    const again = await (await agentOf('guardian')).post(withdrawUrl(id)).send({ version: version + 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('enrolment_ended');
  });

  it('when the family is enrolled again from a day it was still in, then 400: its outcomes would count twice', async () => {
    const response = await (
      await agentOf('coordinator')
    )
      .post(url())
      .send(enrolment({ enrolledOn: '2024-09-01', consentGivenOn: '2024-09-01' }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.enrolledOn', message: expect.stringContaining('2024-09-01') }]);
    expect(await countEnrolments()).toBe(1);
  });

  it('when the family is enrolled again and the coordinator records a withdrawal, then the new enrolment ends today', async () => {
    const created = await (
      await agentOf('coordinator')
    )
      .post(url())
      .send(enrolment({ enrolledOn: '2025-01-10', consentGivenOn: '2025-01-10', payerId: program.payers[1]!.id }))
      .expect(201);
    const response = await (await agentOf('coordinator')).post(withdrawUrl(created.body.id)).send({ version: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ endedOn: today, endReason: 'consent_withdrawn' });
    const [first, second] = await testApp.database.db.select().from(programEnrolments).orderBy(programEnrolments.enrolledOn);
    expect(first!.pseudonym).not.toBe(second!.pseudonym);
    const asManager = programSchema.parse((await (await agentOf('manager')).get(`/api/programs/${program.id}`).expect(200)).body);
    expect({ now: asManager.enrolledNow, ever: asManager.enrolledEver }).toEqual({ now: 0, ever: 0 });
  });
});
