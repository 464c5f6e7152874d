import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, familyWorker, phone, signedInPage, watchForNavigation } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const FAMILY_WORK = 'Lastensuojelun perhetyö';
/** Unique per run, so the journey never meets a task from an earlier run. */
const TASK = `Kotikäynti koulun jälkeen ${Date.now().toString(36)}`;

/** The bell's name tells how many are unread, as a screen reader hears it. */
const bellName = (unread: number) =>
  unread === 0 ? 'Ilmoitukset, ei lukemattomia' : `Ilmoitukset, ${unread} ${unread === 1 ? 'lukematon' : 'lukematonta'}`;

const bellOf = (page: Page) => page.getByRole('button', { name: /^Ilmoitukset, / });

async function unreadOf(page: Page): Promise<number> {
  const name = (await bellOf(page).getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

async function addTaskForFamilyWork(page: Page): Promise<void> {
  await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await page.getByRole('tab', { name: 'Palvelut ja tehtävät' }).click();
  const role = page.getByRole('region', { name: FAMILY_WORK, exact: true });
  await role.getByRole('button', { name: 'Lisää tehtävä' }).click();
  const form = role.getByRole('form', { name: `Uusi tehtävä: ${FAMILY_WORK}` });
  await form.getByRole('textbox', { name: 'Tehtävä' }).fill(TASK);
  await form.getByRole('textbox', { name: 'Kuka tekee' }).fill('Mikko Salo');
  await form.getByRole('button', { name: 'Tallenna tehtävä' }).click();
  await expect(role.getByText(TASK)).toBeVisible();
}

test("when the coordinator gives family work a new task, then its worker's bell counts it live, the list leads to the task and the count drops", async ({
  browser,
}) => {
  const workerPage = await signedInPage(browser, familyWorker);
  // The bell names its count once it has it. The demo may hold notifications already (an action
  // that fell overdue): the journey counts from there.
  await expect(bellOf(workerPage)).toBeVisible();
  const before = await unreadOf(workerPage);
  const workerNavigation = watchForNavigation(workerPage);

  const coordinatorPage = await signedInPage(browser, coordinator);
  await addTaskForFamilyWork(coordinatorPage);

  // In the worker's own browser, without a reload.
  await expect(bellOf(workerPage)).toHaveAccessibleName(bellName(before + 1));
  expect(workerNavigation.navigated()).toBe(false);
  // The coordinator made the change and is not told of it.
  await expect(bellOf(coordinatorPage)).toBeVisible();

  await bellOf(workerPage).click();
  const list = workerPage.getByRole('dialog', { name: 'Ilmoitukset' });
  const item = list.getByRole('link', {
    name: `Lukematon: ${FAMILY}: Uusi tehtävä palvelulle ${FAMILY_WORK}: ${TASK}`,
  });
  await expect(item).toBeVisible();
  await expectNoAccessibilityViolations(workerPage);

  await item.click();
  await expect(workerPage.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(workerPage).toHaveURL(/[?&]section=services/);
  await expect(workerPage.getByRole('tab', { name: 'Palvelut ja tehtävät' })).toHaveAttribute('aria-selected', 'true');
  await expect(workerPage.getByRole('region', { name: FAMILY_WORK, exact: true }).getByText(TASK)).toBeVisible();
  await expect(bellOf(workerPage)).toHaveAccessibleName(bellName(before));
});

test('when the worker opens the bell and its settings on a phone, then both fit and pass axe', async ({ browser }) => {
  const page = await signedInPage(browser, familyWorker, phone);
  await bellOf(page).click();
  const list = page.getByRole('dialog', { name: 'Ilmoitukset' });
  await expect(list.getByRole('heading', { name: 'Ilmoitukset' })).toBeVisible();
  const box = await list.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
  await expectNoAccessibilityViolations(page);

  await list.getByRole('link', { name: 'Ilmoitusasetukset' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ilmoitusasetukset' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Näytä sovelluksessa: Uusi tehtävä sinulle tai palvelullesi' })).toBeChecked();
  await expectNoAccessibilityViolations(page);
});
