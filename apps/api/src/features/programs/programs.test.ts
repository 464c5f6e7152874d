import {
  programListSchema,
  programReportRowsSchema,
  programReportSchema,
  programSchema,
  type Program,
  type ProgramReport,
} from '@yhdessa/shared';
import { and, eq, gt, isNull, max } from 'drizzle-orm';
import request from 'supertest';
import { accounts } from '../../db/tables/accounts';
import { auditEvents } from '../../db/tables/audit';
import { familyMembers, families } from '../../db/tables/families';
import { goals } from '../../db/tables/goals';
import { measurementScores, measurements } from '../../db/tables/measurements';
import { programEnrolments, programs } from '../../db/tables/programs';
import { serviceUsage } from '../../db/tables/service-usage';
import { apiRoutes } from '../../routes';
import { buildAccount, buildFamily, buildMember, buildOrganisation, buildService, buildServiceRole } from '../../test/factories';
import { programBody, setBirthYear } from '../../test/programs';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type PersonKey, type World } from '../../test/world';

jest.setTimeout(120_000);

/**
 * The report end to end against a hand-computed fixture. Programme: payers A and B; metrics home
 * (8,000 €), wellbeing (2,000 €), goal (1,500 €), each due 12 months after enrolment. Services cost
 * 100 € a unit. Families:
 * - F1 (coordinator, A), enrolled 2024-02-10: no placement -> home reached 2025-02-10; meters of the
 *   guardian 2024-02-01 and 2025-01-20, 3 domains up a step -> wellbeing reached 2025-01-20; a goal
 *   reached 2025-01-05 -> goal reached. Usage 2025-03-03, 2 units: 200 €.
 * - F2 (coordinator, B), enrolled 2024-03-01: placement in June 2024 -> home missed 2025-03-01; no
 *   meter -> not measurable; a goal reached 2024-09-01 and then reopened -> goal missed 2025-03-01.
 *   Placement in February 2025, 1 unit: 100 €.
 * - F3 (otherCoordinator, A), enrolled 2024-06-01, left 2025-03-01: a scaled goal partly reached at
 *   the expected level on 2025-01-15 -> goal reached; home not measurable. Usage 2025-02-20: 100 €;
 *   2025-04-10 after leaving: not counted.
 * - F4 (the world's family, coordinator, A), enrolled 2024-05-01: home reached 2025-05-01, goal
 *   reached 2025-02-01, usage 2025-02-02: 100 €. Its guardian withdraws the consent in the tests.
 * - F5 (coordinator, B), enrolled 2025-06-01: nothing due in 2025. Usage 2025-05-20 before enrolment
 *   (not counted) and 2025-07-01: 100 €.
 */
let testApp: TestApp;
let world: World;
let program: Program;
let foreignManager: Awaited<ReturnType<typeof buildAccount>>;
const familyIds: Record<'f1' | 'f2' | 'f3' | 'f4' | 'f5', string> = { f1: '', f2: '', f3: '', f4: '', f5: '' };
const agents = new Map<string, Awaited<ReturnType<typeof signInAs>>>();

async function agentOf(person: PersonKey | 'foreignManager') {
  const account = person === 'foreignManager' ? foreignManager : world.people[person];
  if (!agents.has(person)) agents.set(person, await signInAs(testApp.app, account));
  return agents.get(person)!;
}

