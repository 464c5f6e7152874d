import { expect, test, type Page } from '@playwright/test';
import type { Plan } from '@yhdessa/shared';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, familyWorker, phone as phoneViewport, signedInPage, watchForNavigation } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const OWN_ACTION = 'Kotikäynnit kerran viikossa';
const SCHOOL_ACTION = 'Poissaolojen seuranta ja viikkoviesti kotiin';

async function openPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
  // The services' actions are a section of their own.
  await page.getByRole('tab', { name: 'Palvelut ja tehtävät' }).click();
}

/**
 * Milliseconds from the moment one page's select is changed to the moment another page shows the
 * new value. Both ends are timed inside the browsers by the machine's clock, so the test runner's
 * own delays on a busy machine are not counted as the product's.
 */
async function liveUpdateDelay(from: Page, to: Page, label: string, value: string): Promise<number> {
  const shownAt = to.evaluate(
    ({ label, value }) =>
      new Promise<number>((resolve) => {
        const poll = setInterval(() => {
          const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${CSS.escape(label)}"]`);
          if (select?.value !== value) return;
          clearInterval(poll);
          resolve(Date.now());
        }, 5);
      }),
    { label, value },
  );
  await from.evaluate(() =>
    document.addEventListener('change', () => (document.documentElement.dataset.changedAt = String(Date.now())), {
      capture: true,
      once: true,
    }),
  );
  await from.getByRole('combobox', { name: label }).selectOption(value);
  await expect(to.getByRole('combobox', { name: label })).toHaveValue(value);
  const changedAt = Number(await from.evaluate(() => document.documentElement.dataset.changedAt));
  return (await shownAt) - changedAt;
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

  const workerNavigation = watchForNavigation(workerPage);
  expect(await liveUpdateDelay(coordinatorPage, workerPage, `Tila: ${OWN_ACTION}`, next)).toBeLessThan(1000);
  expect(workerNavigation.navigated()).toBe(false);

  // And back the other way: the worker changes their own service's action, the coordinator sees it.
  expect(await liveUpdateDelay(workerPage, coordinatorPage, `Tila: ${OWN_ACTION}`, before)).toBeLessThan(1000);
});

test("when the worker looks at another service's action, then there is no control to change it, and a change sent anyway is refused", async ({
  browser,
}) => {
  const workerPage = await signedInPage(browser, familyWorker);
  await openPlan(workerPage);
  const school = workerPage.getByRole('region', { name: 'Koulun kuraattoripalvelut' });
  await expect(school.getByText(SCHOOL_ACTION)).toBeVisible();
  await expect(school.getByText(/^Tila: /)).toBeVisible();
  await expect(school.getByRole('combobox')).toHaveCount(0);
  await expect(school.getByRole('button', { name: 'Lisää tehtävä' })).toHaveCount(0);

  // The server decides in the end: the change, sent from the worker's own session, is refused.
  const familyId = new URL(workerPage.url()).pathname.split('/').at(-1) ?? '';
  const attempt = await workerPage.evaluate(
    async ({ familyId, title }) => {
      const plan = (await (await fetch(`/api/families/${familyId}/plan`)).json()) as Plan;
      const action = plan.serviceRoles.flatMap((role) => role.actions).find((each) => each.title === title);
      if (!action) throw new Error(`no action ${title}`);
      const response = await fetch(`/api/families/${familyId}/actions/${action.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: action.status === 'done' ? 'planned' : 'done', version: action.version }),
      });
      const problem = (await response.json()) as { code: string; detail: string };
      return { status: response.status, code: problem.code, detail: problem.detail, before: action.status };
    },
    { familyId, title: SCHOOL_ACTION },
  );
  expect(attempt).toMatchObject({ status: 403, code: 'forbidden', detail: "You can change only your own service's actions." });

  const coordinatorPage = await signedInPage(browser, coordinator);
  await openPlan(coordinatorPage);
  await expect(coordinatorPage.getByRole('combobox', { name: `Tila: ${SCHOOL_ACTION}` })).toHaveValue(attempt.before);
});

test('when the screens are checked with axe, then the sign-in (phone), family list and plan have no WCAG 2.1 A/AA violations', async ({
  browser,
}) => {
  const phone = await (await browser.newContext({ viewport: phoneViewport })).newPage();
  await phone.goto('/');
  await expect(phone.getByRole('button', { name: 'Kirjaudu sisään' })).toBeVisible();
  await expectNoAccessibilityViolations(phone);

  const coordinatorPage = await signedInPage(browser, coordinator);
  await expectNoAccessibilityViolations(coordinatorPage);
  await openPlan(coordinatorPage);
  await expectNoAccessibilityViolations(coordinatorPage);
});
