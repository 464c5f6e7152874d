import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, laptop, signIn, signedInPage } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const OWN_ACTION = 'Kotikäynnit kerran viikossa';
const statusOf = (page: Page) => page.getByRole('combobox', { name: `Tila: ${OWN_ACTION}` });
const notes = (page: Page) => page.getByRole('region', { name: 'Kirjaukset' });
/** The header's count of changes waiting for the connection, as a screen reader hears it. */
const pendingCount = (page: Page) => page.getByRole('banner').getByText(/odottaa yhteyttä/);

async function openPlan(page: Page): Promise<string> {
  await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
  return new URL(page.url()).pathname;
}

async function openSection(page: Page, name: 'Palvelut ja tehtävät' | 'Kirjaukset'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
}

test('when the coordinator changes a status and writes a note offline, then both wait on screen, outlive the closed tab and reach the others once the connection is back', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: laptop });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, coordinator);
  const planPath = await openPlan(page);
  // Another of the coordinator's screens follows the plan live.
  const watcher = await signedInPage(browser, coordinator);
  await openPlan(watcher);

  await openSection(page, 'Palvelut ja tehtävät');
  const before = await statusOf(page).inputValue();
  const next = before === 'done' ? 'in_progress' : 'done';
  const note = `Kirjoitettu ilman yhteyttä ${Date.now()}`;

  await context.setOffline(true);
  await statusOf(page).selectOption(next);
  await expect(page.getByRole('main').getByText('Odottaa yhteyttä', { exact: true })).toBeVisible();
  await expect(pendingCount(page)).toHaveText('1 muutos odottaa yhteyttä');
  await openSection(page, 'Kirjaukset');
  await notes(page)
    .getByRole('textbox', { name: /Uusi kirjaus/ })
    .fill(note);
  await notes(page).getByRole('button', { name: 'Tallenna kirjaus' }).click();
  const waiting = notes(page).getByRole('list', { name: 'Lähettämättömät kirjaukset' });
  await expect(waiting).toContainText(note);
  await expect(waiting).toContainText('Odottaa yhteyttä');
  await expect(pendingCount(page)).toHaveText('2 muutosta odottaa yhteyttä');
  await expectNoAccessibilityViolations(page);

  // Nothing has left the browser: the other screen still has the plan as it was.
  await openSection(watcher, 'Palvelut ja tehtävät');
  await expect(statusOf(watcher)).toHaveValue(before);

  // The tab is closed before the connection returns; the edits wait in the browser.
  await page.close();
  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto(`${planPath}?section=notes`);
  await expect(notes(reopened).getByText(note)).toBeVisible();
  await expect(notes(reopened).getByRole('list', { name: 'Lähettämättömät kirjaukset' })).toHaveCount(0);
  await expect(pendingCount(reopened)).toHaveCount(0);

  // The other screen sees both arrive live.
  await expect(statusOf(watcher)).toHaveValue(next);
  await openSection(watcher, 'Kirjaukset');
  await expect(notes(watcher).getByText(note)).toBeVisible();
});

test('when the session ends while a note is being written, then signing in again says why and returns to the note as it was', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: laptop });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, coordinator);
  await openPlan(page);
  await openSection(page, 'Kirjaukset');
  const draft = `Kesken jäänyt ajatus ${Date.now()}`;
  await notes(page)
    .getByRole('textbox', { name: /Uusi kirjaus/ })
    .fill(draft);

  // The session is gone from this browser; the next change anyone makes has the plan read again.
  await context.clearCookies();
  const other = await signedInPage(browser, coordinator);
  await openPlan(other);
  await openSection(other, 'Palvelut ja tehtävät');
  const before = await statusOf(other).inputValue();
  await statusOf(other).selectOption(before === 'done' ? 'in_progress' : 'done');

  await expect(page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Istuntosi päättyi');
  await signIn(page, coordinator, undefined, FAMILY);
  expect(new URL(page.url()).search).toBe('?section=notes');
  await expect(notes(page).getByRole('textbox', { name: /Uusi kirjaus/ })).toHaveValue(draft);
});