const year2025 = 'from=2025-01-01&to=2025-12-31';
const reportUrl = (query = year2025) => `/api/programs/${program.id}/report?${query}`;
const rowsUrl = (query = year2025) => `/api/programs/${program.id}/report/rows?${query}`;
const metricId = (index: number) => program.metrics[index]!.id;
const payerId = (index: number) => program.payers[index]!.id;

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp.database;
  world = await buildWorld(db);
  const { coordinator, otherCoordinator } = world.people;
  const organisationId = world.services.serviceA.organisationId;
  const placement = await buildService(db, organisationId, 'Sijaishuolto');
  foreignManager = await buildAccount(db, {
    role: 'manager',
    name: 'Kaukainen Johtaja',
    organisationId: (await buildOrganisation(db, 'Kaukainen kunta')).id,
  });
  program = programSchema.parse(
    (await (await agentOf('manager')).post('/api/programs').send(programBody(placement.id)).expect(201)).body,
  );

  const usage = async (familyId: string, serviceId: string, usedOn: string, units: number, period: 'day' | 'month' = 'day') => {
    const role = await buildServiceRole(db, familyId, serviceId);
    await db
      .insert(serviceUsage)
      .values({ familyId, serviceRoleId: role.id, serviceId, usedOn, period, units, recordedBy: coordinator.id });
  };
  const meter = async (familyId: string, memberId: string, takenOn: string, scores: Record<string, number>) => {
    const [row] = await db
      .insert(measurements)
      .values({ familyId, takenOn, occasion: 'own', respondentVersion: 'adult', memberId, recordedBy: coordinator.id })
      .returning();
    await db.insert(measurementScores).values(
      Object.entries(scores).map(([domain, score]) => ({
        measurementId: row!.id,
        familyId,
        domain: domain as 'housing',
        score,
      })),
    );
  };
  const enrol = async (
    who: 'coordinator' | 'otherCoordinator',
    familyId: string,
    guardianId: string,
    payer: number,
    enrolledOn: string,
  ) =>
    (
      await (
        await agentOf(who)
      )
        .post(`/api/families/${familyId}/program-enrolments`)
        .send({
          programId: program.id,
          payerId: payerId(payer),
          enrolledOn,
          consentGivenBy: guardianId,
          consentGivenOn: enrolledOn,
        })
        .expect(201)
    ).body as { id: string; version: number };
  const familyWithChild = async (name: string, coordinatorId: string, birthYear: number) => {
    const family = await buildFamily(db, { coordinatorId, name });
    const guardian = await buildMember(db, family.id, { relation: 'guardian', name: `Huoltaja ${name}` });
    const child = await buildMember(db, family.id, { relation: 'child', name: `Lapsi ${name}` });
    await setBirthYear(db, child.id, birthYear);
    return { familyId: family.id, guardianId: guardian.id };
  };

  const f1 = await familyWithChild('Perhe Yksi', coordinator.id, 2016);
  familyIds.f1 = f1.familyId;
  await enrol('coordinator', f1.familyId, f1.guardianId, 0, '2024-02-10');
  await meter(f1.familyId, f1.guardianId, '2024-02-01', { housing: 2, 'daily-life': 2, safety: 2, parenting: 3 });
  await meter(f1.familyId, f1.guardianId, '2025-01-20', { housing: 3, 'daily-life': 3, safety: 3, parenting: 3 });
  await db.insert(goals).values({ familyId: f1.familyId, title: 'Arki', status: 'reached', endedOn: '2025-01-05' });
  await usage(f1.familyId, world.services.serviceA.id, '2025-03-03', 2);

  const f2 = await familyWithChild('Perhe Kaksi', coordinator.id, 2012);
  familyIds.f2 = f2.familyId;
  await enrol('coordinator', f2.familyId, f2.guardianId, 1, '2024-03-01');
  await usage(f2.familyId, placement.id, '2024-06-01', 1, 'month');
  await usage(f2.familyId, placement.id, '2025-02-01', 1, 'month');
  const [reopened] = await db
    .insert(goals)
    .values({ familyId: f2.familyId, title: 'Koti', createdAt: new Date('2024-01-02T10:00:00Z') })
    .returning();
  const goalUrl = `/api/families/${f2.familyId}/goals/${reopened!.id}`;
  const ended = await (
    await agentOf('coordinator')
  )
    .post(`${goalUrl}/end`)
    .send({ ending: 'reached', endedOn: '2024-09-01', version: 1 })
    .expect(200);
  await (await agentOf('coordinator')).post(`${goalUrl}/reopen`).send({ version: ended.body.version }).expect(200);

  const f3 = await familyWithChild('Perhe Kolme', otherCoordinator.id, 2014);
  familyIds.f3 = f3.familyId;
  const f3Enrolment = await enrol('otherCoordinator', f3.familyId, f3.guardianId, 0, '2024-06-01');
  const scale = { muchLess: '-2', less: '-1', expected: '0', more: '+1', muchMore: '+2' };
  await db.insert(goals).values({
    familyId: f3.familyId,
    title: 'Koulu',
    status: 'partly_reached',
    endedOn: '2025-01-15',
    attainmentScale: scale,
    attainedLevel: 0,
  });
  await db.insert(goals).values({
    familyId: f3.familyId,
    title: 'Uni',
    status: 'partly_reached',
    endedOn: '2024-12-01',
    attainmentScale: scale,
    attainedLevel: -1,
  });
  await usage(f3.familyId, world.services.serviceA.id, '2025-02-20', 1);
  await usage(f3.familyId, world.services.serviceB.id, '2025-04-10', 1);
  await (
    await agentOf('otherCoordinator')
  )
    .post(`/api/families/${f3.familyId}/program-enrolments/${f3Enrolment.id}/end`)
    .send({ version: 1, endedOn: '2025-03-01', reason: 'left' })
    .expect(200);

  familyIds.f4 = world.family.id;
  const [f4Child] = await db.select().from(familyMembers).where(eq(familyMembers.name, 'Lapsi Testinen'));
  await setBirthYear(db, f4Child!.id, 2015);
  const [f4Guardian] = await db.select().from(familyMembers).where(eq(familyMembers.name, 'Huoltaja Testinen'));
  await enrol('coordinator', world.family.id, f4Guardian!.id, 0, '2024-05-01');
  await db.insert(goals).values({ familyId: world.family.id, title: 'Aamut', status: 'reached', endedOn: '2025-02-01' });
  await db.insert(serviceUsage).values({
    familyId: world.family.id,
    serviceRoleId: world.roles.roleA.id,
    serviceId: world.services.serviceA.id,
    usedOn: '2025-02-02',
    period: 'day',
    units: 1,
    recordedBy: coordinator.id,
  });

  const f5 = await familyWithChild('Perhe Viisi', coordinator.id, 2020);
  familyIds.f5 = f5.familyId;
  await enrol('coordinator', f5.familyId, f5.guardianId, 1, '2025-06-01');
  await usage(f5.familyId, world.services.serviceA.id, '2025-05-20', 1);
  await usage(f5.familyId, world.services.serviceB.id, '2025-07-01', 1);
});
afterAll(() => testApp.close());

