import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { admin, coordinator, familyWorker, guardian, manager, phone, schoolWorker, signedInPage } from './demo-users';

/** Each of the plan's sections, one at a time, as the reader's menu offers them. */
async function everyPlanSection(page: Page) {
  const tabs = page.getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  for (const name of await tabs.allInnerTexts()) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    // A section is drawn when first shown: the scan waits for all of it, not its loading state.
    const panel = page.locator('[role="tabpanel"][data-active]');
    await expect(panel.getByRole('heading').first()).toBeVisible();
    await expect(panel.getByText('Ladataan…')).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  }
}

/** A dialog opened by the button, scanned open, then closed by its named close button. */
async function withDialogOpen(page: Page, button: string | RegExp) {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // A form whose code loads on opening: the scan waits for the form itself.
  await expect(dialog.getByText('Ladataan…')).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await dialog.getByRole('button', { name: 'Sulje', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);
}

async function openFamily(page: Page, name: string) {
  await page.goto('/');
  await page
    .getByRole('link', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

const openVirtanen = (page: Page) => openFamily(page, 'Perhe Virtanen');

/** The coordinator holds a review today, so the family is asked for its experience. */
async function holdReviewToday(page: Page, planPath: string) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
  const reviews = `/api${planPath}/reviews`;
  const scheduled = await page.request.post(reviews, { data: { scheduledOn: today } });
  expect(scheduled.ok()).toBe(true);
  const review = (await scheduled.json()) as { id: string; version: number };
  const completed = await page.request.post(`${reviews}/${review.id}/complete`, { data: { version: review.version } });
  expect(completed.ok()).toBe(true);
}

test('axe, the coordinator: families, every plan section and its dialogs, consents, access log, costs, meter, programmes', async ({
  browser,
}) => {
  // The longest sweep: dozens of screens, each axe run up to 1.6 s on two cores; 90 s ran out near its end in CI.
  test.setTimeout(180_000);
  const page = await signedInPage(browser, coordinator);
  await expectNoAccessibilityViolations(page);
  const plan = await openVirtanen(page);
  await everyPlanSection(page);
  await page.getByRole('tab', { name: 'Yleiskuva' }).click();
  await withDialogOpen(page, /^Päätä tavoite:/);
  await withDialogOpen(page, 'Siirrä asiakkuus');
  await withDialogOpen(page, 'Päätä asiakkuus');
  await page.getByRole('tab', { name: 'Palvelut ja tehtävät' }).click();
  await withDialogOpen(page, /^Muokkaa tehtävää:/);
  await withDialogOpen(page, /^Päätä osuus:/);
  await page.getByRole('tab', { name: 'Tarina ja arvio' }).click();
  await withDialogOpen(page, 'Muutoshistoria');
  await withDialogOpen(page, 'Päätä osallistuminen');
  await withDialogOpen(page, 'Kirjaa suostumuksen peruminen');
  for (const part of ['/consents', '/access-log', '/costs', '/measurements']) await visit(page, `${plan}${part}`);
  await page.goto(`${plan}/consents`);
  await withDialogOpen(page, /^Muuta:/);
  for (const path of ['/programs', '/password', '/accessibility']) await visit(page, path);
  // A family in the programme's target group, not yet enrolled, offers the enrolment dialog.
  await openFamily(page, 'Perhe Korhonen');
  await page.getByRole('tab', { name: 'Tarina ja arvio' }).click();
  await withDialogOpen(page, 'Liitä perhe ohjelmaan');
  await page.context().close();
});

test('axe, the workers: their families, every plan section they have, the usage screens', async ({ browser }) => {
  for (const worker of [familyWorker, schoolWorker]) {
    const page = await signedInPage(browser, worker);
    await expectNoAccessibilityViolations(page);
    const plan = await openVirtanen(page);
    await everyPlanSection(page);
    await visit(page, `${plan}/costs`);
    if (worker === familyWorker) await visit(page, '/service-usage/csv');
    await page.context().close();
  }
});

test('axe, the family on a phone: every plan section, the feedback form, consents with its dialog, access log, meter', async ({
  browser,
}) => {
  const coordinators = await signedInPage(browser, coordinator);
  await holdReviewToday(coordinators, await openVirtanen(coordinators));
  await coordinators.context().close();

  const page = await signedInPage(browser, guardian, phone);
  const plan = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Vastaa kysymyksiin' }).first().click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('radio', { name: '7', exact: true }).first().check();
  await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
  const confirming = page.getByRole('dialog');
  await expect(confirming).toBeVisible();
  await expectNoAccessibilityViolations(page);
  // Not sent: the question stays open for the family's own journey.
  await confirming.getByRole('button', { name: 'Sulje', exact: true }).click();
  await expect(confirming).toBeHidden();
  await everyPlanSection(page);
  await page.getByRole('tab', { name: 'Tarina ja arvio' }).click();
  await withDialogOpen(page, 'Peru suostumuksemme');
  for (const part of ['/access-log', '/measurements', '/consents']) await visit(page, `${plan}${part}`);
  await withDialogOpen(page, /^Muuta:/);
  await page.context().close();
});

test('axe, the manager and the administrator: figures, programmes, reference costs, administration and its dialogs', async ({
  browser,
}) => {
  const managers = await signedInPage(browser, manager);
  await expectNoAccessibilityViolations(managers);
  for (const path of ['/programs', '/reference-costs']) await visit(managers, path);
  await managers.context().close();

  const admins = await signedInPage(browser, admin);
  for (const path of ['/admin/services', '/admin/accounts', '/admin/audit']) await visit(admins, path);
  await admins.goto('/admin/accounts');
  await withDialogOpen(admins, 'Lisää käyttäjätili');
  await withDialogOpen(admins, /^Muuta roolia ja palveluja:/);
  await withDialogOpen(admins, /^Sulje tili:/);
  await admins.goto('/admin/services');
  await withDialogOpen(admins, 'Lisää palvelu');
  await withDialogOpen(admins, /^Lakkauta palvelu:/);
  await admins.context().close();
});
