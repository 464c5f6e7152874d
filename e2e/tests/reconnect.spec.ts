import { expect, request, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { coordinator, DEMO_PASSWORD, signIn } from './demo-users';
import { cuttableLink, ownServer, type CuttableLink, type OwnServer } from './own-server';

/**
 * A coordinator's plan stays true through a lost connection and a server restart: while the
 * browser is cut off, another session adds notes and actions and edits the story; once the
 * link is back, the screen shows exactly what a fresh read of the plan shows. The spec runs its
 * own API process behind a link it can cut, so it can also kill and restart that process.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const serverPort = Number(process.env.E2E_PORT ?? 3100) + 50;
let server: OwnServer;
let link: CuttableLink;
let origin: string;
let writer: APIRequestContext;
let familyPath: string;

test.beforeAll(async () => {
  link = await cuttableLink(serverPort);
  origin = `http://127.0.0.1:${link.port}`;
  server = ownServer(serverPort, origin);
  await server.start();
  writer = await signedInApi();
  const families = (await (await writer.get('/api/families?q=Virtanen')).json()) as { families: { id: string; name: string }[] };
  familyPath = `/families/${families.families.find((family) => family.name === 'Perhe Virtanen')!.id}`;
});

test.afterAll(async () => {
  await writer?.dispose();
  await server?.kill();
  await link?.close();
});

/** Another session of the coordinator, straight to the server: its changes go on while the browser is cut off. */
async function signedInApi(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: `http://127.0.0.1:${serverPort}` });
  const response = await api.post('/api/auth/login', { data: { email: coordinator, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return api;
}

async function openPlanThroughLink(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, coordinator);
  await page.goto(familyPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeVisible();
  // A section is drawn when first shown, then stays: each part of the plan is shown once, so every one is on the
  // page to compare. The record of changes ("Muutokset") is read only while it is shown, as before: it is left out.
  // Each wait is for the clicked tab's own panel: the section is in the address, and a click's navigation renders in
  // a transition, so the previous panel can still be the active one; clicking on then can leave a section never drawn.
  const tabs = page.getByRole('tab');
  for (const name of (await tabs.allInnerTexts()).filter((tab) => tab !== 'Muutokset')) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name }).getByRole('heading').first()).toBeVisible();
  }
  await page.getByRole('tab', { name: 'Yleiskuva' }).click();
  // Every drawn section has its code and its reads, shown or not.
  await expect(page.getByText('Ladataan…')).toHaveCount(0);
  await expect(page.getByText('Päivittyy reaaliajassa')).toBeVisible();
  return page;
}

/** A note, a new action, a changed action status and a story edit, as another person would make them. */
async function changeThePlan(api: APIRequestContext, mark: string): Promise<string[]> {
  const base = `/api${familyPath}`;
  const note = `Kirjaus ${mark}`;
  const action = `Tehtävä ${mark}`;
  const situation = `Tilanne ${mark}`;
  expect((await api.post(`${base}/notes`, { data: { serviceRoleId: null, body: note, visibility: 'professionals' } })).ok()).toBe(
    true,
  );
  expect((await api.post(`${base}/actions`, { data: { serviceRoleId: null, title: action } })).ok()).toBe(true);
  const story = (await (await api.get(`${base}/story`)).json()) as { background: string; strengths: string; version: number };
  const edited = await api.put(`${base}/story`, {
    data: { background: story.background, situation, strengths: story.strengths, version: story.version },
  });
  expect(edited.ok()).toBe(true);
  return [note, action, situation];
}

/** What the plan's sections say (all of them, shown or not), without the style rules the components write inline. */
async function planText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="tabpanel"]')]
      .map((panel) => {
        const copy = panel.cloneNode(true) as Element;
        for (const style of copy.querySelectorAll('style')) style.remove();
        return copy.textContent;
      })
      .join('\n'),
  );
}

async function expectEqualToFreshRead(page: Page, browser: Browser, added: string[]) {
  for (const text of added) await expect(page.getByText(text, { exact: true })).toHaveCount(1, { timeout: 30_000 });
  const fresh = await openPlanThroughLink(browser);
  // Compared once every section of both has loaded: on a busy machine the fresh one can still be reading.
  for (const shown of [page, fresh]) await expect(shown.getByText('Ladataan…')).toHaveCount(0, { timeout: 30_000 });
  expect(await planText(page)).toBe(await planText(fresh));
  await fresh.context().close();
}

for (const seconds of [5, 150]) {
  test(`when the browser is cut off for ${seconds} s while the plan changes, then afterwards it shows what the server has`, async ({
    browser,
  }) => {
    const page = await openPlanThroughLink(browser);
    link.cut();
    await expect(page.getByRole('alert').filter({ hasText: 'Yhteys katkesi' })).toBeVisible({ timeout: 15_000 });
    const added = await changeThePlan(writer, `${seconds} s`);
    await page.waitForTimeout(seconds * 1000);
    link.restore();

    await expect(page.getByText('Yhteys palasi. Näkymä päivittyy taas reaaliajassa.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/Sillä välin tulleet muutokset näkyvät nyt: .*1 kirjaus/)).toBeVisible();
    await expectEqualToFreshRead(page, browser, added);
    await page.context().close();
  });
}

test('when the server is killed and started again while the plan changes, then the browser reconnects and shows what the server has', async ({
  browser,
}) => {
  const page = await openPlanThroughLink(browser);
  link.cut();
  const beforeCrash = await changeThePlan(writer, 'ennen kaatumista');
  await server.kill();
  await server.start();
  const api = await signedInApi();
  const afterRestart = await changeThePlan(api, 'uudelleenkäynnistyksen jälkeen');
  await api.dispose();
  // The compiled server is back within seconds: keep the link cut until the browser has said it is down.
  await expect(page.getByRole('alert').filter({ hasText: 'Yhteys katkesi' })).toBeVisible({ timeout: 15_000 });
  link.restore();

  await expect(page.getByText('Yhteys palasi. Näkymä päivittyy taas reaaliajassa.')).toBeVisible({ timeout: 30_000 });
  // The story's situation was written twice: the later text is the one that stands.
  await expectEqualToFreshRead(page, browser, [...beforeCrash.slice(0, 2), ...afterRestart]);
  await page.context().close();
});

test('when the server stops answering for 12 s, then the browser says so within about 10 s and recovers when it answers again', async ({
  browser,
}) => {
  const page = await openPlanThroughLink(browser);
  const frozenAt = Date.now();
  server.freeze();
  try {
    // Pings every 4 s, 3 s to answer, the banner 3 s later: at most 10 s, with slack for a busy machine.
    await expect(page.getByRole('alert').filter({ hasText: 'Yhteys katkesi' })).toBeVisible({ timeout: 12_000 });
    test.info().annotations.push({ type: 'frozen server noticed after', description: `${Date.now() - frozenAt} ms` });
  } finally {
    server.thaw();
  }
  await expect(page.getByText('Yhteys palasi. Näkymä päivittyy taas reaaliajassa.')).toBeVisible({ timeout: 30_000 });
  await page.context().close();
});