async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}
const auditSince = (after: number) => testApp.database.db.select().from(auditEvents).where(gt(auditEvents.id, after));
const figures = (reached: number, missed: number, rate: number | null, paymentDueCents: number) => ({
  reached,
  missed,
  rate,
  paymentDueCents,
});
async function report(person: PersonKey = 'manager', query = year2025): Promise<ProgramReport> {
  return programReportSchema.parse((await (await agentOf(person)).get(reportUrl(query)).expect(200)).body);
}

describe('who sees the programmes', () => {
  it.each<[PersonKey, number, boolean]>([
    ['manager', 200, true],
    ['coordinator', 200, false],
    ['otherCoordinator', 200, false],
  ])('when %s lists the programmes, then %i with the programme, create %s', async (person, status, create) => {
    const response = await (await agentOf(person)).get('/api/programs');
    expect(response.status).toBe(status);
    const list = programListSchema.parse(response.body);
    expect(list.programs.map((each) => each.id)).toEqual([program.id]);
    expect(list.can.create).toBe(create);
    expect(list.programs[0]!.can).toEqual({ edit: create, changeMetrics: false });
  });

  it.each<PersonKey>(['workerA', 'guardian', 'youngMember', 'admin'])(
    'when %s asks for the programmes, a programme or its report, then 404',
    async (person) => {
      const agent = await agentOf(person);
      for (const path of ['/api/programs', `/api/programs/${program.id}`, reportUrl(), rowsUrl()])
        expect([path, (await agent.get(path)).status]).toEqual([path, 404]);
    },
  );

  it('when nobody is signed in, then 401', async () => {
    expect((await request(testApp.app).get('/api/programs')).status).toBe(401);
    expect((await request(testApp.app).get(reportUrl())).status).toBe(401);
  });

  it('when a manager of another organisation asks, then the programme does not exist for them', async () => {
    const agent = await agentOf('foreignManager');
    expect(programListSchema.parse((await agent.get('/api/programs').expect(200)).body).programs).toEqual([]);
    for (const path of [`/api/programs/${program.id}`, reportUrl(), rowsUrl()]) expect((await agent.get(path)).status).toBe(404);
    const patched = await agent.patch(`/api/programs/${program.id}`).send(fieldsOf(program));
    expect(patched.status).toBe(404);
  });
});

