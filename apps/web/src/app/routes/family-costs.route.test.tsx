import { act, screen, waitFor, within } from '@testing-library/react';
import type { FamilyCosts, ServiceUsage, UsageCsvResult } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildPlan, familyId, familyWorkRoleId, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

const coordinator = buildCurrentUser();
const worker = buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] });
const guardian = buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' });
const serviceName = { fi: 'Lastensuojelun perhetyö', sv: 'Familjearbete inom barnskyddet', en: 'Child protection family work' };

const costs: FamilyCosts = {
  scope: 'family',
  openedOn: '2026-01-10',
  services: [{ id: testId(210), name: serviceName, unit: 'käynti' }],
  months: [
    {
      month: '2026-01',
      services: [{ serviceId: testId(210), units: 2, costCents: 20_000 }],
      costCents: 20_000,
      cumulativeCents: 20_000,
      serviceCount: 1,
    },
    { month: '2026-02', services: [], costCents: 0, cumulativeCents: 20_000, serviceCount: 1 },
  ],
  totalCents: 20_000,
  referenceCosts: [{ kind: 'placement-outside-home', yearlyCostCents: 13_000_000, validFrom: '2000-01-01' }],
};

function entry(overrides: Partial<ServiceUsage> = {}): ServiceUsage {
  return {
    id: testId(700),
    serviceRoleId: familyWorkRoleId,
    service: { id: testId(210), name: serviceName, unit: 'käynti' },
    period: 'month',
    usedOn: '2026-01-01',
    units: 2,
    note: '',
    source: 'form',
    unitCostCents: 10_000,
    costCents: 20_000,
    recordedBy: { id: testId(3), name: 'Mikko Salo' },
    version: 1,
    createdAt: '2026-02-01T08:00:00.000Z',
    updatedAt: '2026-02-01T08:00:00.000Z',
    ...overrides,
  };
}

function costsApi(me = coordinator, reader: 'coordinator' | 'worker' | 'family' = 'coordinator', recorded = [entry()]) {
  const sent: unknown[] = [];
  let usage = recorded;
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    http.get(`/api/families/${familyId}/service-usage/costs`, () => HttpResponse.json(costs)),
    http.get(`/api/families/${familyId}/service-usage`, () => HttpResponse.json({ usage })),
    http.get(`/api/families/${familyId}/service-usage/summary`, () =>
      HttpResponse.json({ services: [{ service: costs.services[0], months: [{ month: '2026-01', units: 2 }] }] }),
    ),
    http.post(`/api/families/${familyId}/service-usage`, async ({ request }) => {
      const body = (await request.json()) as { units: number };
      sent.push(body);
      usage = [entry({ id: testId(701), units: body.units }), ...usage];
      return HttpResponse.json(usage[0], { status: 201 });
    }),
    http.patch(`/api/families/${familyId}/service-usage/${testId(700)}`, async ({ request }) => {
      sent.push(await request.json());
      return problem(409, 'version_conflict', { current: entry({ units: 3, note: 'Mikon korjaus', version: 2 }) });
    }),
  );
  return sent;
}

