import { configure, screen, waitFor, within } from '@testing-library/react';
import type { CreateService, Role } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildAdminAccount, buildCatalogueService, buildCurrentUser, testId } from '../../test/fixtures';
import { signedInAsAdmin, testAdmin, testOrganisations } from '../../test/admin-handlers';
import { problem, server } from '../../test/msw-server';

// Each screen here is its own lazily loaded chunk, and the forms are long to type: give a busy machine time.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(60_000);

const admin = testAdmin;
const organisations = testOrganisations;

describe('administration: who gets in', () => {
  it('when the administrator opens "/", then their area opens on the catalogue and the header links to it', async () => {
    signedInAsAdmin();
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ylläpito' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/services');
    expect(screen.getByRole('link', { name: 'Ylläpito' })).toHaveAttribute('href', '/admin');
    const nav = screen.getByRole('navigation', { name: 'Ylläpidon osiot' });
    expect(within(nav).getByRole('link', { name: 'Palveluluettelo' })).toHaveAttribute('aria-current', 'page');
  });

  it.each<Role>(['coordinator', 'worker', 'family', 'manager'])(
    'when a %s opens the administration area, then there is no such page and no link to it',
    async (role) => {
      let asked = false;
      server.use(
        http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role }))),
        http.get('/api/services', () => {
          asked = true;
          return problem(404, 'not_found');
        }),
        http.get('/api/admin/accounts', () => {
          asked = true;
          return problem(404, 'not_found');
        }),
      );
      renderApp('/admin/accounts');

      expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Ylläpito' })).not.toBeInTheDocument();
      expect(screen.queryByRole('navigation', { name: 'Ylläpidon osiot' })).not.toBeInTheDocument();
      expect(asked).toBe(false);
    },
  );
});

