import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { CatalogueService, CostCell, FamilyCosts, InsightsCosts, ServiceUsageList } from '@yhdessa/shared';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, familyWorker, manager, signedInPage, watchForNavigation } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const SERVICE = 'Lastensuojelun perhetyö';
/** The home visits the worker adds to last month. */
const ADDED_VISITS = 3;

/**
 * Last month (`YYYY-MM`) in the municipality. The demo's family work role started 60 days ago and
 * has a whole-month entry for every month since, so last month is always one the role ran in and
 * always recorded already: a new entry for it is refused and the worker corrects that entry.
 */
function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Euros as the page writes them, formatted by the browser's own Intl. */
const euros = (page: Page, cents: number) =>
  page.evaluate((cents) => new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100), cents);

/** A month as the usage list writes it, e.g. `marraskuu 2026`. */
const monthName = (page: Page, month: string) =>
  page.evaluate(
    (month) =>
      new Intl.DateTimeFormat('fi-FI', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
    month,
  );

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** The manager's figure for the service in the month: it must be drawn from five families or more. */
async function insightsCell(request: APIRequestContext, month: string): Promise<CostCell & { suppressed: false }> {
  const response = await request.get(`/api/insights/costs?year=${month.slice(0, 4)}`);
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain('Virtanen');
  const costs = (await response.json()) as InsightsCosts;
  const row = costs.byServiceMonth.rows.find((each) => each.label.fi === SERVICE);
  const cell = row?.cells[costs.byServiceMonth.columns.indexOf(month)];
  if (!cell || cell.suppressed) throw new Error(`no figure for ${SERVICE} in ${month}: ${JSON.stringify(cell)}`);
  expect(cell.families).toBeGreaterThanOrEqual(5);
  return cell;
}

/** The cell of the service and the month in the manager's table "Kustannukset palveluittain <year>". */
async function insightsCellOnPage(page: Page, month: string): Promise<Locator> {
  const year = month.slice(0, 4);
  await page.getByRole('combobox', { name: 'Vuosi' }).selectOption(year);
  const table = page.getByRole('table', { name: `Kustannukset palveluittain ${year}` });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SERVICE, exact: true }) });
  return row.getByRole('cell').nth(Number(month.slice(5, 7)) - 1);
}

async function openCosts(page: Page): Promise<string> {
  await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1, name: FAMILY })).toBeVisible();
  await page.getByRole('link', { name: 'Palvelut ja kustannukset' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Palvelut ja kustannukset' })).toBeVisible();
  return new URL(page.url()).pathname.split('/').at(-2) ?? '';
}

test("when a worker adds a month's home visits, then the coordinator's open costs screen shows the new total live and the manager's figure for the month rises by the same amount, without names", async ({
  browser,
}) => {
  test.slow();
  const month = lastMonth();
  const monthStart = `${month}-01`;

  const coordinatorPage = await signedInPage(browser, coordinator);
  const familyId = await openCosts(coordinatorPage);
  const coordinatorApi = coordinatorPage.request;
  const costsUrl = `/api/families/${familyId}/service-usage/costs`;
  const totalText = coordinatorPage.getByText(/^Perheen palvelut ovat maksaneet yhteensä /);
  const totalBefore = (await getJson<FamilyCosts>(coordinatorApi, costsUrl)).totalCents;
  await expect(totalText).toContainText(`yhteensä ${await euros(coordinatorPage, totalBefore)} asiakkuuden`);

  // The price of a visit valid on the month's first day, from the catalogue's price periods.
  const { services } = await getJson<{ services: CatalogueService[] }>(coordinatorApi, '/api/services');
  const priceCents = services
    .find((service) => service.name.fi === SERVICE)
    ?.prices.filter((period) => period.validFrom <= monthStart)
    .at(-1)?.unitCostCents;
  if (priceCents === undefined) throw new Error(`no price of ${SERVICE} on ${monthStart}`);

  const managerPage = await signedInPage(browser, manager);
  const figureBefore = await insightsCell(managerPage.request, month);
  await expect(await insightsCellOnPage(managerPage, month)).toHaveText(await euros(managerPage, figureBefore.costCents));

  const workerPage = await signedInPage(browser, familyWorker);
  await openCosts(workerPage);
  const recorded = (await getJson<ServiceUsageList>(workerPage.request, `/api/families/${familyId}/service-usage`)).usage.find(
    (entry) => entry.period === 'month' && entry.usedOn === monthStart,
  );
  if (!recorded) throw new Error(`the demo has no month entry for ${month}`);
  expect(recorded.unitCostCents).toBe(priceCents);
  const units = recorded.units + ADDED_VISITS;
  // Whole visits add whole multiples of the price: rounding the entry's cost to cents changes nothing.
  const addedCents = ADDED_VISITS * priceCents;

  const coordinatorNavigation = watchForNavigation(coordinatorPage);
  await test.step('the worker records the month; it is recorded already, so she corrects that entry', async () => {
    const form = workerPage.getByRole('form', { name: 'Kirjaa palvelun käyttö' });
    await form.getByRole('textbox', { name: 'Kuukausi', exact: true }).fill(month);
    await form.getByRole('textbox', { name: /^Määrä/ }).fill(String(ADDED_VISITS));
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      'Tämä aika on jo kirjattu. Korjaa olemassa olevaa kirjausta alla olevasta listasta.',
    );

    const entryName = `Korjaa kirjausta: ${SERVICE}, ${await monthName(workerPage, month)}`;
    const list = workerPage.getByRole('table', { name: 'Kirjattu palvelujen käyttö, uusimmat ensin' });
    await list.getByRole('button', { name: entryName }).click();
    const correction = list.getByRole('form', { name: entryName });
    await correction.getByRole('textbox', { name: 'Määrä' }).fill(String(units).replace('.', ','));
    await correction.getByRole('button', { name: 'Tallenna korjaus' }).click();
    await expect(correction).toHaveCount(0);
    await expect(list.getByRole('button', { name: entryName })).toBeVisible();
    await expectNoAccessibilityViolations(workerPage);
  });

  const totalAfter = totalBefore + addedCents;
  await test.step("the coordinator's costs screen shows the new total without reloading", async () => {
    await expect(totalText).toContainText(`yhteensä ${await euros(coordinatorPage, totalAfter)} asiakkuuden`);
    expect(coordinatorNavigation.navigated()).toBe(false);
    expect((await getJson<FamilyCosts>(coordinatorApi, costsUrl)).totalCents).toBe(totalAfter);
    await expectNoAccessibilityViolations(coordinatorPage);
  });

  await test.step("the manager's figure for the service and month rose by the same amount, and names no family", async () => {
    const figureAfter = await insightsCell(managerPage.request, month);
    expect(figureAfter).toEqual({ ...figureBefore, costCents: figureBefore.costCents + addedCents });
    await managerPage.reload();
    await expect(managerPage.getByRole('heading', { level: 1, name: 'Johdon näkymä' })).toBeVisible();
    await expect(await insightsCellOnPage(managerPage, month)).toHaveText(await euros(managerPage, figureAfter.costCents));
    const page = await managerPage.content();
    expect(page).not.toContain('Virtanen');
    expect(page).not.toContain(familyId);
    await expectNoAccessibilityViolations(managerPage);
  });
});
