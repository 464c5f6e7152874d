import { screen, waitFor, within } from '@testing-library/react';
import type { ProgramReportRows } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import {
  buildEmptyReport,
  buildProgram,
  buildReport,
  catalogue,
  leppavirta,
  programId,
  varkaus,
} from '../../test/program-fixtures';
import { quietChartSizeWarnings } from '../../test/quiet-chart-warnings';

jest.setTimeout(60_000);

quietChartSizeWarnings();

const manager = buildCurrentUser({ id: testId(7), name: 'Päivi Kettunen', role: 'manager' });
const coordinator = buildCurrentUser();
const quarter = `/programs/${programId}?from=2026-01-01&to=2026-03-31`;
const home = buildProgram().metrics[0]!;

const pseudonymousRows: ProgramReportRows = {
  view: 'pseudonymous',
  rows: [
    {
      pseudonym: 'P-7K2Q',
      payerId: varkaus.id,
      metricId: home.id,
      status: 'reached',
      enrolledMonth: '2025-01',
      decidedMonth: '2026-01',
    },
    {
      pseudonym: 'P-9XW3',
      payerId: varkaus.id,
      metricId: home.id,
      status: 'reached',
      enrolledMonth: '2025-03',
      decidedMonth: '2026-03',
    },
  ],
};
const ownRows: ProgramReportRows = {
  view: 'own-families',
  rows: [
    {
      family: { id: testId(100), name: 'Perhe Virtanen' },
      payerId: varkaus.id,
      metricId: home.id,
      status: 'reached',
      enrolledOn: '2025-01-15',
      decidedOn: '2026-01-15',
    },
  ],
  othersNotShown: 2,
};

/** Each report and rows request, as the query it carried. */
function signedIn(user = manager, rows: ProgramReportRows = pseudonymousRows) {
  const asked = { reports: [] as string[], rows: [] as string[] };
  const canEdit = user.role === 'manager';
  const program = buildProgram({ can: { edit: canEdit, changeMetrics: canEdit } });
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get('/api/services', () => HttpResponse.json({ services: catalogue })),
    http.get(`/api/programs/${programId}`, () => HttpResponse.json(program)),
    http.get(`/api/programs/${programId}/report`, ({ request }) => {
      const search = new URL(request.url).searchParams;
      asked.reports.push(search.toString());
      return HttpResponse.json(buildReport(program, { from: search.get('from')!, to: search.get('to')! }));
    }),
    http.get(`/api/programs/${programId}/report/rows`, ({ request }) => {
      asked.rows.push(new URL(request.url).searchParams.toString());
      return HttpResponse.json(rows);
    }),
  );
  return asked;
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;

