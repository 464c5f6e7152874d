import { expect, type Browser, type Page } from '@playwright/test';

/** Demo accounts seeded by DEMO=1 (apps/api/src/demo/demo-accounts.ts); demo logins skip the second factor. */
export const DEMO_PASSWORD = 'Yhdessa-demo-2026';
export const coordinator = 'sari.koordinaattori@varkaus-demo.fi';
export const familyWorker = 'mikko.perhetyo@varkaus-demo.fi';
export const schoolWorker = 'hanna.koulu@varkaus-demo.fi';
export const clinicWorker = 'liisa.neuvola@varkaus-demo.fi';
export const manager = 'paivi.johtaja@varkaus-demo.fi';
export const guardian = 'anna.virtanen@example.fi';

export const admin = 'admin@varkaus-demo.fi';

/**
 * The heading of the first screen after signing in: professionals get their families, a manager the
 * figures, an administrator the administration, and a family with one case its plan.
 */
const landingHeading = (email: string) =>
  ({ [manager]: 'Johdon näkymä', [admin]: 'Ylläpito', [guardian]: 'Perhe Virtanen' })[email] ?? 'Perheet';

export const laptop = { width: 1366, height: 900 };
export const phone = { width: 390, height: 844 };

/** A browser context of its own, signed in through the sign-in page, on the user's first screen. */
export async function signedInPage(browser: Browser, email: string, viewport = laptop, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, email, password);
  return page;
}

export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  landing = landingHeading(email),
): Promise<void> {
  await page.getByRole('textbox', { name: 'Sähköposti' }).fill(email);
  await page.getByRole('textbox', { name: 'Salasana' }).fill(password);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByRole('heading', { level: 1, name: landing })).toBeVisible();
}

/**
 * Whether the page loaded a new document (a reload, a new address) after this call. Moving within
 * the app (a section of the plan kept in the address) is not a load.
 */
export function watchForNavigation(page: Page): { navigated: () => boolean } {
  let navigated = false;
  page.on('domcontentloaded', () => {
    navigated = true;
  });
  return { navigated: () => navigated };
}