/** What a PATCH sends back of a programme read. */
const fieldsOf = ({ name, provider, description, targetGroup, startsOn, endsOn, version }: Program) => ({
  name,
  provider,
  description,
  targetGroup,
  startsOn,
  endsOn,
  version,
});

describe('setting up a programme', () => {
  const placementId = () => (program.metrics[0]!.definition as { placementServiceIds: string[] }).placementServiceIds[0]!;

  it.each<PersonKey>(['coordinator', 'workerA', 'guardian', 'admin'])(
    'when %s tries to set one up, then 404 and nothing is stored',
    async (person) => {
      const before = (await testApp.database.db.select().from(programs)).length;
      expect((await (await agentOf(person)).post('/api/programs').send(programBody(placementId()))).status).toBe(404);
      expect((await testApp.database.db.select().from(programs)).length).toBe(before);
    },
  );

  it.each<[string, () => Record<string, unknown>, string]>([
    ['an end before the start', () => ({ startsOn: '2025-01-01', endsOn: '2024-12-31' }), 'body.endsOn'],
    ['no payer', () => ({ payers: [] }), 'body.payers'],
    ['no metric', () => ({ metrics: [] }), 'body.metrics'],
    [
      'an oldest age below the youngest',
      () => ({ targetGroup: { description: '', childAgeMin: 10, childAgeMax: 5 } }),
      'body.targetGroup',
    ],
    [
      'a metric of an unknown kind',
      () => ({ metrics: [{ ...programBody(placementId()).metrics[2]!, definition: { kind: 'happiness', months: 12 } }] }),
      'body.metrics',
    ],
    [
      'a negative payment',
      () => ({ metrics: [{ ...programBody(placementId()).metrics[2]!, paymentCents: -1 }] }),
      'body.metrics',
    ],
    [
      'a placement service that does not exist',
      () => ({ metrics: [programBody('00000000-0000-4000-8000-000000000000').metrics[0]!] }),
      'body.metrics.0.definition.placementServiceIds',
    ],
  ])('when the manager sends %s, then 400 on that field and nothing is stored', async (_case, change, field) => {
    const before = (await testApp.database.db.select().from(programs)).length;
    const response = await (await agentOf('manager')).post('/api/programs').send({ ...programBody(placementId()), ...change() });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain(field);
    expect((await testApp.database.db.select().from(programs)).length).toBe(before);
  });

  it('when the manager moves the period off an enrolment day, then 400 names the day and nothing changes', async () => {
    const manager = await agentOf('manager');
    const read = async () => programSchema.parse((await manager.get(`/api/programs/${program.id}`).expect(200)).body);
    const current = await read();
    for (const [change, field, day] of [
      [{ startsOn: '2024-03-01' }, 'body.startsOn', '2024-02-10'],
      [{ endsOn: '2025-05-31' }, 'body.endsOn', '2025-06-01'],
    ] as const) {
      const response = await manager.patch(`/api/programs/${program.id}`).send({ ...fieldsOf(current), ...change });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: field, message: expect.stringContaining(day) }]);
    }
    expect(await read()).toEqual(current);
  });

  it('when no family is enrolled yet, then the manager may change the metrics; once one is, 409 program_metrics_fixed', async () => {
    const manager = await agentOf('manager');
    const fresh = programSchema.parse(
      (
        await manager
          .post('/api/programs')
          .send(programBody(placementId(), { name: 'Uusi' }))
          .expect(201)
      ).body,
    );
    expect(fresh.can).toEqual({ edit: true, changeMetrics: true });
    const changed = await manager
      .patch(`/api/programs/${fresh.id}`)
      .send({ ...fieldsOf(fresh), metrics: [programBody(placementId()).metrics[2]!] })
      .expect(200);
    expect(changed.body.metrics.map((metric: { definition: { kind: string } }) => metric.definition.kind)).toEqual([
      'goal_reached',
    ]);

    const before = await lastAuditId();
    const programFields = fieldsOf(program);
    const fixed = await manager
      .patch(`/api/programs/${program.id}`)
      .send({ ...programFields, metrics: [programBody(placementId()).metrics[2]!] });
    expect(fixed.status).toBe(409);
    expect(fixed.body.code).toBe('program_metrics_fixed');
    const stale = await manager.patch(`/api/programs/${program.id}`).send({ ...programFields, version: 9 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: program.id, version: 1 } });
    const renamed = await manager
      .patch(`/api/programs/${program.id}`)
      .send({ ...programFields, name: 'Lapset kotona', addPayers: ['Yhtymä C'] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Lapset kotona', version: 2, can: { edit: true, changeMetrics: false } });
    expect(renamed.body.payers.map((payer: { name: string }) => payer.name)).toEqual(['Kunta A', 'Kunta B', 'Yhtymä C']);
    expect(renamed.body.metrics).toEqual(program.metrics);
    program = programSchema.parse(renamed.body);
    expect(await auditSince(before)).toContainEqual(
      expect.objectContaining({
        familyId: null,
        action: 'update',
        resource: 'program',
        resourceId: program.id,
        outcome: 'allowed',
      }),
    );
    expect((await (await agentOf('coordinator')).patch(`/api/programs/${program.id}`).send(fieldsOf(program))).status).toBe(404);
  });
});

