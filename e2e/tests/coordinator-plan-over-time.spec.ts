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

    // Today's review meeting is held (through the API: the meeting is not this journey's subject),
    // which freezes the plan with the goal's ending as a new version.
    const familyApi = `/api${new URL(page.url()).pathname}`;
    const headers = { origin: new URL(page.url()).origin };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
    const scheduled = await page.request.post(`${familyApi}/reviews`, { data: { scheduledOn: today }, headers });
    expect(scheduled.status()).toBe(201);
    const review = (await scheduled.json()) as { id: string; version: number };
    const completed = await page.request.post(`${familyApi}/reviews/${review.id}/complete`, {
      data: { version: review.version },
      headers,
    });
    expect(completed.ok()).toBe(true);

    // An old version, read-only, then the difference between two versions in words.
    await page.reload();
    await page.getByRole('tab', { name: t('familyHome.section.meetings') }).click();
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