async function csvOf(createObjectURL: jest.Mock, call: number) {
  const blob = createObjectURL.mock.calls[call]![0] as Blob;
  return (await blob.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}

describe("a programme's report", () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:csv');
  beforeEach(() => {
    createObjectURL.mockClear();
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  it('when the manager opens a quarter, then the payment due, outcomes, families and costs show, each metric against its baseline and target, and the metrics in words', async () => {
    const asked = signedIn();
    renderApp(quarter);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kotona yhdessä' })).toBeInTheDocument();
    expect(await screen.findByText('Raportti kattaa päivät 1.1.2026–31.3.2026.')).toBeInTheDocument();
    expect(asked.reports).toEqual(['from=2026-01-01&to=2026-03-31']);
    const headline = screen.getByText('Maksettavaa', { selector: 'dt' }).closest('div') as HTMLElement;
    expect(within(headline).getByText('47 000,00 €')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '4 saavutettua tulosta – näytä rivit' })).toBeInTheDocument();
    expect(screen.getByText('123 456,00 €')).toBeInTheDocument();
    expect(screen.getByText('30 864,00 €')).toBeInTheDocument();

    const byMetric = screen.getByRole('table', { name: 'Tulokset ja maksut mittareittain' });
    const homeRow = rowOf(byMetric, 'Kotona asuminen');
    for (const text of ['75,0 %', '+15,0 %-yks.', 'Tavoite saavutettu', '45 000,00 €'])
      expect(within(homeRow).getByText(text)).toBeInTheDocument();
    const wellbeingRow = rowOf(byMetric, 'Hyvinvointi');
    for (const text of ['25,0 %', '−5,0 %-yks.', 'Alle tavoitteen', '2 000,00 €'])
      expect(within(wellbeingRow).getByText(text)).toBeInTheDocument();
    const total = rowOf(byMetric, 'Yhteensä');
    expect(within(total).getByText('47 000,00 €')).toBeInTheDocument();
    expect(
      within(total).getByRole('link', { name: '4 jäi saavuttamatta: kaikki mittarit ja maksajat – näytä rivit' }),
    ).toBeInTheDocument();

    const payments = screen.getByRole('table', { name: 'Maksettavaa maksajittain' });
    expect(within(rowOf(payments, 'Varkaus')).getByText('5')).toBeInTheDocument();
    expect(within(rowOf(payments, 'Leppävirta')).getByText('15 000,00 €')).toBeInTheDocument();
    const homeByPayer = screen.getByRole('table', { name: 'Kotona asuminen maksajittain' });
    expect(within(rowOf(homeByPayer, 'Varkaus')).getByText('66,7 %')).toBeInTheDocument();
    expect(within(rowOf(homeByPayer, 'Kaikki maksajat')).getByText('Tavoite saavutettu')).toBeInTheDocument();
    const wellbeingByPayer = screen.getByRole('table', { name: 'Hyvinvointi maksajittain' });
    expect(within(rowOf(wellbeingByPayer, 'Leppävirta')).getByText('0,0 %')).toBeInTheDocument();

    const definitions = screen.getByRole('region', { name: 'Mittarit ja sopimusehdot' });
    expect(within(definitions).getByText(/12 kuukautta liittymisen jälkeen.*: Sijaishuolto\./)).toBeInTheDocument();
    expect(
      within(definitions).getByText(/6 kuukauden kuluessa .* vähintään 1 pistettä vähintään 3 osa-alueella/),
    ).toBeInTheDocument();
    expect(
      within(definitions).getByText('Lähtötaso 60,0 %, tavoite 75,0 %, maksu 15 000,00 € jokaisesta saavutetusta tuloksesta.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Muokkaa ohjelmaa' })).toHaveAttribute('href', `/programs/${programId}/edit`);
  });

  it('when the manager picks last year and then dates of their own, then each request carries the period, and the address keeps it', async () => {
    const asked = signedIn();
    const { user, router } = renderApp(`/programs/${programId}`);
    const lastYear = new Date().getFullYear() - 1;

    const chooser = await screen.findByRole('combobox', { name: 'Ajanjakso' });
    expect(chooser).toHaveDisplayValue(`Vuosi ${lastYear + 1} tähän asti`);
    await user.selectOptions(chooser, `Vuosi ${lastYear}`);
    await waitFor(() => expect(asked.reports).toContain(`from=${lastYear}-01-01&to=${lastYear}-12-31`));
    expect(router.state.location.search).toBe(`?from=${lastYear}-01-01&to=${lastYear}-12-31`);
    expect(screen.getByRole('combobox', { name: 'Ajanjakso' })).toHaveDisplayValue(`Vuosi ${lastYear}`);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Ajanjakso' }), 'Valitse päivät');
    const from = screen.getByLabelText(/^Alkaen/);
    const to = screen.getByLabelText(/^Päättyen/);
    await user.clear(to);
    await user.type(to, '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Näytä' }));
    expect(to).toHaveAccessibleDescription('Päättymispäivä ei voi olla ennen alkamispäivää.');
    const before = asked.reports.length;

    await user.clear(from);
    await user.type(from, '2019-07-01');
    await user.clear(to);
    await user.type(to, '2020-06-30');
    await user.click(screen.getByRole('button', { name: 'Näytä' }));
    await waitFor(() => expect(asked.reports.slice(before)).toEqual(['from=2019-07-01&to=2020-06-30']));
    expect(await screen.findByText('Raportti kattaa päivät 1.7.2019–30.6.2020.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Ajanjakso' })).toHaveDisplayValue('Valitse päivät');
  });

  it('when the manager traces a count, then its pseudonymous rows open with the period, the metric, the payer and the status asked, and download as CSV', async () => {
    const asked = signedIn();
    const { user, router } = renderApp(quarter);

    const byPayer = await screen.findByRole('table', { name: 'Kotona asuminen maksajittain' });
    await user.click(within(byPayer).getByRole('link', { name: '2 saavutettua: Kotona asuminen, Varkaus – näytä rivit' }));

    const rows = await screen.findByRole('table', { name: 'Rivit: Kotona asuminen · Varkaus · saavutettu' });
    expect(asked.rows).toEqual([`from=2026-01-01&to=2026-03-31&metricId=${home.id}&payerId=${varkaus.id}&status=reached`]);
    expect(router.state.location.search).toBe(
      `?from=2026-01-01&to=2026-03-31&metric=${home.id}&payer=${varkaus.id}&status=reached`,
    );
    const first = rowOf(rows, 'P-7K2Q');
    for (const text of ['Varkaus', 'Kotona asuminen', 'saavutettu', 'tammikuu 2025', 'tammikuu 2026'])
      expect(within(first).getByText(text)).toBeInTheDocument();
    expect(within(rows).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByText(/muiden koordinaattorien/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lataa CSV: Rivit: Kotona asuminen · Varkaus · saavutettu' }));
    expect(await csvOf(createObjectURL, 0)).toEqual([
      'Tunniste,Maksaja,Mittari,Tulos,Liittyi,Ratkesi',
      'P-7K2Q,Varkaus,Kotona asuminen,saavutettu,tammikuu 2025,tammikuu 2026',
      'P-9XW3,Varkaus,Kotona asuminen,saavutettu,maaliskuu 2025,maaliskuu 2026',
    ]);

    await user.click(screen.getByRole('link', { name: 'Sulje rivit' }));
    await waitFor(() => expect(screen.queryByRole('table', { name: /^Rivit:/ })).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-03-31');
  });

  it('when the manager downloads the figures, then the files hold the figures of the tables, euros with a decimal point', async () => {
    signedIn();
    const { user } = renderApp(quarter);

    await user.click(await screen.findByRole('button', { name: 'Lataa CSV: Tulokset ja maksut mittareittain' }));
    expect(await csvOf(createObjectURL, 0)).toEqual([
      'Mittari,Saavutettu,Jäi saavuttamatta,Osuus saavutettu,Lähtötaso (%),Tavoite (%),Tavoite,Maksettavaa (€)',
      'Kotona asuminen,3,1,75.0,60.0,75.0,Tavoite saavutettu,45000.00',
      'Hyvinvointi,1,3,25.0,30.0,40.0,Alle tavoitteen,2000.00',
      'Yhteensä,4,4,50.0,,,,47000.00',
    ]);
    await user.click(screen.getByRole('button', { name: 'Lataa CSV: Maksut maksajittain' }));
    const byPayer = await csvOf(createObjectURL, 1);
    expect(byPayer[0]).toBe(
      'Mittari,Maksaja,Saavutettu,Jäi saavuttamatta,Osuus saavutettu,Lähtötaso (%),Tavoite (%),Tavoite,Maksettavaa (€)',
    );
    expect(byPayer).toContain('Kotona asuminen,Leppävirta,1,0,100.0,60.0,75.0,Tavoite saavutettu,15000.00');
    expect(byPayer).toContain('Hyvinvointi,Leppävirta,0,1,0.0,30.0,40.0,Alle tavoitteen,0.00');
    expect(byPayer).toHaveLength(7);
  });

  it("when a coordinator traces a count, then only their own families show, each linked to its plan, with a line on the other coordinators' rows", async () => {
    const asked = signedIn(coordinator, ownRows);
    const { user } = renderApp(quarter);

    await user.click(await screen.findByRole('link', { name: '1 saavutettua: Kotona asuminen, Leppävirta – näytä rivit' }));
    const rows = await screen.findByRole('table', { name: 'Rivit: Kotona asuminen · Leppävirta · saavutettu' });
    expect(asked.rows).toEqual([`from=2026-01-01&to=2026-03-31&metricId=${home.id}&payerId=${leppavirta.id}&status=reached`]);
    expect(within(rows).getByRole('link', { name: 'Perhe Virtanen' })).toHaveAttribute('href', `/families/${testId(100)}`);
    expect(within(rowOf(rows, 'Perhe Virtanen')).getByText('15.1.2025')).toBeInTheDocument();
    expect(screen.getByText('2 riviä muiden koordinaattorien perheistä ei näy.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Muokkaa ohjelmaa' })).not.toBeInTheDocument();
  });

  it('when nothing was decided in the period, then the page says so and there is nothing to pay', async () => {
    signedIn();
    server.use(http.get(`/api/programs/${programId}/report`, () => HttpResponse.json(buildEmptyReport())));
    renderApp(quarter);

    expect(await screen.findByText('Jaksolla ei ratkennut yhtään tulosta')).toBeInTheDocument();
    expect(screen.getByText('Ei saavutettuja tuloksia')).toBeInTheDocument();
    expect(
      within(rowOf(screen.getByRole('table', { name: 'Tulokset ja maksut mittareittain' }), 'Kotona asuminen')).getByText(
        'Ei vielä ratkenneita',
      ),
    ).toBeInTheDocument();
  });

  it('when the programme does not exist, then there is no such page', async () => {
    signedIn();
    server.use(http.get(`/api/programs/${programId}`, () => problem(404, 'not_found')));
    renderApp(quarter);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
  });

  it('when the report cannot be computed, then the page says so and offers to try again', async () => {
    signedIn();
    server.use(http.get(`/api/programs/${programId}/report`, () => problem(500, 'internal')));
    renderApp(quarter);
    expect(await screen.findByRole('alert')).toHaveTextContent('Raporttia ei voitu ladata.');
    expect(screen.getByRole('button', { name: 'Yritä uudelleen' })).toBeInTheDocument();
  });

  it('when the reader switches to Swedish and English, then the report speaks each language and no key shows', async () => {
    signedIn();
    const { user } = renderApp(quarter);

    await screen.findByRole('table', { name: 'Tulokset ja maksut mittareittain' });
    await user.click(screen.getByRole('link', { name: '2 saavutettua: Kotona asuminen, Varkaus – näytä rivit' }));
    await screen.findByRole('table', { name: /^Rivit:/ });
    expect(document.body.textContent).not.toMatch(/programs\./);

    await user.click(screen.getByRole('button', { name: /^SV/ }));
    expect(await screen.findByRole('table', { name: 'Resultat och betalningar per mätare' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Program' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Rader: Kotona asuminen · Varkaus · nått' })).toBeInTheDocument();
    expect(screen.getByText(/Vårdplacering/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/programs\./);

    await user.click(screen.getByRole('button', { name: /^EN/ }));
    expect(await screen.findByRole('table', { name: 'Outcomes and payments by metric' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Programmes' })).toBeInTheDocument();
    expect(
      within(rowOf(screen.getByRole('table', { name: 'Outcomes and payments by metric' }), 'Kotona asuminen')).getByText(
        'Target met',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Substitute care/)).toBeInTheDocument();
    expect(screen.getAllByText('€45,000.00').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/programs\./);
  });
});
