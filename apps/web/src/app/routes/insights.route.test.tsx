import { screen, waitFor, within } from '@testing-library/react';
import type {
  ChangeFigures,
  CostCell,
  DifferenceCell,
  HistoricalCostImport,
  InsightsCaseloads,
  InsightsChange,
  InsightsCosts,
  InsightsForecast,
  Role,
} from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { quietChartSizeWarnings } from '../../test/quiet-chart-warnings';

jest.setTimeout(60_000);

quietChartSizeWarnings();

const manager = buildCurrentUser({
  id: testId(7),
  name: 'Päivi Kettunen',
  email: 'paivi.johtaja@varkaus-demo.fi',
  role: 'manager',
});
const shown = (costCents: number, families: number): CostCell => ({ suppressed: false, costCents, families });
const hidden: CostCell = { suppressed: true, costCents: null, families: null };
const empty = shown(0, 0);
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const monthCells = (first: CostCell, second: CostCell) => [first, second, ...Array.from({ length: 10 }, () => empty)];

const costs: InsightsCosts = {
  year: 2026,
  years: [2025, 2026],
  byServiceMonth: {
    columns: months,
    rows: [
      {
        label: { fi: 'Lastenneuvola', en: 'Child health clinic' },
        cells: monthCells(hidden, shown(40_000, 6)),
        total: shown(65_000, 7),
      },
      { label: { fi: 'Perhetyö', en: 'Family work' }, cells: monthCells(hidden, shown(120_050, 8)), total: shown(160_050, 9) },
    ],
    columnTotals: monthCells(shown(65_000, 6), shown(160_050, 12)),
    total: shown(225_050, 14),
    // The third service comes on request.
    nextCursor: 'services-2',
    count: 3,
  },
  byOrganisationMonth: {
    columns: months,
    rows: [
      {
        label: { fi: 'Demo-hyvinvointialue' },
        cells: monthCells(shown(65_000, 6), shown(160_050, 12)),
        total: shown(225_050, 14),
      },
    ],
    columnTotals: monthCells(shown(65_000, 6), shown(160_050, 12)),
    total: shown(225_050, 14),
    nextCursor: null,
    count: 1,
  },
  byServiceYear: {
    columns: ['2025', '2026'],
    rows: [{ label: { fi: 'Perhetyö' }, cells: [hidden, hidden], total: shown(170_000, 9) }],
    columnTotals: [hidden, hidden],
    total: shown(170_000, 9),
    nextCursor: null,
    count: 1,
  },
  perFamily: { suppressed: false, families: 14, lowerQuartileCents: 9_000, medianCents: 15_050, upperQuartileCents: 21_000 },
};
const supportPerson = { label: { fi: 'Tukihenkilö' }, cells: monthCells(hidden, hidden), total: hidden };
const caseloads: InsightsCaseloads = {
  servicesPerFamily: {
    buckets: [
      { label: '0', families: { suppressed: false, families: 0 } },
      { label: '1', families: { suppressed: true, families: null } },
      { label: '2', families: { suppressed: false, families: 9 } },
    ],
    total: { suppressed: false, families: 12 },
  },
  // The first page of the coordinators; the third comes on request.
  caseloads: {
    buckets: [
      { label: '1', families: { suppressed: false, families: 7 } },
      { label: '2', families: { suppressed: true, families: null } },
    ],
    total: { suppressed: false, families: 9 },
    nextCursor: 'coordinators-2',
    count: 3,
  },
};
const thirdCoordinator = { label: '3', families: { suppressed: true, families: null } } as const;
const raahe: HistoricalCostImport = {
  id: testId(80),
  source: 'raahe.csv',
  importedAt: '2026-12-01T10:00:00.000Z',
  rows: [
    {
      year: 2011,
      service: { fi: 'Jälkihuolto', en: 'Aftercare' },
      clients: 41,
      totalCostCents: 5_699_800,
      reportedCostPerClientCents: 299_200,
      computedCostPerClientCents: 139_020,
    },
  ],
  yearTotals: [{ year: 2011, clients: 41, totalCostCents: 5_699_800 }],
};