describe('the report', () => {
  it('when the manager reads 2025, then every figure matches the hand-computed fixture, and the read is audited about no family', async () => {
    const before = await lastAuditId();
    const read = await report();
    expect(read.metrics).toEqual([
      {
        metricId: metricId(0),
        total: figures(2, 1, 66.7, 1_600_000),
        byPayer: [
          { payerId: payerId(0), figures: figures(2, 0, 100, 1_600_000) },
          { payerId: payerId(1), figures: figures(0, 1, 0, 0) },
          { payerId: payerId(2), figures: figures(0, 0, null, 0) },
        ],
      },
      {
        metricId: metricId(1),
        total: figures(1, 0, 100, 200_000),
        byPayer: [
          { payerId: payerId(0), figures: figures(1, 0, 100, 200_000) },
          { payerId: payerId(1), figures: figures(0, 0, null, 0) },
          { payerId: payerId(2), figures: figures(0, 0, null, 0) },
        ],
      },
      {
        metricId: metricId(2),
        total: figures(3, 1, 75, 450_000),
        byPayer: [
          { payerId: payerId(0), figures: figures(3, 0, 100, 450_000) },
          { payerId: payerId(1), figures: figures(0, 1, 0, 0) },
          { payerId: payerId(2), figures: figures(0, 0, null, 0) },
        ],
      },
    ]);
    expect(read).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      payers: [
        { payerId: payerId(0), enrolledAtEnd: 2, paymentDueCents: 2_250_000 },
        { payerId: payerId(1), enrolledAtEnd: 2, paymentDueCents: 0 },
        { payerId: payerId(2), enrolledAtEnd: 0, paymentDueCents: 0 },
      ],
      enrolledAtEnd: 4,
      paymentDueCents: 2_250_000,
      costCents: 60_000,
      costPerOutcomeCents: 10_000,
    });
    expect(await auditSince(before)).toEqual([
      expect.objectContaining({
        familyId: null,
        action: 'read',
        resource: 'program',
        resourceId: program.id,
        basis: 'manager',
        detail: { view: 'report', from: '2025-01-01', to: '2025-12-31' },
      }),
    ]);
  });

  it('when the period is 2024, then nothing was decided: the reopened goal of 1 September 2024 does not count', async () => {
    const read = await report('coordinator', 'from=2024-01-01&to=2024-12-31');
    expect(read.metrics.map((metric) => metric.total)).toEqual([
      figures(0, 0, null, 0),
      figures(0, 0, null, 0),
      figures(0, 0, null, 0),
    ]);
    expect(read.enrolledAtEnd).toBe(4);
    expect(read.costPerOutcomeCents).toBeNull();
  });

  it.each([
    ['from after to', 'from=2025-12-31&to=2025-01-01'],
    ['no end', 'from=2025-01-01'],
    ['a day that is not a date', 'from=2025-02-30&to=2025-12-31'],
    ['an unknown parameter', `${year2025}&family=x`],
  ])('when the period has %s, then 400', async (_case, query) => {
    expect((await (await agentOf('manager')).get(reportUrl(query))).status).toBe(400);
  });
});