describe('family costs route', () => {
  it('when the coordinator opens it, then the costs are a table by month and the reference costs are called a reference', async () => {
    costsApi();
    renderApp(`/families/${familyId}/costs`);
    const table = await screen.findByRole('table', { name: 'Kustannukset palveluittain ja kuukausittain' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/tammikuu 2026.*200,00\s€.*200,00\s€.*200,00\s€.*1/);
    expect(rows[2]).toHaveTextContent(/helmikuu 2026.*–/);
    expect(screen.getByText(/Ne eivät ole ennuste tästä perheestä/)).toBeInTheDocument();
    expect(screen.getByText(/Sijoitus kodin ulkopuolelle: noin 130\s000,00\s€ vuodessa/)).toBeInTheDocument();
  });

  it('when the costs table is wider than the screen, then its scrolling area takes keyboard focus and is named like the table', async () => {
    costsApi();
    const { user } = renderApp(`/families/${familyId}/costs`);
    const table = await screen.findByRole('table', { name: 'Kustannukset palveluittain ja kuukausittain' });
    const scrolling = screen.getByRole('group', { name: 'Kustannukset palveluittain ja kuukausittain' });
    expect(scrolling).toContainElement(table);
    // Tab through the page from the top; the scrolling area is one of its stops.
    for (let stop = 0; stop < 30 && document.activeElement !== scrolling; stop++) await user.tab();
    expect(scrolling).toHaveFocus();
  });

  it('when a worker records a month, then the units go to the server and the list shows the new entry', async () => {
    const sent = costsApi(worker, 'worker');
    const { user } = renderApp(`/families/${familyId}/costs`);
    const form = await screen.findByRole('form', { name: 'Kirjaa palvelun käyttö' });
    await user.type(within(form).getByRole('textbox', { name: /Määrä/ }), '1,5');
    await user.click(within(form).getByRole('button', { name: 'Tallenna' }));
    await waitFor(() =>
      expect(sent).toEqual([expect.objectContaining({ serviceRoleId: familyWorkRoleId, period: 'month', units: 1.5 })]),
    );
    const list = screen.getByRole('table', { name: 'Kirjattu palvelujen käyttö, uusimmat ensin' });
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(3));
  });

  it('when a correction meets a newer one, then what is saved now is shown and the user may save theirs on top', async () => {
    const sent = costsApi(worker, 'worker');
    const { user } = renderApp(`/families/${familyId}/costs`);
    await user.click(await screen.findByRole('button', { name: 'Korjaa kirjausta: Lastensuojelun perhetyö, tammikuu 2026' }));
    const form = screen.getByRole('form', { name: 'Korjaa kirjausta: Lastensuojelun perhetyö, tammikuu 2026' });
    await user.clear(within(form).getByRole('textbox', { name: 'Määrä' }));
    await user.type(within(form).getByRole('textbox', { name: 'Määrä' }), '0');
    await user.click(within(form).getByRole('button', { name: 'Tallenna korjaus' }));
    expect(await screen.findByText('Nyt tallennettuna: määrä 3, lisätieto: Mikon korjaus')).toBeInTheDocument();
    await act(async () => user.click(screen.getByRole('button', { name: 'Tallenna oma muutokseni tämän päälle' })));
    await waitFor(() =>
      expect(sent).toEqual([
        { units: 0, note: '', version: 1 },
        { units: 0, note: '', version: 2 },
      ]),
    );
  });

  it("when a worker's list has several entries, then each correct button, and the form it opens, names its service and time", async () => {
    costsApi(worker, 'worker', [
      entry({ id: testId(702), period: 'day', usedOn: '2026-02-03' }),
      entry({ id: testId(701), usedOn: '2026-02-01' }),
      entry(),
    ]);
    const { user } = renderApp(`/families/${familyId}/costs`);
    const list = await screen.findByRole('table', { name: 'Kirjattu palvelujen käyttö, uusimmat ensin' });
    const buttons = await within(list).findAllByRole('button', { name: /^Korjaa/ });
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Korjaa kirjausta: Lastensuojelun perhetyö, 3.2.2026',
      'Korjaa kirjausta: Lastensuojelun perhetyö, helmikuu 2026',
      'Korjaa kirjausta: Lastensuojelun perhetyö, tammikuu 2026',
    ]);
    await user.click(buttons[1]!);
    expect(
      within(list).getByRole('form', { name: 'Korjaa kirjausta: Lastensuojelun perhetyö, helmikuu 2026' }),
    ).toBeInTheDocument();
  });

  it('when the family opens it, then it sees the services it received in plain words and no prices', async () => {
    costsApi(guardian, 'family');
    renderApp(`/families/${familyId}/costs`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Saamamme palvelut' })).toBeInTheDocument();
    expect(await screen.findByText('tammikuu 2026: 2 × käynti')).toBeInTheDocument();
    expect(screen.queryByText(/€/)).not.toBeInTheDocument();
  });
});

describe('usage file route', () => {
  const withErrors: UsageCsvResult = {
    rows: [{ line: 2, familyId, serviceId: testId(210), month: '2026-01', units: 2, note: '' }],
    errors: [
      { line: 3, problem: 'bad_month', reason: 'Bad month' },
      { line: 4, problem: 'duplicate_row', reason: 'Duplicate row', duplicateOf: 2 },
    ],
    stored: false,
  };

  it('when a file has bad lines, then each is listed by number, nothing is stored and saving is not offered', async () => {
    const sent: string[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(worker)),
      http.post('/api/service-usage/csv/preview', async ({ request }) => {
        sent.push(`${request.headers.get('content-type')}|${await request.text()}`);
        return HttpResponse.json(withErrors);
      }),
    );
    const { user } = renderApp('/service-usage/csv');
    const file = new File(['family,service,month,units\n'], 'kaytto.csv', { type: 'text/csv' });
    await screen.findByRole('button', { name: 'CSV-tiedosto' });
    // Mantine's file field is a button over a hidden file input: the file goes to the input.
    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, file);

    const errors = await screen.findByRole('table', { name: 'Virheelliset rivit' });
    expect(
      within(errors)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'RiviSyy',
      '3Virheellinen kuukausi: kirjoita muodossa VVVV-KK, esim. 2026-03.',
      '4Sama perhe, palvelu ja kuukausi on jo rivillä 2.',
    ]);
    expect(screen.getByRole('button', { name: 'Tallenna kaikki 1 riviä' })).toBeDisabled();
    expect(sent).toEqual(['text/csv; charset=utf-8|family,service,month,units\n']);
  });

  it('when someone other than a worker opens it, then there is no such page', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json(coordinator)));
    renderApp('/service-usage/csv');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
  });
});