describe('administration: the service catalogue', () => {
  it('when the catalogue opens, then each service shows its name, field, provider, unit and unit cost in euros', async () => {
    signedInAsAdmin([
      buildCatalogueService(),
      buildCatalogueService({
        id: testId(211),
        name: { fi: 'Sijaishuolto', sv: 'Vård utom hemmet', en: 'Placement outside the home' },
        category: 'child-protection',
        unit: 'day',
        unitCostCents: 35_600,
        contact: '',
      }),
    ]);
    renderApp('/admin/services');

    const table = await screen.findByRole('table', { name: 'Palveluluettelo' });
    const clinic = within(table)
      .getByRole('rowheader', { name: /Lastenneuvola/ })
      .closest('tr') as HTMLElement;
    expect(within(clinic).getByText('Terveyspalvelut')).toBeInTheDocument();
    expect(within(clinic).getByText('Demo-hyvinvointialue')).toBeInTheDocument();
    expect(within(clinic).getByText('käynti')).toBeInTheDocument();
    expect(within(clinic).getByText('95,00 €')).toBeInTheDocument();
    const placement = within(table).getByRole('rowheader', { name: 'Sijaishuolto' }).closest('tr') as HTMLElement;
    expect(within(placement).getByText('Lastensuojelu')).toBeInTheDocument();
    expect(within(placement).getByText('356,00 €')).toBeInTheDocument();
  });

  it('when the administrator adds a service with every field, then it is sent in cents with all three names and listed', async () => {
    const catalogue = signedInAsAdmin();
    const posted: unknown[] = [];
    server.use(
      http.post('/api/services', async ({ request }) => {
        const body = (await request.json()) as CreateService;
        posted.push(body);
        catalogue.push(
          buildCatalogueService({
            id: testId(212),
            name: body.name,
            category: body.category,
            organisation: organisations[1]!,
            unit: body.unit,
            unitCostCents: body.unitCostCents,
            description: body.description,
            contact: body.contact,
          }),
        );
        return HttpResponse.json(catalogue.at(-1), { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/services');

    await user.click(await screen.findByRole('button', { name: 'Lisää palvelu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lisää palvelu luetteloon' });
    await user.click(within(dialog).getByRole('button', { name: 'Lisää palvelu' }));
    expect(within(dialog).getByText('Kirjoita nimi suomeksi.')).toBeInTheDocument();
    expect(within(dialog).getByText('Valitse tuottaja.')).toBeInTheDocument();
    expect(within(dialog).getByText('Kirjoita yksikköhinta euroina (0–1 000 000 €).')).toBeInTheDocument();
    expect(posted).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Nimi suomeksi/ }), 'Rinnallakulkija');
    await user.type(within(dialog).getByRole('textbox', { name: /Nimi ruotsiksi/ }), 'Stödperson');
    await user.type(within(dialog).getByRole('textbox', { name: /Nimi englanniksi/ }), 'Walk-alongside');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Palveluala/ }), 'Järjestöt');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Tuottaja/ }), 'Lapsikylä-demo ry');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Yksikkö/ }), 'tunti');
    await user.type(within(dialog).getByRole('textbox', { name: /Yksikköhinta/ }), '55,5');
    await user.type(within(dialog).getByRole('textbox', { name: 'Kuvaus' }), 'Arjen tuki');
    await user.type(within(dialog).getByRole('textbox', { name: /Yhteystiedot/ }), 'rinnalla@demo.fi');
    await user.click(within(dialog).getByRole('button', { name: 'Lisää palvelu' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posted).toEqual([
      {
        name: { fi: 'Rinnallakulkija', sv: 'Stödperson', en: 'Walk-alongside' },
        category: 'ngo',
        organisationId: testId(21),
        unit: 'hour',
        unitCostCents: 5_550,
        description: 'Arjen tuki',
        contact: 'rinnalla@demo.fi',
      },
    ]);
    const added = screen.getByRole('rowheader', { name: /Rinnallakulkija/ }).closest('tr') as HTMLElement;
    expect(within(added).getByText('55,50 €')).toBeInTheDocument();
  });

  it('when the administrator edits a service, then only the changed fields are sent and the row shows them', async () => {
    const catalogue = signedInAsAdmin();
    const patched: unknown[] = [];
    server.use(
      http.patch(`/api/services/${testId(210)}`, async ({ request }) => {
        const { organisationId, ...body } = (await request.json()) as Partial<CreateService>;
        patched.push({ organisationId, ...body });
        const saved = catalogue[0]!;
        catalogue[0] = {
          ...saved,
          ...body,
          organisation: organisations.find((organisation) => organisation.id === organisationId) ?? saved.organisation,
        };
        return HttpResponse.json(catalogue[0]);
      }),
    );
    const { user } = renderApp('/admin/services');

    await user.click(await screen.findByRole('button', { name: 'Muokkaa palvelua Lastenneuvola' }));
    const dialog = await screen.findByRole('dialog', { name: 'Muokkaa palvelua: Lastenneuvola' });
    const cost = await within(dialog).findByRole('textbox', { name: /Yksikköhinta/ });
    expect(cost).toHaveValue('95,00');
    expect(within(dialog).getByRole('combobox', { name: /Tuottaja/ })).toHaveValue(testId(20));
    const swedish = within(dialog).getByRole('textbox', { name: /Nimi ruotsiksi/ });
    await user.clear(swedish);
    await user.type(swedish, 'Barnrådgivningen');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Tuottaja/ }), 'Lapsikylä-demo ry');
    await user.clear(cost);
    await user.type(cost, '99,90');
    const validFrom = within(dialog).getByLabelText(/Uusi hinta voimassa alkaen/);
    await user.type(validFrom, '1.1.2099');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna muutokset' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(patched).toEqual([
      {
        name: { fi: 'Lastenneuvola', sv: 'Barnrådgivningen', en: 'Child health clinic' },
        organisationId: testId(21),
        unitCostCents: 9_990,
        priceValidFrom: '2099-01-01',
      },
    ]);
    const row = screen.getByRole('rowheader', { name: /Lastenneuvola/ }).closest('tr') as HTMLElement;
    expect(within(row).getByText('99,90 €')).toBeInTheDocument();
    expect(within(row).getByText('Lapsikylä-demo ry')).toBeInTheDocument();
  });

  it('when saving a change fails, then the form stays open and says why', async () => {
    signedInAsAdmin();
    server.use(http.patch(`/api/services/${testId(210)}`, () => problem(500, 'internal')));
    const { user } = renderApp('/admin/services');

    await user.click(await screen.findByRole('button', { name: 'Muokkaa palvelua Lastenneuvola' }));
    const dialog = await screen.findByRole('dialog', { name: 'Muokkaa palvelua: Lastenneuvola' });
    await user.type(await within(dialog).findByRole('textbox', { name: 'Kuvaus' }), ' ja perhevalmennus');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna muutokset' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Tallennus ei onnistunut. Yritä uudelleen.');
  });
});