const forecastMonths = months.map((month, index) => ({
  month: month.replace('2026', '2027'),
  expectedCents: 1_000_000 + index * 10_000,
  lowerCents: 900_000 + index * 10_000,
  upperCents: 1_100_000 + index * 10_000,
}));
const forecast: InsightsForecast = {
  year: 2027,
  fittedFrom: '2023-12',
  fittedTo: '2026-11',
  confidence: 0.8,
  total: {
    available: true,
    fittedMonths: 12,
    slopeCentsPerMonth: 10_000,
    history: months.map((month, index) => ({ month, costCents: 880_000 + index * 10_000 })),
    months: forecastMonths,
    year: { expectedCents: 12_660_049, lowerCents: 11_500_000, upperCents: 13_800_000 },
  },
  // The second service comes on request.
  services: {
    forecasts: [
      {
        label: { fi: 'Perhetyö', en: 'Family work' },
        forecast: { available: false, fittedMonths: 7, history: [{ month: '2026-05', costCents: 40_000 }] },
      },
    ],
    nextCursor: 'forecasts-1',
    count: 2,
  },
};
const clinicForecast = {
  label: { fi: 'Lastenneuvola' },
  forecast: { available: false, fittedMonths: 3, history: [{ month: '2026-09', costCents: 5_000 }] },
} as const;

const change = (cents: number | null, percent: number | null): DifferenceCell => ({ suppressed: false, cents, percent });
const hiddenChange: DifferenceCell = { suppressed: true, cents: null, percent: null };
const allHidden: ChangeFigures = {
  before: hidden,
  after: hidden,
  difference: hiddenChange,
  perFamilyBefore: hidden,
  perFamilyAfter: hidden,
  perFamilyDifference: hiddenChange,
};
const yearChange: InsightsChange = {
  years: [2021, 2022, 2023],
  cohorts: [2021, 2022],
  comparison: {
    mode: 'years',
    before: 2022,
    after: 2023,
    rows: [
      { label: { fi: 'Koulukuraattori' }, ...allHidden },
      {
        label: { fi: 'Perhetyö', en: 'Family work' },
        before: shown(100_000, 10),
        after: shown(82_400, 6),
        difference: change(-17_600, -17.6),
        perFamilyBefore: shown(10_000, 10),
        perFamilyAfter: shown(13_733, 6),
        perFamilyDifference: change(3_733, 37.3),
      },
      {
        label: { fi: 'Tukihenkilö' },
        before: empty,
        after: shown(50_000, 5),
        difference: change(50_000, null),
        perFamilyBefore: empty,
        perFamilyAfter: shown(10_000, 5),
        perFamilyDifference: change(null, null),
      },
    ],
    total: {
      before: shown(145_000, 10),
      after: shown(182_400, 6),
      difference: change(37_400, 25.8),
      perFamilyBefore: shown(14_500, 10),
      perFamilyAfter: shown(30_400, 6),
      perFamilyDifference: change(15_900, 109.7),
    },
  },
};
const cohortChange: InsightsChange = {
  ...yearChange,
  comparison: {
    mode: 'case-years',
    opened: 2022,
    cohort: { suppressed: false, families: 10 },
    rows: [
      {
        label: { fi: 'Perhetyö' },
        before: shown(120_600, 10),
        after: shown(51_500, 5),
        difference: change(-69_100, -57.3),
        perFamilyBefore: shown(12_060, 10),
        perFamilyAfter: shown(5_150, 5),
        perFamilyDifference: change(-6_910, -57.3),
      },
    ],
    total: allHidden,
  },
};

