import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { coordinator, familyWorker, guardian, phone, signIn } from '../tests/demo-users';
import type { Instance } from './cluster';

/**
 * Two API instances behind nginx (see cluster.ts): what one instance does reaches the browsers
 * whose live connection is on the other. Each browser's WebSocket is placed on the instance the
 * test needs by reloading until nginx's round robin puts it there (the `X-Upstream` header of
 * the WebSocket handshake names it); changes and sign-outs are sent to one instance directly.
 */
const { instances } = JSON.parse(process.env.MULTI_INSTANCE_CLUSTER ?? '{}') as { instances: [Instance, Instance] };
const [instanceA, instanceB] = instances;
const FAMILY = 'Perhe Virtanen';
const LIVE = 'Päivittyy reaaliajassa';

interface LiveView {
  page: Page;
  context: BrowserContext;
  /** The instance holding the page's current WebSocket. */
  instance(): Instance | undefined;
  /** Resolves when that WebSocket closes. */
  closed(): Promise<void>;
  cookie(): Promise<string>;
}

/** A signed-in browser on the family's plan, watching its WebSocket through the DevTools protocol. */
async function openPlan(browser: Browser, email: string): Promise<LiveView> {
  const context = await browser.newContext(email === guardian ? { viewport: phone } : undefined);
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.enable');
  const sockets = new Map<string, { instance?: Instance; closed: Promise<void>; close: () => void }>();
  let current: string | undefined;
  devtools.on('Network.webSocketCreated', ({ requestId, url }) => {
    if (!url.includes('/socket.io/')) return;
    let close = () => undefined as void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    sockets.set(requestId, { closed, close });
    current = requestId;
  });
  devtools.on('Network.webSocketHandshakeResponseReceived', ({ requestId, response }) => {
    const upstream = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'x-upstream')?.[1];
    const socket = sockets.get(requestId);
    if (socket) socket.instance = instances.find((instance) => instance.upstream === upstream);
  });
  devtools.on('Network.webSocketClosed', ({ requestId }) => sockets.get(requestId)?.close());

  await page.goto('/');
  await signIn(page, email);
  if (email !== guardian) await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await expect(page.getByText(LIVE)).toBeVisible();
  return {
    page,
    context,
    instance: () => (current ? sockets.get(current)?.instance : undefined),
    closed: () => sockets.get(current!)!.closed,
    cookie: async () => (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
  };
}

/** Reloads until the page's WebSocket is on the instance (round robin, so a few reloads at most). */
async function placeOn(view: LiveView, instance: Instance): Promise<void> {
  for (let attempt = 0; attempt < 12 && view.instance()?.name !== instance.name; attempt += 1) {
    // nginx takes turns per request, not per page: pages loading an even number of requests in
    // step would land their sockets on the same instance every time; one request more shifts the turn.
    if (attempt % 2 === 1) await view.page.request.get('/api/health');
    await view.page.reload();
    await expect(view.page.getByText(LIVE)).toBeVisible();
  }
  expect(view.instance()?.name).toBe(instance.name);
}

async function familyIdOf(cookie: string): Promise<string> {
  const response = await fetch(`${instanceA.url}/api/families`, { headers: { cookie } });
  const { families } = (await response.json()) as { families: { id: string; name: string }[] };
  return families.find((family) => family.name === FAMILY)!.id;
}

/** "Katsomassa nyt": the names on the page's presence line, sorted. */
async function viewersOn(page: Page): Promise<string[]> {
  // Each item's words, without the initials drawn beside them.
  return (await page.getByRole('list', { name: 'Katsomassa nyt' }).getByRole('listitem').locator('p').allTextContents()).sort();
}

test('when two instances serve the plan behind nginx, then edits, presence and sign-outs cross from one instance to the other', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const [sari, mikko, anna] = await Promise.all([
    openPlan(browser, coordinator),
    openPlan(browser, familyWorker),
    openPlan(browser, guardian),
  ]);
  await Promise.all([placeOn(sari, instanceA), placeOn(mikko, instanceB), placeOn(anna, instanceB)]);
  const familyId = await familyIdOf(await sari.cookie());

  await test.step('an edit sent to instance A reaches the family member whose connection is on instance B', async () => {
    const title = `Kahden palvelimen tavoite ${Date.now()}`;
    const created = await fetch(`${instanceA.url}/api/families/${familyId}/goals`, {
      method: 'POST',
      headers: { cookie: await sari.cookie(), 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    expect(created.status).toBe(201);
    await expect(anna.page.getByRole('tabpanel', { name: 'Mitä seuraavaksi' }).getByText(title)).toBeVisible({ timeout: 5_000 });
  });

  await test.step('presence is the same seen from either instance: everyone there, each seeing the others', async () => {
    const everyone = ['Mikko Salo (Lastensuojelun perhetyö)', 'Perheenjäsen', 'Sari Lehtonen (koordinaattori)'];
    await expect.poll(() => viewersOn(sari.page)).toEqual(everyone.filter((name) => !name.startsWith('Sari')));
    await expect.poll(() => viewersOn(mikko.page)).toEqual(everyone.filter((name) => !name.startsWith('Mikko')));
    // The family sees nothing until Anna asks to; her choice, saved through instance A, reaches her screen on B.
    await expect(anna.page.getByText(/katsoo suunnitelmaa juuri nyt/)).toHaveCount(0);
    const chosen = await fetch(`${instanceA.url}/api/families/${familyId}/presence-preference`, {
      method: 'PUT',
      headers: { cookie: await anna.cookie(), 'content-type': 'application/json' },
      body: JSON.stringify({ seesCoordinatorPresence: true }),
    });
    expect(chosen.status).toBe(200);
    await expect(anna.page.getByText('Yhteyshenkilönne Sari Lehtonen katsoo suunnitelmaa juuri nyt.')).toBeVisible();
  });

  await test.step('a sign-out on instance A closes the socket on instance B, and the others see the person go', async () => {
    const closed = mikko.closed();
    const signedOut = await fetch(`${instanceA.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: await mikko.cookie() },
    });
    expect(signedOut.status).toBe(204);
    await closed;
    await expect(mikko.page.getByText('Ei reaaliaikayhteyttä')).toBeVisible();
    await expect.poll(() => viewersOn(sari.page)).toEqual(['Perheenjäsen']);
  });

  await test.step('a closed tab on instance B leaves the presence seen on instance A at once', async () => {
    await anna.context.close();
    await expect(sari.page.getByRole('list', { name: 'Katsomassa nyt' })).toHaveCount(0);
  });
});
