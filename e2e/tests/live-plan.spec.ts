import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

/** Demo accounts seeded by DEMO=1 (apps/api/src/demo/demo-accounts.ts). */
const PASSWORD = 'Yhdessa-demo-2026';
const coordinator = 'sari.koordinaattori@varkaus-demo.fi';
const familyWorker = 'mikko.perhetyo@varkaus-demo.fi';
const FAMILY = 'Perhe Virtanen';
const OWN_ACTION = 'Kotikäynnit kerran viikossa';
const SCHOOL_ACTION = 'Poissaolojen seuranta ja viikkoviesti kotiin';

async function signedInPage(browser: Browser, email: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Sähköposti' }).fill(email);
  await page.getByRole('textbox', { name: 'Salasana' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Perheet' })).toBeVisible();
  return page;
}

async function openPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
}

test('when the coordinator changes an action, then the service worker sees it within a second without reloading', async ({
  browser,
}) => {
  const coordinatorPage = await signedInPage(browser, coordinator);
  const workerPage = await signedInPage(browser, familyWorker);
  await openPlan(coordinatorPage);
  await openPlan(workerPage);

  const workerSelect = workerPage.getByRole('combobox', { name: `Tila: ${OWN_ACTION}` });
  const before = await workerSelect.inputValue();
  const next = before === 'done' ? 'in_progress' : 'done';

  let workerReloaded = false;
  workerPage.on('framenavigated', (frame) => {
    if (frame === workerPage.mainFrame()) workerReloaded = true;
  });
  const started = Date.now();
  await coordinatorPage.getByRole('combobox', { name: `Tila: ${OWN_ACTION}` }).selectOption(next);
  await expect(workerSelect).toHaveValue(next, { timeout: 1000 });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(workerReloaded).toBe(false);

  // And back the other way: the worker changes their own service's action, the coordinator sees it.
  await workerSelect.selectOption(before);
  await expect(coordinatorPage.getByRole('combobox', { name: `Tila: ${OWN_ACTION}` })).toHaveValue(before, { timeout: 1000 });
});

test("when the worker tries to change another service's action, then the server refuses and nothing changes", async ({
  browser,
}) => {
  const workerPage = await signedInPage(browser, familyWorker);
  await openPlan(workerPage);
  const schoolSelect = workerPage.getByRole('combobox', { name: `Tila: ${SCHOOL_ACTION}` });
  const before = await schoolSelect.inputValue();
  await schoolSelect.selectOption(before === 'done' ? 'planned' : 'done');
  await expect(workerPage.getByText('Sinulla ei ole oikeutta muuttaa tätä tehtävää. Tila palautettiin ennalleen.')).toBeVisible();
  await expect(schoolSelect).toHaveValue(before);

  const coordinatorPage = await signedInPage(browser, coordinator);
  await openPlan(coordinatorPage);
  await expect(coordinatorPage.getByRole('combobox', { name: `Tila: ${SCHOOL_ACTION}` })).toHaveValue(before);
});

async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
}

test('when the screens are checked with axe, then the sign-in (phone), family list and plan have no WCAG 2.1 A/AA violations', async ({
  browser,
}) => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto('/');
  await expect(phone.getByRole('button', { name: 'Kirjaudu sisään' })).toBeVisible();
  await expectNoAccessibilityViolations(phone);

  const coordinatorPage = await signedInPage(browser, coordinator);
  await expectNoAccessibilityViolations(coordinatorPage);
  await openPlan(coordinatorPage);
  await expectNoAccessibilityViolations(coordinatorPage);
});