describe('the rows behind a count', () => {
  it('when the manager asks for the missed home outcomes, then one pseudonymous row in months: payer B, enrolled March 2024, due March 2025', async () => {
    const rows = programReportRowsSchema.parse(
      (await (await agentOf('manager')).get(rowsUrl(`${year2025}&metricId=${metricId(0)}&status=missed`)).expect(200)).body,
    );
    expect(rows).toEqual({
      view: 'pseudonymous',
      rows: [
        {
          pseudonym: expect.stringMatching(/^R-[A-Z0-9]{8}$/),
          payerId: payerId(1),
          metricId: metricId(0),
          status: 'missed',
          enrolledMonth: '2024-03',
          decidedMonth: '2025-03',
        },
      ],
    });
  });

  it('when the manager asks for every row, then each count is there, each keyed by the pseudonym fixed at enrolment', async () => {
    const { rows } = programReportRowsSchema.parse((await (await agentOf('manager')).get(rowsUrl()).expect(200)).body) as {
      rows: Array<{ pseudonym: string; metricId: string; status: string }>;
    };
    expect(rows).toHaveLength(8);
    expect(rows.filter((row) => row.status === 'reached')).toHaveLength(6);
    const pseudonyms = (await testApp.database.db.select().from(programEnrolments)).map((row) => row.pseudonym);
    expect(rows.every((row) => pseudonyms.includes(row.pseudonym))).toBe(true);
    expect(Object.keys(rows[0]!).sort()).toEqual(['decidedMonth', 'enrolledMonth', 'metricId', 'payerId', 'pseudonym', 'status']);
    expect(
      (await (await agentOf('manager')).get(rowsUrl(`${year2025}&payerId=${payerId(0)}&status=reached`))).body.rows,
    ).toHaveLength(6);
  });

  it('when the coordinator asks, then only their own families, named, each read in that family’s log; the others only counted', async () => {
    const before = await lastAuditId();
    const rows = programReportRowsSchema.parse((await (await agentOf('coordinator')).get(rowsUrl()).expect(200)).body);
    if (rows.view !== 'own-families') throw new Error('expected the own-families view');
    expect(rows.othersNotShown).toBe(1);
    expect(rows.rows.map((row) => [row.family.name, row.metricId, row.status, row.decidedOn]).sort()).toEqual(
      [
        ['Perhe Yksi', metricId(0), 'reached', '2025-02-10'],
        ['Perhe Testinen', metricId(0), 'reached', '2025-05-01'],
        ['Perhe Kaksi', metricId(0), 'missed', '2025-03-01'],
        ['Perhe Yksi', metricId(1), 'reached', '2025-01-20'],
        ['Perhe Yksi', metricId(2), 'reached', '2025-01-05'],
        ['Perhe Testinen', metricId(2), 'reached', '2025-02-01'],
        ['Perhe Kaksi', metricId(2), 'missed', '2025-03-01'],
      ].sort(),
    );
    const audited = await auditSince(before);
    expect(
      audited
        .filter((row) => row.familyId !== null)
        .map((row) => row.familyId)
        .sort(),
    ).toEqual([familyIds.f1, familyIds.f2, familyIds.f4].sort());
    expect(audited.every((row) => row.actorId === world.people.coordinator.id && row.action === 'read')).toBe(true);

    const theirs = programReportRowsSchema.parse((await (await agentOf('otherCoordinator')).get(rowsUrl()).expect(200)).body);
    expect(theirs).toEqual({
      view: 'own-families',
      rows: [
        {
          family: { id: familyIds.f3, name: 'Perhe Kolme' },
          payerId: payerId(0),
          metricId: metricId(2),
          status: 'reached',
          enrolledOn: '2024-06-01',
          decidedOn: '2025-01-15',
        },
      ],
      othersNotShown: 7,
    });
  });

  it('when a filter names a metric or payer of no programme here, then 400', async () => {
    const agent = await agentOf('manager');
    expect((await agent.get(rowsUrl(`${year2025}&metricId=00000000-0000-4000-8000-000000000000`))).status).toBe(400);
    expect((await agent.get(rowsUrl(`${year2025}&status=pending`))).status).toBe(400);
  });
});

