import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, familyWorker, schoolWorker, signedInPage } from './demo-users';

/** Unique per run, so the journey never meets a family from an earlier run. */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const FAMILY = `Perhe Laakso ${run}`;
const FAMILY_WORK = 'Lastensuojelun perhetyö';
const SCHOOL = 'Koulun kuraattoripalvelut';
const MESSAGE = 'Iltapäivät ovat perheelle vaikeita. Toivomme kotikäyntejä kahdesti viikossa.';
const REASON = 'Perhetyön jono on nyt noin kaksi kuukautta. Koulun kuraattori voisi aloittaa heti.';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

async function openServices(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Palvelut ja tehtävät' }).click();
  return region(page, 'Palvelut ja niiden tehtävät');
}

async function chooseService(form: Locator, service: string): Promise<void> {
  const select = form.getByRole('combobox', { name: 'Palvelu' });
  const option = select.locator('option', { hasText: service });
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

/** The coordinator's new case, made through the API: the journey is about what follows. */
async function createFamily(page: Page): Promise<string> {
  const response = await page.request.post('/api/families', {
    data: {
      name: FAMILY,
      members: [{ name: `Laura Laakso ${run}`, relation: 'guardian', birthYear: 1987 }],
      confirmDuplicate: true,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('when a service declines an invitation with a reason, then the coordinator sees why on the plan and invites another service in its place', async ({
  browser,
}) => {
  test.slow();
  const coordinatorPage = await signedInPage(browser, coordinator);
  const familyId = await createFamily(coordinatorPage);

  await test.step('the coordinator invites family work with a message, counted as it is written', async () => {
    await coordinatorPage.goto(`/families/${familyId}`);
    await expect(coordinatorPage.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
    const services = await openServices(coordinatorPage);
    await services.getByRole('button', { name: 'Kutsu palvelu' }).click();
    const form = services.getByRole('form', { name: 'Kutsu palvelu suunnitelmaan' });
    await chooseService(form, FAMILY_WORK);
    await form.getByRole('textbox', { name: /Viesti palvelulle/ }).fill(MESSAGE);
    await expect(form.getByText(`${MESSAGE.length}/1000 merkkiä`)).toBeVisible();
    await expectNoAccessibilityViolations(coordinatorPage);
    await form.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await expect(region(coordinatorPage, FAMILY_WORK).getByText('Kutsuttu')).toBeVisible();
  });

  const workerPage = await signedInPage(browser, familyWorker);

  await test.step('the family worker reads the message where they answer, and declines with a reason', async () => {
    const invitation = workerPage.getByRole('article', { name: `${FAMILY}: ${FAMILY_WORK}` });
    await expect(invitation.getByText('Koordinaattorin viesti')).toBeVisible();
    await expect(invitation.getByText(MESSAGE)).toBeVisible();
    await expectNoAccessibilityViolations(workerPage);
    await invitation.getByRole('button', { name: 'Kieltäydy', exact: true }).click();
    await invitation.getByRole('button', { name: 'Kieltäydy kutsusta' }).click();
    await expect(invitation.getByText('Kirjoita syy.')).toBeVisible();
    await invitation.getByRole('textbox', { name: /Syy kieltäytymiseen/ }).fill(REASON);
    await expectNoAccessibilityViolations(workerPage);
    await invitation.getByRole('button', { name: 'Kieltäydy kutsusta' }).click();
    await expect(invitation).toHaveCount(0);
  });

  await test.step('the coordinator sees, live, who declined, when and why, where the service was', async () => {
    const services = region(coordinatorPage, 'Palvelut ja niiden tehtävät');
    const declined = services.getByRole('article', { name: `${FAMILY_WORK} kieltäytyi` });
    await expect(declined).toBeVisible();
    await expect(declined.getByText(/^Mikko Salo, \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}$/)).toBeVisible();
    await expect(declined.getByText(REASON)).toBeVisible();
    await expect(declined.getByText(MESSAGE)).toBeVisible();
    await expect(region(coordinatorPage, FAMILY_WORK)).toHaveCount(0);
    await expectNoAccessibilityViolations(coordinatorPage);
  });

  await test.step('from the declined card the coordinator invites school social work, the message carried over', async () => {
    const declined = coordinatorPage.getByRole('article', { name: `${FAMILY_WORK} kieltäytyi` });
    await declined.getByRole('button', { name: 'Kutsu toinen palvelu' }).click();
    const form = declined.getByRole('form', { name: `Kutsu toinen palvelu – ${FAMILY_WORK} kieltäytyi` });
    await expect(form.getByRole('textbox', { name: /Viesti palvelulle/ })).toHaveValue(MESSAGE);
    await chooseService(form, SCHOOL);
    await expectNoAccessibilityViolations(coordinatorPage);
    await form.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await expect(declined.getByText(`Tilalle kutsuttu: ${SCHOOL} · Kutsuttu`)).toBeVisible();
    await expect(declined.getByRole('button', { name: 'Kutsu toinen palvelu' })).toHaveCount(0);
    await expect(region(coordinatorPage, SCHOOL).getByText('Kutsuttu')).toBeVisible();
  });

  await test.step('the school social worker gets the invitation with the same message', async () => {
    const schoolPage = await signedInPage(browser, schoolWorker);
    const invitation = schoolPage.getByRole('article', { name: `${FAMILY}: ${SCHOOL}` });
    await expect(invitation.getByText(MESSAGE)).toBeVisible();
    await schoolPage.context().close();
  });

  await test.step("the coordinator's workspace says since when the school's answer is awaited and when it is reminded", async () => {
    await coordinatorPage.goto('/');
    const waiting = region(coordinatorPage, 'Vastaamattomat palvelukutsut');
    const item = waiting.getByRole('listitem').filter({ hasText: FAMILY });
    await expect(item).toContainText(SCHOOL);
    await expect(item).toContainText(/odottaa vastausta \d{1,2}\.\d{1,2}\.\d{4} alkaen/);
    await expect(item).toContainText(/muistutus lähtee \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}/);
    // The demo's early education has no worker with a login: its reminder went to its contact address.
    await expect(waiting.getByRole('listitem').filter({ hasText: 'Perhe Virtanen' })).toContainText(/muistutettu /);
    await expectNoAccessibilityViolations(coordinatorPage);
  });

  await workerPage.context().close();
  await coordinatorPage.context().close();
});
