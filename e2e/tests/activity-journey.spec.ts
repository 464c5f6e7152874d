import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, familyWorker, guardian, phone, signedInPage } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const ACTION = 'Aamurutiinien suunnitelma yhdessä perheen kanssa';
const MARKED_DONE = `Mikko Salo merkitsi tehtävän ”${ACTION}” tehdyksi`;

/** The family's plan at its "Muutokset" section, from the first screen after signing in. */
async function openChanges(page: Page): Promise<ReturnType<Page['getByRole']>> {
  const heading = page.getByRole('heading', { level: 1, name: FAMILY });
  if (!(await heading.isVisible())) await page.getByRole('link', { name: FAMILY, exact: true }).click();
  await expect(heading).toBeVisible();
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
  await page.getByRole('tab', { name: 'Muutokset' }).click();
  const feed = page.getByRole('region', { name: 'Mitä on muuttunut' });
  await expect(
    feed
      .getByRole('heading', { level: 3 })
      .or(feed.getByText(/ei ole vielä/))
      .first(),
  ).toBeVisible();
  return feed;
}

test('when a worker marks his action done, then the coordinator reads it in the family’s changes at once and in her workspace, and the family on its phone', async ({
  browser,
}) => {
  const coordinatorPage = await signedInPage(browser, coordinator);
  const coordinatorFeed = await openChanges(coordinatorPage);
  await expect(coordinatorFeed.getByText(MARKED_DONE)).toHaveCount(0);

  // Mikko marks his own action done on his own plan.
  const workerPage = await signedInPage(browser, familyWorker);
  await workerPage.getByRole('link', { name: FAMILY, exact: true }).click();
  await workerPage.getByRole('tab', { name: 'Palvelut ja tehtävät' }).click();
  const status = workerPage.getByRole('combobox', { name: `Tila: ${ACTION}` });
  await status.selectOption('done');
  await expect(workerPage.getByText('Tila tallennettu: Tehty')).toBeVisible();

  // The coordinator's open feed shows it without a reload, under today, with who he is to the family.
  const line = coordinatorFeed.getByRole('listitem').filter({ hasText: MARKED_DONE });
  await expect(line).toBeVisible();
  await expect(line).toContainText(/Lastensuojelun perhetyö · klo \d\d\.\d\d/);
  await expect(coordinatorFeed.getByRole('heading', { level: 3 }).first()).toHaveText('Tänään');
  await expectNoAccessibilityViolations(coordinatorPage);

  // Her workspace says it in the same words, linked to the family's changes.
  await coordinatorPage.goto('/');
  const card = coordinatorPage.getByRole('region', { name: 'Muutokset viimeisen vuorokauden aikana' });
  await card.getByRole('link', { name: MARKED_DONE }).click();
  await expect(coordinatorPage.getByRole('tab', { name: 'Muutokset', selected: true })).toBeVisible();
  await expect(coordinatorPage.getByRole('region', { name: 'Mitä on muuttunut' }).getByText(MARKED_DONE)).toBeVisible();

  // On a phone the workspace card keeps its count whole and shows only the newest few.
  const coordinatorPhone = await signedInPage(browser, coordinator, phone);
  const phoneCard = coordinatorPhone.getByRole('region', { name: 'Muutokset viimeisen vuorokauden aikana' });
  const count = phoneCard.getByText(/^\d+$/);
  await expect(count).toBeVisible();
  expect(await count.evaluate((badge) => badge.scrollWidth <= badge.clientWidth)).toBe(true);
  expect(Number(await count.textContent())).toBeGreaterThanOrEqual(1);
  expect(await phoneCard.getByRole('listitem').count()).toBeLessThanOrEqual(6);

  // Anna reads it on her phone in plain words: Mikko by his service, her contact person by that name.
  const familyPage = await signedInPage(browser, guardian, phone);
  const familyFeed = await openChanges(familyPage);
  const familyLine = familyFeed.getByRole('listitem').filter({ hasText: MARKED_DONE });
  await expect(familyLine).toContainText('Lastensuojelun perhetyö');
  expect(await familyPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await expectNoAccessibilityViolations(familyPage);
});
