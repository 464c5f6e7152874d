import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, phone, signedInPage } from './demo-users';

test('accessibility statement: a signed-out reader reaches it from the sign-in page and it passes axe on a phone', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('contentinfo').getByRole('link', { name: 'Saavutettavuusseloste' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeVisible();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: 'EN English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await context.close();
});

test('accessibility of the named dialog: the new family dialog, its field errors and the duplicate warning pass axe', async ({
  browser,
}) => {
  const page = await signedInPage(browser, coordinator);
  await page.getByRole('button', { name: 'Uusi perhe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi perhe' });
  await expect(dialog.getByRole('button', { name: 'Sulje' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Inline field errors, in the theme's error red.
  await dialog.getByRole('button', { name: 'Luo perhe' }).click();
  await expect(dialog.getByText('Kirjoita perheen nimi.')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // A member of a demo family: the server answers with a possible duplicate and creates nothing.
  await dialog.getByRole('textbox', { name: 'Perheen nimi' }).fill('Perhe Virtanen');
  const member = dialog.getByRole('group', { name: 'Jäsen 1' });
  await member.getByRole('textbox', { name: 'Nimi' }).fill('Anna Virtanen');
  await member.getByRole('textbox', { name: 'Syntymävuosi' }).fill('1988');
  await dialog.getByRole('button', { name: 'Luo perhe' }).click();
  await expect(dialog.getByText('Perhe voi olla jo olemassa')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await dialog.getByRole('button', { name: 'Sulje' }).click();
  await expect(dialog).toBeHidden();
  await page.context().close();
});