describe('administration: accounts', () => {
  const accounts = [
    buildAdminAccount({
      id: testId(31),
      name: 'Anna Virtanen',
      email: 'anna.virtanen@example.fi',
      role: 'family',
      organisation: null,
      services: [],
      secondFactor: 'not_used',
    }),
    buildAdminAccount(),
    buildAdminAccount({ id: admin.id, name: admin.name, email: admin.email, role: 'admin', services: [] }),
    buildAdminAccount({
      id: testId(32),
      name: 'Olli Räsänen',
      role: 'coordinator',
      services: [],
      secondFactor: 'not_enrolled',
      disabledAt: '2026-02-03T10:00:00.000Z',
    }),
  ];

  it('when the accounts open, then each shows role, organisation, services, second factor and status, and the role filter asks the server', async () => {
    signedInAsAdmin();
    const roles: (string | null)[] = [];
    server.use(
      http.get('/api/admin/accounts', ({ request }) => {
        const role = new URL(request.url).searchParams.get('role');
        roles.push(role);
        return HttpResponse.json({ accounts: role ? accounts.filter((account) => account.role === role) : accounts });
      }),
    );
    const { user, router } = renderApp('/admin/accounts');

    const table = await screen.findByRole('table', { name: 'Käyttäjätilit' });
    expect(screen.getByText('4 tiliä')).toBeInTheDocument();
    const mikko = within(table)
      .getByRole('rowheader', { name: /Mikko Salo/ })
      .closest('tr') as HTMLElement;
    expect(within(mikko).getByText('palvelun työntekijä')).toBeInTheDocument();
    expect(within(mikko).getByText('Lastensuojelun perhetyö')).toBeInTheDocument();
    expect(within(mikko).getByText('Otettu käyttöön')).toBeInTheDocument();
    expect(within(mikko).getByText('Käytössä')).toBeInTheDocument();
    const anna = within(table)
      .getByRole('rowheader', { name: /Anna Virtanen/ })
      .closest('tr') as HTMLElement;
    expect(within(anna).getByText('perheenjäsen')).toBeInTheDocument();
    expect(within(anna).getByText('Ei tarvita')).toBeInTheDocument();
    const olli = within(table)
      .getByRole('rowheader', { name: /Olli Räsänen/ })
      .closest('tr') as HTMLElement;
    expect(within(olli).getByText('Ei otettu käyttöön')).toBeInTheDocument();
    expect(within(olli).getByText('Suljettu 3.2.2026')).toBeInTheDocument();
    expect(
      within(olli)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(['Muuta roolia ja palveluja: Olli Räsänen', 'Avaa tili uudelleen: Olli Räsänen']);
    expect(within(anna).queryByRole('button', { name: /Muuta roolia/ })).not.toBeInTheDocument();
    const own = within(table)
      .getByRole('rowheader', { name: /Ylläpitäjä Demo/ })
      .closest('tr') as HTMLElement;
    expect(
      within(own)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(['Muuta roolia ja palveluja: Ylläpitäjä Demo']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rooli' }), 'Perheenjäsenet');
    await waitFor(() => expect(screen.getByText('1 tili')).toBeInTheDocument());
    expect(roles).toEqual([null, 'family']);
    expect(router.state.location.search).toBe('?role=family');

    await user.type(screen.getByRole('searchbox', { name: 'Hae nimellä tai sähköpostilla' }), 'mikko');
    expect(await screen.findByText('0 tiliä')).toBeInTheDocument();
  });

  it('when the administrator disables an account and confirms, then the server is told and the list shows it closed', async () => {
    signedInAsAdmin();
    let disabled = false;
    server.use(
      http.get('/api/admin/accounts', () =>
        HttpResponse.json({
          accounts: accounts.map((account) =>
            account.id === testId(31) && disabled ? { ...account, disabledAt: '2026-03-01T09:00:00.000Z' } : account,
          ),
        }),
      ),
      http.post(`/api/admin/accounts/${testId(31)}/disable`, () => {
        disabled = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Sulje tili: Anna Virtanen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suljetaanko tili?' });
    expect(dialog).toHaveTextContent('Tili Anna Virtanen (anna.virtanen@example.fi) suljetaan.');
    expect(dialog).toHaveTextContent('kirjautuu heti ulos kaikilta laitteilta');
    await user.click(within(dialog).getByRole('button', { name: 'Peruuta' }));
    expect(disabled).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Sulje tili: Anna Virtanen' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Suljetaanko tili?' })).getByRole('button', { name: 'Sulje tili' }),
    );

    const anna = (await screen.findByText('Suljettu 1.3.2026')).closest('tr') as HTMLElement;
    expect(within(anna).getByRole('rowheader', { name: /Anna Virtanen/ })).toBeInTheDocument();
    expect(disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Sulje tili: Anna Virtanen' })).not.toBeInTheDocument();
  });

  it('when an account is locked, then the list says until when, and the administrator lifts the lock after confirming', async () => {
    signedInAsAdmin();
    let unlocked = false;
    const locked = buildAdminAccount({ id: testId(33), name: 'Liisa Aho', secondFactorLockedUntil: '2026-03-01T10:15:00.000Z' });
    server.use(
      http.get('/api/admin/accounts', () =>
        HttpResponse.json({ accounts: [unlocked ? { ...locked, secondFactorLockedUntil: null } : locked] }),
      ),
      http.post(`/api/admin/accounts/${testId(33)}/unlock`, () => {
        unlocked = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/admin/accounts');

    const row = (await screen.findByText(/^Lukittu 1\.3\.2026 klo/)).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Poista lukitus: Liisa Aho' }));
    const dialog = await screen.findByRole('dialog', { name: 'Poistetaanko lukitus?' });
    await user.click(within(dialog).getByRole('button', { name: 'Poista lukitus' }));

    expect(await screen.findByText('Käytössä')).toBeInTheDocument();
    expect(unlocked).toBe(true);
    expect(screen.queryByRole('button', { name: 'Poista lukitus: Liisa Aho' })).not.toBeInTheDocument();
  });

  it('when disabling fails, then the dialog stays open and says so', async () => {
    signedInAsAdmin();
    server.use(
      http.get('/api/admin/accounts', () => HttpResponse.json({ accounts })),
      http.post(`/api/admin/accounts/${testId(30)}/disable`, () => problem(403, 'forbidden')),
    );
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Sulje tili: Mikko Salo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suljetaanko tili?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sulje tili' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Sinulla ei ole oikeutta tähän muutokseen.');
  });
});

describe('administration: audit log export', () => {
  const createObjectURL = jest.fn(() => 'blob:audit');
  const revokeObjectURL = jest.fn();
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('when the administrator downloads a window, then whole Finnish days are asked for and the file is saved', async () => {
    signedInAsAdmin();
    const asked: Record<string, string>[] = [];
    server.use(
      http.get('/api/audit/export', ({ request }) => {
        asked.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json({ entries: [] });
      }),
    );
    const { user } = renderApp('/admin/audit');

    const from = await screen.findByLabelText(/Alkaen/);
    const to = screen.getByLabelText(/Päättyen/);
    await user.clear(from);
    await user.type(from, '1.1.2026');
    await user.clear(to);
    await user.type(to, '30.6.2026');
    await user.click(screen.getByRole('button', { name: 'Lataa lokitiedot' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Ladattiin 0 lokitapahtumaa tiedostoon audit-log-2026-01-01_2026-06-30.json.',
    );
    expect(asked).toEqual([{ from: '2025-12-31T22:00:00.000Z', to: '2026-06-30T21:00:00.000Z' }]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('when the end is before the start or the window is longer than a year, then nothing is asked for', async () => {
    signedInAsAdmin();
    let asked = false;
    server.use(
      http.get('/api/audit/export', () => {
        asked = true;
        return HttpResponse.json({ entries: [] });
      }),
    );
    const { user } = renderApp('/admin/audit');

    const from = await screen.findByLabelText(/Alkaen/);
    const to = screen.getByLabelText(/Päättyen/);
    await user.clear(from);
    await user.type(from, '1.3.2026');
    await user.clear(to);
    await user.type(to, '1.2.2026');
    await user.click(screen.getByRole('button', { name: 'Lataa lokitiedot' }));
    expect(screen.getByText('Päättymispäivä ei voi olla ennen alkamispäivää.')).toBeInTheDocument();

    await user.clear(from);
    await user.type(from, '1.1.2024');
    await user.click(screen.getByRole('button', { name: 'Lataa lokitiedot' }));
    expect(screen.getByText('Valitse enintään vuoden mittainen aika.')).toBeInTheDocument();
    expect(asked).toBe(false);
  });
});
