import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, DEMO_PASSWORD, guardian, phone } from './demo-users';
import { signedInIn, text, uiLanguages } from './languages';

for (const language of uiLanguages) {
  test(`the family on a phone (${language}): next steps first, a story comment, others' views first, a consent change`, async ({
    browser,
  }) => {
    const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
    const page = await signedInIn(browser, language, guardian, phone);

    // One case: sign-in lands on the plan itself, what happens next on the first screen.
    await expect(page.getByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeVisible();
    await expect(page).toHaveURL(/\/families\/[0-9a-f-]+/);
    const familyPath = new URL(page.url()).pathname;
    await expect(page.getByRole('tab', { name: t('familyHome.section.home') })).toHaveAttribute('aria-selected', 'true');
    for (const heading of ['familyHome.ownTasksTitle', 'familyHome.nextMeetingTitle', 'familyHome.changesTitle'])
      await expect(page.getByRole('heading', { name: t(heading) })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The story, behind its section: the family comments on it.
    await page.getByRole('tab', { name: t('familyHome.section.story') }).click();
    await expect(page).toHaveURL(/section=story/);
    const comment = `${language}: ${t('comments.story.kind.comment')} ${Date.now()}`;
    await page.getByRole('textbox', { name: t('comments.story.label.comment') }).fill(comment);
    await page
      .getByRole('button', { name: t('comments.send') })
      .first()
      .click();
    await expect(page.getByText(comment)).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Who has looked at our information: the coordinator reads the plan, and is listed first; our
    // own views are hidden unless asked.
    const coordinatorsBrowser = await browser.newContext();
    const signIn = await coordinatorsBrowser.request.post('/api/auth/login', {
      data: { email: coordinator, password: DEMO_PASSWORD },
    });
    expect(signIn.ok()).toBe(true);
    expect((await coordinatorsBrowser.request.get(`/api${familyPath}/plan`)).ok()).toBe(true);
    await coordinatorsBrowser.close();
    await page.goto(`${familyPath}/access-log`);
    const groups = page.getByRole('list', { name: t('accessLogGroups.listLabel') });
    await expect(groups.getByRole('listitem').first()).toBeVisible();
    await expect(groups.getByRole('listitem').first()).toContainText('Sari Lehtonen');
    await expect(groups).not.toContainText('Anna Virtanen');
    await expect(page.getByRole('switch', { name: t('accessLogGroups.showOwnFamily') })).not.toBeChecked();
    await expectNoAccessibilityViolations(page);

    // What services see: one line per service, changed in a dialog, at once.
    await page.goto(`${familyPath}/consents`);
    const services = page.getByRole('list', { name: t('privacy.servicesList') });
    const firstService = services.getByRole('listitem').first();
    await expect(firstService).toBeVisible();
    await firstService.getByRole('button', { name: new RegExp(`^${t('privacy.change')}`) }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const goals = dialog.getByRole('switch', { name: new RegExp(t('consents.part.goals.title')) });
    const wasShared = await goals.isChecked();
    await goals.click();
    await expect(goals).toBeChecked({ checked: !wasShared });
    await expectNoAccessibilityViolations(page);
    const line = new RegExp(t('privacy.partObject.goals'));
    await dialog.getByRole('button', { name: t('privacy.done') }).click();
    await expect(dialog).toBeHidden();
    if (wasShared) await expect(firstService).not.toContainText(line);
    else await expect(firstService).toContainText(line);

    // And back as it was, so the demo family stays as it was.
    await firstService.getByRole('button', { name: new RegExp(`^${t('privacy.change')}`) }).click();
    await page
      .getByRole('dialog')
      .getByRole('switch', { name: new RegExp(t('consents.part.goals.title')) })
      .click();
    await expect(page.getByRole('dialog').getByRole('switch', { name: new RegExp(t('consents.part.goals.title')) })).toBeChecked({
      checked: wasShared,
    });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('privacy.done') })
      .click();
    await page.context().close();
  });
}
