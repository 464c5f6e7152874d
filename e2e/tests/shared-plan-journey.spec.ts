import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { OutboxMail } from '@yhdessa/shared';
import { expectNoAccessibilityViolations } from './accessibility';
import { clinicWorker, coordinator, phone, schoolWorker, signedInPage, signIn, watchForNavigation } from './demo-users';

/** Unique per run, so the journey never meets a family or an address from an earlier run. */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const FAMILY = `Perhe Koivu ${run}`;
const GUARDIAN = `Maija Koivu ${run}`;
const CHILD = `Onni Koivu ${run}`;
const GUARDIAN_EMAIL = `maija.koivu.${run}@example.fi`;
const GUARDIAN_PASSWORD = 'Aamut-sujuvat-2026';
const GOAL = 'Onni jaksaa koulupäivän loppuun';
const SCHOOL = 'Koulun kuraattoripalvelut';
const CLINIC = 'Lastenneuvola';
const SCHOOL_ACTION = 'Kuraattori tapaa Onnia joka toinen viikko';
const CLINIC_ACTION = 'Unirytmin seuranta neuvolassa';
const CLINIC_NOTE = 'Neuvolakäynnillä sovittiin iltarutiinista. Seuraava käynti kuukauden päästä.';
const DECISIONS = 'Kuraattorin tapaamiset ja unirytmin seuranta jatkuvat. Seuraava arviointi kolmen kuukauden päästä.';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** The plan is in sections: the one named is opened from the section menu. */
async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** Today in the municipality: a review is held on its day or later, so the journey meets today. */
const helsinkiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());

async function createFamily(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uusi perhe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi perhe' });
  await dialog.getByRole('textbox', { name: 'Perheen nimi' }).fill(FAMILY);
  const first = dialog.getByRole('group', { name: 'Jäsen 1' });
  await first.getByRole('textbox', { name: 'Nimi' }).fill(GUARDIAN);
  await first.getByRole('textbox', { name: 'Syntymävuosi' }).fill('1988');
  await dialog.getByRole('button', { name: 'Lisää jäsen' }).click();
  const second = dialog.getByRole('group', { name: 'Jäsen 2' });
  await second.getByRole('textbox', { name: 'Nimi' }).fill(CHILD);
  await second.getByRole('textbox', { name: 'Syntymävuosi' }).fill('2016');
  await dialog.getByRole('button', { name: 'Luo perhe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
}

async function inviteService(page: Page, service: string): Promise<void> {
  await openSection(page, 'Palvelut ja tehtävät');
  const services = region(page, 'Palvelut ja niiden tehtävät');
  await services.getByRole('button', { name: 'Kutsu palvelu' }).click();
  const select = services.getByRole('combobox', { name: 'Palvelu' });
  const option = select.locator('option', { hasText: service });
  await select.selectOption((await option.getAttribute('value')) ?? '');
  await services.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(region(page, service).getByText('Kutsuttu')).toBeVisible();
}

/** The worker answers from their workspace, naming themself responsible, and opens the family's plan. */
async function acceptInvitation(page: Page, service: string, worker: string): Promise<void> {
  const invitation = page.getByRole('article', { name: `${FAMILY}: ${service}` });
  await invitation.getByRole('button', { name: 'Hyväksy' }).click();
  await expect(invitation.getByText(`Vastuutyöntekijäksi nimetään ${worker} (sinä).`)).toBeVisible();
  await invitation.getByRole('button', { name: 'Hyväksy kutsu' }).click();
  await expect(invitation).toHaveCount(0);
  // A worker may have more families than one page holds: they find the new one by its name.
  const mine = region(page, 'Omat perheet');
  await mine.getByRole('searchbox', { name: 'Hae nimellä' }).fill(FAMILY);
  await mine.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
}

async function addOwnAction(page: Page, service: string, title: string, owner: string): Promise<void> {
  await openSection(page, 'Palvelut ja tehtävät');
  const role = region(page, service);
  await role.getByRole('button', { name: 'Lisää tehtävä' }).click();
  const form = role.getByRole('form', { name: `Uusi tehtävä: ${service}` });
  await form.getByRole('textbox', { name: 'Tehtävä' }).fill(title);
  await form.getByRole('textbox', { name: 'Kuka tekee' }).fill(owner);
  await form.getByRole('button', { name: 'Tallenna tehtävä' }).click();
  await expect(role.getByText(title)).toBeVisible();
}

async function writeNoteForFamily(page: Page, body: string): Promise<void> {
  await openSection(page, 'Kirjaukset');
  const notes = region(page, 'Kirjaukset');
  await notes.getByRole('textbox', { name: 'Uusi kirjaus' }).fill(body);
  await notes.getByRole('radio', { name: 'Myös perhe' }).check();
  await notes.getByRole('button', { name: 'Tallenna kirjaus' }).click();
  await expect(notes.getByRole('status')).toHaveText('Kirjaus tallennettu.');
}

async function invitationLinkFor(page: Page, email: string): Promise<string> {
  const response = await page.request.get('/api/demo/outbox');
  expect(response.ok()).toBe(true);
  const mail = ((await response.json()) as OutboxMail[]).find((each) => each.to === email);
  const link = mail?.body.match(/https?:\/\/\S+\/kutsu\/[\w-]+/)?.[0];
  if (!link) throw new Error(`no invitation mail to ${email} in the demo outbox`);
  return link;
}

async function newPhonePage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: phone })).newPage();
}

