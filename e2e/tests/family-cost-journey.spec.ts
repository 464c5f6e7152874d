import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { CatalogueService, CostCell, FamilyCosts, InsightsCosts, ServiceUsageList } from '@yhdessa/shared';
import { expectNoAccessibilityViolations } from './accessibility';
import { coordinator, familyWorker, manager, signedInPage, watchForNavigation } from './demo-users';

const FAMILY = 'Perhe Virtanen';
const SERVICE = 'Lastensuojelun perhetyö';
/** The home visits the worker records for this month. */
const ADDED_VISITS = 3;

/**
 * This month (`YYYY-MM`) in the municipality. The demo records each role's months up to last
 * month, as a service records a month once it is over, so this month is the worker's to record.
 */
const thisMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' }).format(new Date());

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
  await page.getByRole('combobox', { name: 'Vuosi', exact: true }).selectOption(year);
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

test("when a worker records a month's home visits, then the coordinator's open costs screen shows the new total live and the manager's figure for the month rises by the same amount, without names", async ({
  browser,
}) => {
  test.slow();
  const month = thisMonth();
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
  const usageUrl = `/api/families/${familyId}/service-usage`;
  const recordedOnMonth = async () =>
    (await getJson<ServiceUsageList>(workerPage.request, usageUrl)).usage.filter(
      (entry) => entry.period === 'month' && entry.usedOn === monthStart,
    );
  expect(await recordedOnMonth(), 'the demo leaves this month unrecorded').toEqual([]);
  // Whole visits add whole multiples of the price: rounding the entry's cost to cents changes nothing.
  const addedCents = ADDED_VISITS * priceCents;

  const coordinatorNavigation = watchForNavigation(coordinatorPage);
  await test.step("the worker records this month's home visits", async () => {
    const form = workerPage.getByRole('form', { name: 'Kirjaa palvelun käyttö' });
    await form.getByRole('textbox', { name: 'Kuukausi', exact: true }).fill(month);
    await form.getByRole('textbox', { name: /^Määrä/ }).fill(String(ADDED_VISITS));
    await form.getByRole('button', { name: 'Tallenna' }).click();
    const list = workerPage.getByRole('table', { name: 'Kirjattu palvelujen käyttö, uusimmat ensin' });
    await expect(
      list.getByRole('button', { name: `Korjaa kirjausta: ${SERVICE}, ${await monthName(workerPage, month)}` }),
    ).toBeVisible();
    const [recorded] = await recordedOnMonth();
    expect(recorded).toMatchObject({ units: ADDED_VISITS, unitCostCents: priceCents });
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
    // The family had no usage of the service this month: one more family, and the cost of the visits.
    expect(figureAfter).toEqual({
      ...figureBefore,
      costCents: figureBefore.costCents + addedCents,
      families: figureBefore.families + 1,
    });
    await managerPage.reload();
    await expect(managerPage.getByRole('heading', { level: 1, name: 'Johdon näkymä' })).toBeVisible();
    await expect(await insightsCellOnPage(managerPage, month)).toHaveText(await euros(managerPage, figureAfter.costCents));
    const page = await managerPage.content();
    expect(page).not.toContain('Virtanen');
    expect(page).not.toContain(familyId);
    await expectNoAccessibilityViolations(managerPage);
  });
});
