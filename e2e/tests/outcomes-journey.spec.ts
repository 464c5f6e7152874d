import { expect, test, type APIRequestContext } from '@playwright/test';
import type { MeasurementList, ProgramEnrolmentList, ProgramList, ProgramReport, ProgramReportRows } from '@yhdessa/shared';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, guardian, manager, phone, signedInPage } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const PROGRAM = 'Lapset ja perheet -tulosohjelma (demo)';

/** Today in the municipality, `YYYY-MM-DD`. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

test("when the family fills in the wellbeing meter on a phone, then the coordinator sees the change and the manager's programme report counts the outcome, without names", async ({
  browser,
}) => {
  test.slow();
  const day = today();
  const period = `from=${day.slice(0, 4)}-01-01&to=${day}`;

  const managerPage = await signedInPage(browser, manager);
  const { programs } = await getJson<ProgramList>(managerPage.request, '/api/programs');
  const program = programs.find((each) => each.name === PROGRAM);
  if (!program) throw new Error(`the demo has no programme ${PROGRAM}`);
  const wellbeing = program.metrics.find((metric) => metric.definition.kind === 'wellbeing_improved')!;
  const reportUrl = `/api/programs/${program.id}/report?${period}`;
  const reachedIn = (report: ProgramReport) => report.metrics.find((each) => each.metricId === wellbeing.id)!.total;
  const before = reachedIn(await getJson<ProgramReport>(managerPage.request, reportUrl));

  const coordinatorPage = await signedInPage(browser, coordinator);
  await coordinatorPage.getByRole('link', { name: FAMILY }).click();
  await expect(coordinatorPage.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  const familyId = new URL(coordinatorPage.url()).pathname.split('/').at(-1)!;
  const enrolmentsUrl = `/api/families/${familyId}/program-enrolments`;
  const wellbeingOutcome = async () => {
    const { enrolments } = await getJson<ProgramEnrolmentList>(coordinatorPage.request, enrolmentsUrl);
    return enrolments[0]!.outcomes.find((outcome) => outcome.metricId === wellbeing.id)!;
  };
  expect((await wellbeingOutcome()).status, "the demo leaves the family's wellbeing outcome open").toBe('pending');

  await test.step('the guardian fills in the wellbeing meter on a phone', async () => {
    const familyPage = await signedInPage(browser, guardian, phone);
    // The meter is in the plan's story section, beside the assessment.
    await familyPage.getByRole('tab', { name: 'Tarina ja arvio' }).click();
    await familyPage.getByRole('link', { name: 'Täytä hyvinvointimittari' }).first().click();
    const form = familyPage.getByRole('form', { name: 'Täytä hyvinvointimittari' });
    await form.getByRole('button', { name: 'Aloita' }).click();
    for (let question = 1; question <= 9; question += 1) {
      await expect(form.getByText(`Kysymys ${question}/9`)).toBeVisible();
      await form.getByRole('radio', { name: '5 – Menee hyvin' }).check();
      await form.getByRole('button', { name: 'Seuraava' }).click();
    }
    await form.getByRole('button', { name: 'Tallenna vastaukset' }).click();
    await expect(familyPage.getByRole('status')).toContainText('Kiitos! Vastauksesi on tallennettu.');
    await expectNoAccessibilityViolations(familyPage);
  });

  await test.step('the coordinator sees the new answers and the outcome reached today', async () => {
    const { measurements } = await getJson<MeasurementList>(coordinatorPage.request, `/api/families/${familyId}/measurements`);
    const answered = measurements.filter((measurement) => measurement.takenOn === day);
    expect(answered).toHaveLength(1);
    expect(answered[0]!.scores.every((score) => score.score === 5)).toBe(true);
    expect(await wellbeingOutcome()).toEqual({ metricId: wellbeing.id, status: 'reached', decidedOn: day, reason: null });
    await coordinatorPage.reload();
    await coordinatorPage.getByRole('tab', { name: 'Tarina ja arvio' }).click();
    const programmes = coordinatorPage.getByRole('region', { name: 'Tulosperusteiset ohjelmat' });
    const shownDay = await coordinatorPage.evaluate(
      (day) => new Intl.DateTimeFormat('fi-FI').format(new Date(`${day}T12:00:00`)),
      day,
    );
    await expect(programmes.getByText(`Toteutui ${shownDay}`)).toBeVisible();
    await coordinatorPage.getByRole('link', { name: 'Avaa hyvinvointimittari' }).click();
    await expect(coordinatorPage.getByRole('heading', { level: 1, name: 'Hyvinvointimittari' })).toBeVisible();
    await expectNoAccessibilityViolations(coordinatorPage);
  });

  await test.step("the manager's report counts one more outcome reached and its payment, traced to a row without a name", async () => {
    const after = reachedIn(await getJson<ProgramReport>(managerPage.request, reportUrl));
    expect(after.reached).toBe(before.reached + 1);
    expect(after.paymentDueCents).toBe(before.paymentDueCents + wellbeing.paymentCents);

    await managerPage.goto(`/programs/${program.id}?${period}`);
    const table = managerPage.getByRole('table', { name: 'Tulokset ja maksut mittareittain' });
    const reachedLink = table.getByRole('link', {
      name: `${after.reached} saavutettua: ${wellbeing.name}, kaikki maksajat – näytä rivit`,
    });
    await expect(reachedLink).toBeVisible();
    await reachedLink.click();
    const rowsUrl = `/api/programs/${program.id}/report/rows?${period}&metricId=${wellbeing.id}&status=reached`;
    const traced = await getJson<ProgramReportRows>(managerPage.request, rowsUrl);
    if (traced.view !== 'pseudonymous') throw new Error('the manager must see pseudonymous rows');
    expect(traced.rows).toHaveLength(after.reached);
    expect(traced.rows.filter((row) => row.decidedMonth === day.slice(0, 7)).length).toBeGreaterThanOrEqual(1);
    await expect(managerPage.getByRole('table', { name: /^Rivit:/ })).toBeVisible();
    const page = await managerPage.content();
    expect(page).not.toContain('Virtanen');
    expect(page).not.toContain(familyId);
    await expectNoAccessibilityViolations(managerPage);
  });
});