test('when a coordinator, two services and the family work on one new plan at once, then each sees the others live and the family sees its plan on a phone', async ({
  browser,
}) => {
  test.slow();
  const coordinatorPage = await signedInPage(browser, coordinator);

  await test.step('the coordinator opens a new family case with a guardian and a child, and writes its first goal', async () => {
    await createFamily(coordinatorPage);
    const members = region(coordinatorPage, 'Perheenjäsenet');
    await expect(members.getByText(GUARDIAN)).toBeVisible();
    await expect(members.getByText('lapsi, s. 2016')).toBeVisible();

    const goals = region(coordinatorPage, 'Tavoitteet');
    await goals.getByRole('button', { name: 'Lisää tavoite' }).click();
    await goals.getByRole('textbox', { name: /^Tavoite\b/ }).fill(GOAL);
    await goals.getByRole('button', { name: 'Tallenna tavoite' }).click();
    await expect(goals.getByRole('heading', { name: GOAL })).toBeVisible();
  });

  await test.step('the coordinator invites school social work and the child health clinic; both show as invited', async () => {
    await inviteService(coordinatorPage, SCHOOL);
    await inviteService(coordinatorPage, CLINIC);
    for (const service of [SCHOOL, CLINIC])
      await expect(region(coordinatorPage, service).getByText('Ei vielä nimetty')).toBeVisible();
  });

  const coordinatorNavigation = watchForNavigation(coordinatorPage);
  const [schoolPage, clinicPage] = await Promise.all([signedInPage(browser, schoolWorker), signedInPage(browser, clinicWorker)]);

  await test.step('each worker accepts from their own workspace; the coordinator sees who answers for each service', async () => {
    await Promise.all([acceptInvitation(schoolPage, SCHOOL, 'Hanna Kivelä'), acceptInvitation(clinicPage, CLINIC, 'Liisa Aho')]);
    await expect(region(coordinatorPage, SCHOOL).getByText('Hanna Kivelä', { exact: true })).toBeVisible();
    await expect(region(coordinatorPage, CLINIC).getByText('Liisa Aho', { exact: true })).toBeVisible();
    await expect(region(coordinatorPage, SCHOOL).getByText('Mukana')).toBeVisible();
  });

  await test.step('both workers edit their own parts at the same time; the coordinator sees both without reloading', async () => {
    await Promise.all([
      addOwnAction(schoolPage, SCHOOL, SCHOOL_ACTION, 'Hanna Kivelä'),
      (async () => {
        await addOwnAction(clinicPage, CLINIC, CLINIC_ACTION, 'Liisa Aho');
        await writeNoteForFamily(clinicPage, CLINIC_NOTE);
      })(),
    ]);
    await expect(region(coordinatorPage, SCHOOL).getByText(SCHOOL_ACTION)).toBeVisible();
    await expect(region(coordinatorPage, CLINIC).getByText(CLINIC_ACTION)).toBeVisible();
    await openSection(coordinatorPage, 'Kirjaukset');
    await expect(region(coordinatorPage, 'Kirjaukset').getByText(CLINIC_NOTE)).toBeVisible();
    expect(coordinatorNavigation.navigated()).toBe(false);
  });

  await test.step("a worker has no control over the other service's part", async () => {
    await openSection(schoolPage, 'Palvelut ja tehtävät');
    const clinicAsSeenBySchool = region(schoolPage, CLINIC);
    await expect(clinicAsSeenBySchool.getByText(CLINIC_ACTION)).toBeVisible();
    await expect(clinicAsSeenBySchool.getByText('Tila: Suunniteltu')).toBeVisible();
    await expect(clinicAsSeenBySchool.getByRole('combobox')).toHaveCount(0);
    // She may comment on its actions, nothing more: no edit, no new action, no ending the role.
    await expect(clinicAsSeenBySchool.getByRole('button', { name: /Muokkaa|Lisää|Päätä/ })).toHaveCount(0);
    await expect(clinicAsSeenBySchool.getByRole('button', { name: /^Kommentoi/ }).first()).toBeVisible();
    await expect(region(schoolPage, SCHOOL).getByRole('combobox', { name: `Tila: ${SCHOOL_ACTION}` })).toBeEnabled();
    // Her notes go only on her own service's part: there is no choice of whose note it is.
    await openSection(schoolPage, 'Kirjaukset');
    await expect(region(schoolPage, 'Kirjaukset').getByRole('combobox', { name: 'Kenen kirjaus' })).toHaveCount(0);
    await Promise.all([schoolPage.context().close(), clinicPage.context().close()]);
  });

  await test.step('the coordinator schedules a review, records a decision and completes it; version 1 is frozen', async () => {
    await openSection(coordinatorPage, 'Palaverit');
    const reviews = region(coordinatorPage, 'Arviointipalaverit ja versiot');
    await expect(reviews.getByText('Versioita syntyy, kun arviointipalaveri päätetään.')).toBeVisible();
    await reviews.getByRole('button', { name: 'Sovi arviointipalaveri' }).click();
    await reviews.getByLabel(/^Päivä/).fill(helsinkiToday());
    await reviews.getByRole('textbox', { name: /Osallistujat/ }).fill(`${GUARDIAN}\nHanna Kivelä\nLiisa Aho`);
    await reviews.getByRole('button', { name: 'Tallenna palaveri' }).click();

    const review = reviews.getByRole('article', { name: /^Arviointipalaveri / });
    await review.getByRole('textbox', { name: 'Päätökset' }).fill(DECISIONS);
    await review.getByRole('button', { name: 'Tallenna muistiinpanot' }).click();
    await expect(review.getByRole('status')).toHaveText('Tallennettu.');
    await review.getByRole('button', { name: 'Päätä palaveri' }).click();
    await coordinatorPage
      .getByRole('dialog', { name: 'Päätetäänkö palaveri?' })
      .getByRole('button', { name: 'Päätä ja tallenna versio' })
      .click();

    const versions = region(coordinatorPage, 'Suunnitelman versiot');
    await expect(versions.getByRole('listitem')).toHaveCount(1);
    await expect(versions.getByRole('listitem')).toHaveText(/^Versio 1, /);
    const completed = reviews.getByRole('article').filter({ hasText: 'suunnitelman versio 1' });
    await completed.getByText(/suunnitelman versio 1/).click();
    await expect(completed.getByText(DECISIONS)).toBeVisible();
    await expect(reviews.getByText('Seuraavaa arviointipalaveria ei ole sovittu.')).toBeVisible();
  });

  await test.step('the coordinator invites the guardian; she sets her password with the link from the outbox', async () => {
    await openSection(coordinatorPage, 'Yleiskuva');
    const members = region(coordinatorPage, 'Perheenjäsenet');
    await members.getByRole('button', { name: 'Kutsu perheenjäsen' }).click();
    await members.getByRole('combobox', { name: 'Kuka kutsutaan' }).selectOption({ label: `${GUARDIAN} (huoltaja)` });
    await members.getByRole('textbox', { name: 'Sähköposti' }).fill(GUARDIAN_EMAIL);
    await members.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await expect(members.getByRole('status')).toContainText(`Linkki lähti osoitteeseen ${GUARDIAN_EMAIL}.`);
  });

  const familyPage = await newPhonePage(browser);
  await test.step('on her phone, the guardian sets a password, signs in and sees goals, services and their actions', async () => {
    await familyPage.goto(await invitationLinkFor(coordinatorPage, GUARDIAN_EMAIL));
    await expect(
      familyPage.getByText('Sari Lehtonen kutsui sinut katsomaan ja täydentämään perheenne yhteistä suunnitelmaa.'),
    ).toBeVisible();
    await familyPage.getByLabel('Uusi salasana').fill(GUARDIAN_PASSWORD);
    await familyPage.getByLabel('Salasana uudelleen').fill(GUARDIAN_PASSWORD);
    await familyPage.getByRole('button', { name: 'Aseta salasana' }).click();
    await expect(familyPage.getByText('Salasana on asetettu. Kirjaudu nyt sisään uudella salasanallasi.')).toBeVisible();
    // One family: she lands on its plan.
    await signIn(familyPage, GUARDIAN_EMAIL, GUARDIAN_PASSWORD, FAMILY);

    await openSection(familyPage, 'Tavoitteet');
    await expect(region(familyPage, 'Tavoitteet').getByRole('heading', { name: GOAL })).toBeVisible();
    await openSection(familyPage, 'Palvelut ja tehtävät');
    await expect(region(familyPage, SCHOOL).getByText(SCHOOL_ACTION)).toBeVisible();
    await expect(region(familyPage, SCHOOL).getByText('Hanna Kivelä', { exact: true })).toBeVisible();
    await expect(region(familyPage, CLINIC).getByText(CLINIC_ACTION)).toBeVisible();
    // The family changes only its own actions: the services' statuses are for reading.
    await expect(region(familyPage, CLINIC).getByRole('combobox')).toHaveCount(0);
    await openSection(familyPage, 'Kirjaukset');
    await expect(region(familyPage, 'Kirjaukset').getByText(CLINIC_NOTE)).toBeVisible();
    // Nothing is wider than the phone, and the plan passes WCAG 2.1 A/AA checks there.
    expect(await familyPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAccessibilityViolations(familyPage);
  });
});