describe('a withdrawn consent', () => {
  it('when the guardian withdraws it, then the family leaves the report, the rows and the counts, for past periods too', async () => {
    const guardian = await agentOf('guardian');
    const [enrolment] = await testApp.database.db
      .select()
      .from(programEnrolments)
      .where(and(eq(programEnrolments.familyId, familyIds.f4), isNull(programEnrolments.endedOn)));
    await guardian
      .post(`/api/families/${familyIds.f4}/program-enrolments/${enrolment!.id}/withdraw-consent`)
      .send({ version: enrolment!.version })
      .expect(200);

    const read = await report();
    expect(read.metrics.map((metric) => metric.total)).toEqual([
      figures(1, 1, 50, 800_000),
      figures(1, 0, 100, 200_000),
      figures(2, 1, 66.7, 300_000),
    ]);
    expect(read.payers.map((payer) => [payer.enrolledAtEnd, payer.paymentDueCents])).toEqual([
      [1, 1_300_000],
      [2, 0],
      [0, 0],
    ]);
    expect(read).toMatchObject({ enrolledAtEnd: 3, paymentDueCents: 1_300_000, costCents: 50_000, costPerOutcomeCents: 12_500 });
    expect(read.program).toMatchObject({ enrolledNow: 3, enrolledEver: 4 });

    const { rows } = programReportRowsSchema.parse((await (await agentOf('manager')).get(rowsUrl()).expect(200)).body);
    expect(rows).toHaveLength(6);
    expect(JSON.stringify(rows)).not.toContain(enrolment!.pseudonym);
    const mine = programReportRowsSchema.parse((await (await agentOf('coordinator')).get(rowsUrl()).expect(200)).body);
    expect(JSON.stringify(mine)).not.toContain(familyIds.f4);
    expect(mine).toMatchObject({ othersNotShown: 1 });
  });
});

describe('nothing that names a person or a case reaches a manager', () => {
  it('when the manager calls every GET route they may, with the real programme and its filters, then no response holds a name, an e-mail, or a family, member or account id', async () => {
    const { db } = testApp.database;
    const manager = world.people.manager;
    const people = (await db.select().from(accounts)).filter((account) => account.id !== manager.id);
    const forbidden = [
      ...people.flatMap((account) => [account.id, account.name, account.email]),
      ...(await db.select().from(families)).flatMap((family) => [family.id, family.name]),
      ...(await db.select().from(familyMembers)).flatMap((member) => [member.id, member.name]),
      ...(await db.select().from(programEnrolments)).map((enrolment) => enrolment.id),
    ];
    expect(forbidden.length).toBeGreaterThan(40);
    const reachable = apiRoutes(testApp.config).filter(
      (route) =>
        route.method === 'get' &&
        (route.access.kind === 'public' || (route.access.kind === 'signed-in' && route.access.roles.includes('manager'))),
    );
    const paths = reachable.map(
      (route) =>
        `/api${route.path.replace(':programId', program.id).replace(/:\w+/g, '00000000-0000-4000-8000-000000000000')}${
          route.path.startsWith('/programs/:programId/report') ? `?${year2025}` : ''
        }`,
    );
    expect(paths).toEqual(expect.arrayContaining([reportUrl(), rowsUrl(), `/api/programs/${program.id}`, '/api/programs']));
    const filtered = [0, 1, 2].flatMap((index) => [
      rowsUrl(`${year2025}&metricId=${metricId(index)}&status=reached`),
      rowsUrl(`${year2025}&metricId=${metricId(index)}&status=missed`),
      rowsUrl(`from=2024-01-01&to=2026-12-31&payerId=${payerId(index)}`),
    ]);
    const agent = await agentOf('manager');
    const leaks: string[] = [];
    let served = 0;
    for (const path of [...paths, ...filtered]) {
      const response = await agent.get(path);
      if (path.includes(program.id) && response.status === 200) served += 1;
      for (const value of forbidden) if (response.text.includes(value)) leaks.push(`${path} (${response.status}): ${value}`);
    }
    expect(served).toBe(3 + filtered.length);
    expect(leaks).toEqual([]);
  });
});
