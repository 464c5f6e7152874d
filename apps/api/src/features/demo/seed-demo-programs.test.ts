import { programEnrolmentListSchema, programListSchema, programReportSchema, type ProgramReport } from '@yhdessa/shared';
import { eq } from 'drizzle-orm';
import { municipalityDate, municipalityMonth } from '../../core/clock';
import { families } from '../../db/tables/families';
import { programEnrolments } from '../../db/tables/programs';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { demoAccounts } from './demo-accounts';
import { seedDemoMunicipality } from './seed-demo-municipality';
import { seedDemoWorld } from './seed-demo-world';

// Seeding the demo (300 generated families with their usage and outcomes) takes 8-18 s on a busy 2-core machine.
jest.setTimeout(90_000);
let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ DEMO: '1' });
  await seedDemoWorld(testApp.database.db);
  await seedDemoMunicipality(testApp.database.db, municipalityMonth());
});
afterAll(() => testApp.close());

const euros = (cents: number | null) => (cents === null ? '-' : `${Math.round(cents / 100).toLocaleString('fi-FI')} €`);
function summary(report: ProgramReport): string {
  const names = new Map(report.program.metrics.map((metric) => [metric.id, metric.definition.kind]));
  const payers = new Map(report.program.payers.map((payer) => [payer.id, payer.name]));
  return [
    `${report.from}..${report.to}: enrolled at end ${report.enrolledAtEnd}, payment due ${euros(report.paymentDueCents)}, cost ${euros(report.costCents)}, per outcome ${euros(report.costPerOutcomeCents)}`,
    ...report.metrics.map(
      (metric) =>
        `  ${names.get(metric.metricId)}: reached ${metric.total.reached}, missed ${metric.total.missed}, rate ${metric.total.rate ?? '-'} %, due ${euros(metric.total.paymentDueCents)}`,
    ),
    ...report.payers.map(
      (payer) => `  ${payers.get(payer.payerId)}: enrolled ${payer.enrolledAtEnd}, due ${euros(payer.paymentDueCents)}`,
    ),
  ].join('\n');
}

describe('the demo programme', () => {
  it('when the demo manager opens the programme, then it is shaped like Lapset SIB, with about half of the newer families in and three consents withdrawn', async () => {
    const manager = await signInAs(testApp.app, demoAccounts.manager);
    const { programs } = programListSchema.parse((await manager.get('/api/programs').expect(200)).body);
    expect(programs).toHaveLength(1);
    const [program] = programs;
    expect(program).toMatchObject({
      name: 'Lapset ja perheet -tulosohjelma (demo)',
      provider: 'Lapset SIB -rahasto (demo)',
      startsOn: '2024-01-01',
      endsOn: '2031-12-31',
      targetGroup: { childAgeMin: 0, childAgeMax: 17 },
    });
    expect(program!.payers.map((payer) => payer.name)).toHaveLength(7);
    expect(program!.payers[0]!.name).toBe('Varkaus demo');
    expect(
      program!.metrics.map((metric) => [metric.definition.kind, metric.baselineRate, metric.targetRate, metric.paymentCents]),
    ).toEqual([
      ['lives_at_home', 80, 90, 800_000],
      ['wellbeing_improved', 30, 50, 200_000],
      ['goal_reached', 40, 60, 150_000],
    ]);
    const enrolments = await testApp.database.db.select().from(programEnrolments);
    expect(enrolments.filter((row) => row.endReason === 'consent_withdrawn')).toHaveLength(3);
    expect(program!.enrolledEver).toBe(enrolments.length - 3);
    expect(program!.enrolledEver).toBeGreaterThan(60);
    expect(enrolments.some((row) => row.endReason === 'case_closed')).toBe(true);
    const byPayer = new Map<string, number>();
    for (const row of enrolments) byPayer.set(row.payerId, (byPayer.get(row.payerId) ?? 0) + 1);
    expect(Math.max(...byPayer.values())).toBe(byPayer.get(program!.payers[0]!.id));
  });

  it('when the reports of 2025 and of this year are read, then they show misses and reached outcomes of every kind', async () => {
    const manager = await signInAs(testApp.app, demoAccounts.manager);
    const [program] = programListSchema.parse((await manager.get('/api/programs').expect(200)).body).programs;
    const read = async (from: string, to: string) =>
      programReportSchema.parse(
        (await manager.get(`/api/programs/${program!.id}/report?from=${from}&to=${to}`).expect(200)).body,
      );
    const year2025 = await read('2025-01-01', '2025-12-31');
    const thisYear = await read(`${municipalityDate().slice(0, 4)}-01-01`, municipalityDate());
    process.stdout.write(`demo programme report\n${summary(year2025)}\n${summary(thisYear)}\n`);
    const [home, wellbeing, goal] = year2025.metrics;
    expect(home!.total.reached).toBeGreaterThan(10);
    expect(home!.total.missed).toBeGreaterThan(0);
    expect(wellbeing!.total.reached).toBeGreaterThan(0);
    expect(goal!.total.reached).toBeGreaterThan(0);
    expect(year2025.costPerOutcomeCents).toBeGreaterThan(0);
  });

  it('when Sari and Anna open Perhe Virtanen, then they see its enrolment, Anna may withdraw the consent and Sari may end it', async () => {
    const [virtanen] = await testApp.database.db.select().from(families).where(eq(families.name, 'Perhe Virtanen'));
    const url = `/api/families/${virtanen!.id}/program-enrolments`;
    const asSari = programEnrolmentListSchema.parse(
      (await (await signInAs(testApp.app, demoAccounts.coordinator)).get(url).expect(200)).body,
    );
    expect(asSari.enrolments).toHaveLength(1);
    expect(asSari.enrolments[0]).toMatchObject({
      program: { name: 'Lapset ja perheet -tulosohjelma (demo)' },
      payer: { name: 'Varkaus demo' },
      consentGivenBy: { name: 'Anna Virtanen' },
      can: { end: true, withdrawConsent: true },
    });
    // Anna's meters came before she joined: her next one decides the wellbeing outcome.
    const [enrolment] = asSari.enrolments;
    const wellbeing = enrolment!.program.metrics.find((metric) => metric.definition.kind === 'wellbeing_improved');
    expect(enrolment!.outcomes.find((outcome) => outcome.metricId === wellbeing!.id)?.status).toBe('pending');
    const asAnna = programEnrolmentListSchema.parse(
      (await (await signInAs(testApp.app, demoAccounts.guardian)).get(url).expect(200)).body,
    );
    expect(asAnna.enrolments[0]!.can).toEqual({ end: false, withdrawConsent: true });
  });
});
