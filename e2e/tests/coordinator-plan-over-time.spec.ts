import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, laptop } from './demo-users';
import { signedInIn, text, uiLanguages } from './languages';

for (const language of uiLanguages) {
  test(`the coordinator keeps the plan over months (${language}): a goal written, edited and ended, an old version opened and compared`, async ({
    browser,
  }) => {
    const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
    const page = await signedInIn(browser, language, coordinator, laptop);
    await page
      .getByRole('link', { name: /Perhe Virtanen/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeVisible();
    await expect(page.getByRole('tab', { name: t('familyHome.section.overview') })).toHaveAttribute('aria-selected', 'true');

    // A new goal, in the family's words.
    const title = `${language}-${Date.now()}: ${t('goals.titleHint').slice(0, 40)}`;
    await page.getByRole('button', { name: t('goals.add') }).click();
    await page.getByRole('textbox', { name: t('goals.title'), exact: true }).fill(title);
    await page.getByRole('button', { name: t('goals.save') }).click();
    await expect(page.getByText(title, { exact: true })).toBeVisible();

    // Reworded.
    const edited = `${title} (2)`;
    await page.getByRole('button', { name: t('goals.editNamed', { title }) }).click();
    const form = page.getByRole('form', { name: t('goals.editNamed', { title }) });
    await form.getByRole('textbox', { name: t('goals.title'), exact: true }).fill(edited);
    await expectNoAccessibilityViolations(page);
    await form.getByRole('button', { name: t('goals.save') }).click();
    await expect(page.getByText(edited, { exact: true })).toBeVisible();

    // Ended: reached, today.
    await page.getByRole('button', { name: t('goals.endNamed', { title: edited }) }).click();
    const ending = page.getByRole('dialog', { name: t('goals.endTitle') });
    await expect(ending).toBeVisible();
    await ending.getByRole('radio', { name: t('ending.reached'), exact: true }).check();
    await expectNoAccessibilityViolations(page);
    await ending.getByRole('button', { name: t('goals.endSave') }).click();
    await expect(ending).toBeHidden();
    await expect(page.getByRole('button', { name: t('goals.reopenNamed', { title: edited }) })).toBeVisible();

    // Today's review meeting is held, which freezes the plan with the goal's ending as a new version.
    await page.getByRole('tab', { name: t('familyHome.section.meetings') }).click();
    const reviews = page.getByRole('region', { name: t('reviews.sectionTitle') });
    await reviews.getByRole('button', { name: t('reviews.schedule') }).click();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
    await reviews.getByLabel(new RegExp(`^${t('reviews.date')}`)).fill(today);
    await reviews.getByRole('button', { name: t('reviews.scheduleSave') }).click();
    // Today's is the one that can be completed now; the demo's next meeting is still ahead.
    await reviews
      .getByRole('button', { name: t('reviews.complete'), disabled: false })
      .first()
      .click();
    const completing = page.getByRole('dialog', { name: t('reviews.completeTitle') });
    await expect(completing).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await completing.getByRole('button', { name: t('reviews.completeConfirm') }).click();
    await expect(completing).toBeHidden();

    // An old version, read-only, then the difference between two versions in words.
    const firstVersion = page.getByRole('link', {
      name: new RegExp(`^${t('versionsAndPrint.openLabel', { version: 1, date: '' })}`),
    });
    await firstVersion.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeVisible();
    await expect(page.getByText(t('versionsAndPrint.pageTitle', { version: 1 }))).toBeVisible();
    await expect(page.getByText(t('versionsAndPrint.oldVersionTitle'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('goals.add') })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    await page.goBack();
    const compare = page.getByRole('form', { name: t('versionsAndPrint.compareTitle') });
    await compare.getByRole('button', { name: t('versions.compare') }).click();
    // The new, ended goal is told by its title in the meetings section, in words, never field keys.
    const meetings = page.getByRole('tabpanel', { name: t('familyHome.section.meetings') });
    await expect(meetings.getByText(edited, { exact: false }).first()).toBeVisible();
    await expect(meetings).not.toContainText(/latestProgress|targetOn|serviceRoleId|endedOn/);
    await expectNoAccessibilityViolations(page);
    await page.context().close();
  });
}