function signedInAsManager(imports: HistoricalCostImport[] = [raahe]) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(manager)),
    http.get('/api/demo/accounts', () => problem(404, 'not_found')),
    http.get('/api/insights/costs', () => HttpResponse.json(costs)),
    http.get('/api/insights/change', () => HttpResponse.json(yearChange)),
    http.get('/api/insights/caseloads', () => HttpResponse.json(caseloads)),
    http.get('/api/insights/caseloads/coordinators', ({ request }) => {
      const query = new URL(request.url).searchParams;
      const page = { total: caseloads.caseloads.total, nextCursor: null, count: 3 };
      if (query.get('cursor') === 'coordinators-2') return HttpResponse.json({ ...page, buckets: [thirdCoordinator] });
      // Without a cursor, in the largest pages: the file of every coordinator.
      if (query.get('limit') === '100')
        return HttpResponse.json({ ...page, buckets: [...caseloads.caseloads.buckets, thirdCoordinator] });
      return problem(400, 'validation_failed');
    }),
    http.get('/api/insights/costs/by-service-month', ({ request }) => {
      const query = new URL(request.url).searchParams;
      const { rows, nextCursor: _first, ...table } = costs.byServiceMonth;
      if (query.get('year') !== '2026') return problem(400, 'validation_failed');
      if (query.get('cursor') === 'services-2') return HttpResponse.json({ ...table, rows: [supportPerson], nextCursor: null });
      // Without a cursor, in the largest pages: the file of every service.
      if (query.get('limit') === '100') return HttpResponse.json({ ...table, rows: [...rows, supportPerson], nextCursor: null });
      return problem(400, 'validation_failed');
    }),
    http.get('/api/insights/forecast', () => HttpResponse.json(forecast)),
    http.get('/api/insights/forecast/services', ({ request }) => {
      const query = new URL(request.url).searchParams;
      const page = { nextCursor: null, count: 2 };
      if (query.get('cursor') === 'forecasts-1') return HttpResponse.json({ ...page, forecasts: [clinicForecast] });
      if (query.get('limit') === '100')
        return HttpResponse.json({ ...page, forecasts: [...forecast.services.forecasts, clinicForecast] });
      return problem(400, 'validation_failed');
    }),
    http.get('/api/insights/historical-costs', () => HttpResponse.json({ imports })),
  );
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe("the manager's area", () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:csv');
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  it('when the manager opens "/", then their area opens with costs in euros, small cells as "alle 5", and the header links to it', async () => {
    signedInAsManager();
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Johdon näkymä' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/insights');
    expect(screen.getByRole('link', { name: 'Johdon näkymä' })).toHaveAttribute('href', '/insights');
    const byService = await screen.findByRole('table', { name: 'Kustannukset palveluittain 2026' });
    expect(within(byService).getByRole('columnheader', { name: 'tammi' })).toBeInTheDocument();
    // Thirteen columns of euros do not fit a laptop: the table scrolls, with the keyboard too.
    const scrolling = screen.getByRole('group', { name: 'Kustannukset palveluittain 2026' });
    expect(scrolling).toContainElement(byService);
    expect(scrolling).toHaveAttribute('tabindex', '0');
    const work = rowOf(byService, 'Perhetyö');
    expect(within(work).getByText('alle 5')).toBeInTheDocument();
    expect(within(work).getByText('1 200,50 €')).toBeInTheDocument();
    expect(within(rowOf(byService, 'Yhteensä')).getByText('2 250,50 €')).toBeInTheDocument();
    const perFamily = screen.getByRole('table', { name: 'Kustannus perhettä kohden 2026' });
    expect(within(rowOf(perFamily, 'Mediaani')).getByText('150,50 €')).toBeInTheDocument();
    const caseloadTable = await screen.findByRole('table', { name: 'Koordinaattorien asiakasmäärät' });
    expect(within(rowOf(caseloadTable, 'Koordinaattori 2')).getByText('alle 5')).toBeInTheDocument();
    const historical = await screen.findByRole('table', { name: 'Aiemmat kustannukset: raahe.csv' });
    const aftercare = rowOf(historical, 'Jälkihuolto');
    expect(within(aftercare).getByText('2 992,00 €')).toBeInTheDocument();
    expect(within(aftercare).getByText('1 390,20 €')).toBeInTheDocument();
    expect(within(rowOf(historical, 'Vuosi 2011 yhteensä')).getByText('56 998,00 €')).toBeInTheDocument();
  });

  it("when the manager opens the forecast, then next year's cost shows in whole euros with its band and method, and a service with too few months says so", async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');

    const table = await screen.findByRole('table', { name: 'Ennuste: kustannukset 2027' });
    const total = rowOf(table, 'Yhteensä');
    expect(within(total).getByText('126 600 €')).toBeInTheDocument();
    expect(within(total).getByText('115 000 €')).toBeInTheDocument();
    expect(within(total).getByText('138 000 €')).toBeInTheDocument();
    expect(within(rowOf(table, 'Perhetyö')).getByText(/Ei ennustetta: 7 kuukautta/)).toBeInTheDocument();
    expect(screen.getByText(/joulukuu 2023–marraskuu 2026/)).toBeInTheDocument();
    expect(screen.getByText(/80 %:n todennäköisyydellä/)).toBeInTheDocument();

    // The chart's figures are also a table, month by month, for the line drawn.
    await user.click(screen.getByText('Kaavion luvut kuukausittain: Yhteensä'));
    const january = screen.getByRole('rowheader', { name: 'tammikuu 2027' }).closest('tr') as HTMLElement;
    expect(within(january).getByText('10 000 €')).toBeInTheDocument();
    expect(within(january).getByText('9 000 € – 11 000 €')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Kaaviossa näytetään'), 'Perhetyö');
    expect(screen.queryByText(/Kaavion luvut kuukausittain/)).not.toBeInTheDocument();
    expect(screen.getAllByText(/Ei ennustetta: 7 kuukautta/)).toHaveLength(2);
  });

  it('when the manager downloads a table as CSV, then the file holds the same figures, a hidden one as "alle 5" and never its number', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');

    await user.click(await screen.findByRole('button', { name: 'Lataa CSV: Kustannukset palveluittain 2026' }));
    // Only two of the three services are shown: the file reads every page first.
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const csv = await createObjectURL.mock.calls[0]![0].text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Palvelu,tammi,helmi,maalis,/);
    expect(lines[0]).toMatch(/,Yhteensä$/);
    expect(lines[2]).toBe('Perhetyö,alle 5,1200.50,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1600.50');
    expect(lines[3]).toMatch(/^Tukihenkilö,alle 5,alle 5,0.00,/);
    expect(lines[4]).toMatch(/^Yhteensä,650.00,1600.50,/);
    expect(lines).toHaveLength(5);
  });

  it('when the manager asks for more coordinators, then the next page is added below the largest caseloads with the count of all, and the total stays that of every coordinator', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');
    const table = await screen.findByRole('table', { name: 'Koordinaattorien asiakasmäärät' });
    const rowNames = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((row) => row.textContent);
    expect(rowNames()).toEqual(['Koordinaattori 1', 'Koordinaattori 2', 'Kaikki koordinaattorit yhteensä']);
    expect(screen.getByText(/^Näkyvissä 2 \/ 3 koordinaattoria/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Näytä lisää koordinaattoreita' }));
    expect(await within(table).findByRole('rowheader', { name: 'Koordinaattori 3' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Koordinaattori 1', 'Koordinaattori 2', 'Koordinaattori 3', 'Kaikki koordinaattorit yhteensä']);
    expect(within(rowOf(table, 'Koordinaattori 3')).getByText('alle 5')).toBeInTheDocument();
    expect(within(rowOf(table, 'Kaikki koordinaattorit yhteensä')).getByText('9')).toBeInTheDocument();
    expect(screen.getByText(/^Näkyvissä 3 \/ 3 koordinaattoria/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Näytä lisää koordinaattoreita' })).not.toBeInTheDocument();
  });

  it('when the manager downloads the caseloads with only the first page shown, then the file holds every coordinator and the total, hidden ones as "alle 5"', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');
    const files = createObjectURL.mock.calls.length;
    await user.click(await screen.findByRole('button', { name: 'Lataa CSV: Koordinaattorien asiakasmäärät' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(files + 1));
    const lines = (await createObjectURL.mock.calls.at(-1)![0].text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'Koordinaattori,Perheitä',
      'Koordinaattori 1,7',
      'Koordinaattori 2,alle 5',
      'Koordinaattori 3,alle 5',
      'Kaikki koordinaattorit yhteensä,9',
    ]);
  });

  it("when the manager asks for more services of a year's costs, then the next page is added above the total with the count of all, and the total stays that of every service", async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');
    const table = await screen.findByRole('table', { name: 'Kustannukset palveluittain 2026' });
    const rowNames = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((row) => row.textContent);
    expect(rowNames()).toEqual(['Lastenneuvola', 'Perhetyö', 'Yhteensä']);
    expect(screen.getByText(/^Näkyvissä 2 \/ 3 palvelua/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Näytä lisää rivejä: Kustannukset palveluittain 2026' }));
    expect(await within(table).findByRole('rowheader', { name: 'Tukihenkilö' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Lastenneuvola', 'Perhetyö', 'Tukihenkilö', 'Yhteensä']);
    expect(within(rowOf(table, 'Tukihenkilö')).getAllByText('alle 5')).toHaveLength(3);
    expect(within(rowOf(table, 'Yhteensä')).getByText('2 250,50 €')).toBeInTheDocument();
    expect(screen.getByText(/^Näkyvissä 3 \/ 3 palvelua/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Näytä lisää rivejä: Kustannukset palveluittain 2026' })).not.toBeInTheDocument();
    // The tables read whole need no more.
    expect(screen.getByText(/^Näkyvissä 1 \/ 1 tuottajaa/)).toBeInTheDocument();
  });

  it("when the manager asks for more services in the forecast, then they are added to the table and the chart's choices, and the file holds them all", async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');
    const table = await screen.findByRole('table', { name: 'Ennuste: kustannukset 2027' });
    expect(screen.getByText(/^Näkyvissä 1 \/ 2 palvelua: suurin ennuste ensin/)).toBeInTheDocument();
    const files = createObjectURL.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Lataa CSV: Ennuste: kustannukset 2027' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(files + 1));
    const lines = (await createObjectURL.mock.calls.at(-1)![0].text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.map((line: string) => line.split(',')[0])).toEqual(['Palvelu', 'Yhteensä', 'Perhetyö', 'Lastenneuvola']);

    await user.click(screen.getByRole('button', { name: 'Näytä lisää palveluja ennusteessa' }));
    expect(await within(table).findByRole('rowheader', { name: 'Lastenneuvola' })).toBeInTheDocument();
    expect(within(rowOf(table, 'Lastenneuvola')).getByText(/Ei ennustetta: 3 kuukautta/)).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Lastenneuvola' })).toBeInTheDocument();
    expect(screen.getByText(/^Näkyvissä 2 \/ 2 palvelua/)).toBeInTheDocument();
  });

  it('when the manager picks another year, then the figures of that year are asked for', async () => {
    signedInAsManager();
    const years: (string | null)[] = [];
    server.use(
      http.get('/api/insights/costs', ({ request }) => {
        const year = new URL(request.url).searchParams.get('year');
        years.push(year);
        return HttpResponse.json({ ...costs, year: year ? Number(year) : 2026 });
      }),
    );
    const { user } = renderApp('/insights');

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Vuosi' }), '2025');
    expect(await screen.findByRole('table', { name: 'Kustannukset palveluittain 2025' })).toBeInTheDocument();
    expect(years).toEqual([null, '2025']);
  });

  it.each<Role>(['coordinator', 'worker', 'family', 'admin'])(
    "when someone in the %s role opens the manager's area, then there is no such page and nothing is asked for",
    async (role) => {
      let asked = false;
      server.use(
        http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role }))),
        http.get('/api/insights/*', () => {
          asked = true;
          return problem(404, 'not_found');
        }),
      );
      renderApp('/insights');

      expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Johdon näkymä' })).not.toBeInTheDocument();
      expect(asked).toBe(false);
    },
  );
});

describe('before and after', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:csv');
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  it('when the manager opens their area in the demo, then two years show side by side with the change, hidden figures as "alle 5", and the method', async () => {
    signedInAsManager();
    server.use(
      http.get('/api/demo/accounts', () =>
        HttpResponse.json([
          { email: 'paivi.johtaja@varkaus-demo.fi', password: 'demo', role: 'manager', name: 'Päivi Kettunen' },
        ]),
      ),
    );
    renderApp('/insights');

    const table = await screen.findByRole('table', { name: 'Ennen ja jälkeen' });
    expect(within(table).getByRole('columnheader', { name: 'Kustannus 2022' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Muutos perhettä kohden %' })).toBeInTheDocument();
    const work = rowOf(table, 'Perhetyö');
    for (const figure of ['1 000,00 €', '824,00 €', '−176,00 €', '−17,6 %', '137,33 €', '+37,33 €', '+37,3 %'])
      expect(within(work).getByText(figure)).toBeInTheDocument();
    expect(within(rowOf(table, 'Koulukuraattori')).getAllByText('alle 5')).toHaveLength(10);
    // Nothing before: the change in euros, but no per cent of nothing and no cost per family to compare.
    const support = rowOf(table, 'Tukihenkilö');
    expect(within(support).getByText('+500,00 €')).toBeInTheDocument();
    expect(within(support).getAllByText('–')).toHaveLength(5);
    expect(within(rowOf(table, 'Yhteensä')).getByText('+25,8 %')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Aiempi vuosi' })).toHaveValue('2022');
    expect(screen.getByRole('heading', { name: 'Näin luvut on laskettu' })).toBeInTheDocument();
    expect(await screen.findByText(/Demossa hinnat nousevat 3 % vuodessa\./)).toBeInTheDocument();
    expect(screen.getByText(/vertailuryhmää ei ole/)).toBeInTheDocument();
  });

  it('when the manager downloads the comparison, then the file holds the same figures with the sign of each change, a hidden one as "alle 5"', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights');

    await user.click(await screen.findByRole('button', { name: 'Lataa CSV: Ennen ja jälkeen' }));
    const csv = await createObjectURL.mock.calls[0]![0].text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Palvelu,Kustannus 2022,Kustannus 2023,Muutos €,Muutos %,Käyttäneitä perheitä 2022,Käyttäneitä perheitä 2023,' +
        'Perhettä kohden 2022,Perhettä kohden 2023,Muutos perhettä kohden €,Muutos perhettä kohden %',
    );
    expect(lines[1]).toBe('Koulukuraattori' + ',alle 5'.repeat(10));
    expect(lines[2]).toBe('Perhetyö,1000.00,824.00,-176.00,-17.6,10,6,100.00,137.33,37.33,37.3');
    expect(lines[3]).toBe('Tukihenkilö,0.00,500.00,500.00,,0,5,0.00,100.00,,');
  });

  it('when there are not two years of usage nor a complete cohort, then the section says so, and case years cannot be chosen', async () => {
    signedInAsManager();
    server.use(http.get('/api/insights/change', () => HttpResponse.json({ years: [2026], cohorts: [], comparison: null })));
    renderApp('/insights');

    expect(await screen.findByText('Vertailuun tarvitaan palvelujen käyttöä kahdelta vuodelta.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Asiakkuusvuodet' })).toBeDisabled();
    expect(screen.queryByRole('table', { name: 'Ennen ja jälkeen' })).not.toBeInTheDocument();
  });

  it('when the manager switches to case years, then the latest complete cohort is asked for, another can be picked, and calendar years come back', async () => {
    signedInAsManager();
    const asked: string[] = [];
    server.use(
      http.get('/api/insights/change', ({ request }) => {
        const query = new URL(request.url).search;
        asked.push(query);
        return HttpResponse.json(query.includes('case-years') ? cohortChange : yearChange);
      }),
    );
    const { user } = renderApp('/insights');

    await screen.findByRole('table', { name: 'Ennen ja jälkeen' });
    await user.click(screen.getByRole('radio', { name: 'Asiakkuusvuodet' }));
    expect(await screen.findByText('Vuonna 2022 alkaneet asiakkuudet: 10 perhettä')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Ennen ja jälkeen' });
    expect(within(table).getByRole('columnheader', { name: 'Kustannus 1. vuosi' })).toBeInTheDocument();
    expect(within(rowOf(table, 'Yhteensä')).getAllByText('alle 5')).toHaveLength(10);
    expect(screen.getByRole('combobox', { name: 'Asiakkuus alkoi vuonna' })).toHaveValue('2022');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Asiakkuus alkoi vuonna' }), '2021');
    await user.click(screen.getByRole('radio', { name: 'Kalenterivuodet' }));
    expect(await screen.findByRole('combobox', { name: 'Myöhempi vuosi' })).toHaveValue('2023');
    // The default comparison is still fresh in the cache.
    expect(asked).toEqual(['', '?mode=case-years&opened=2022', '?mode=case-years&opened=2021']);
  });
});

describe('importing earlier costs', () => {
  // jsdom's File has no text(), which every browser has.
  beforeAll(() => {
    File.prototype.text ??= function (this: File) {
      return new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(this);
      });
    };
  });
  const file = (text: string) => new File([text], 'kustannukset.csv', { type: 'text/csv' });
  const fileInput = () => document.querySelector('input[type="file"]') as HTMLInputElement;

  it('when the file has bad lines, then each is listed with its number and reason, and nothing can be imported', async () => {
    signedInAsManager([]);
    server.use(
      http.post('/api/insights/historical-costs/import/preview', () =>
        HttpResponse.json({
          valid: false,
          rows: [],
          yearTotals: [],
          errors: [{ line: 3, reason: 'clients must be a whole number, 0 or more' }],
        }),
      ),
    );
    const { user } = renderApp('/insights');

    await screen.findByRole('heading', { name: 'Tuo aiemmat kustannukset' });
    await user.upload(fileInput(), file('year\n'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Tiedostoa ei voi tuoda: 1 virheellinen rivi');
    expect(alert).toHaveTextContent('Rivi 3: clients must be a whole number, 0 or more');
    expect(screen.queryByRole('button', { name: 'Tuo tiedot' })).not.toBeInTheDocument();
  });

  it('when the file is valid, then its yearly totals are shown, and importing sends it as CSV and shows the import', async () => {
    let imports: HistoricalCostImport[] = [];
    signedInAsManager(imports);
    const sent: { type: string | null; body: string; source: string | null }[] = [];
    server.use(
      http.get('/api/insights/historical-costs', () => HttpResponse.json({ imports })),
      http.post('/api/insights/historical-costs/import/preview', () =>
        HttpResponse.json({ valid: true, rows: raahe.rows, yearTotals: raahe.yearTotals, errors: [] }),
      ),
      http.post('/api/insights/historical-costs/import', async ({ request }) => {
        sent.push({
          type: request.headers.get('content-type'),
          body: await request.text(),
          source: new URL(request.url).searchParams.get('source'),
        });
        imports = [raahe];
        return HttpResponse.json(raahe, { status: 201 });
      }),
    );
    const { user } = renderApp('/insights');

    await screen.findByRole('heading', { name: 'Tuo aiemmat kustannukset' });
    await user.upload(fileInput(), file('year,service_fi\n2011,Jälkihuolto'));
    expect(await screen.findByText('Tiedostossa on 1 kelvollinen rivi.')).toBeInTheDocument();
    expect(screen.getByText('2011: 56 998,00 €')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tuo tiedot' }));

    expect(await screen.findByText('Tuotiin 1 riviä tiedostosta raahe.csv.')).toBeInTheDocument();
    expect(sent).toEqual([
      { type: 'text/csv; charset=utf-8', body: 'year,service_fi\n2011,Jälkihuolto', source: 'kustannukset.csv' },
    ]);
    await waitFor(() => expect(screen.getByRole('table', { name: 'Aiemmat kustannukset: raahe.csv' })).toBeInTheDocument());
  });
});
