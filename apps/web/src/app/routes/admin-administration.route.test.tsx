import { configure, screen, waitFor, within } from '@testing-library/react';
import type { AdminAccount } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildAdminAccount, buildCatalogueService, testId } from '../../test/fixtures';
import { onAPhone, signedInAsAdmin, testAdmin, testOrganisations } from '../../test/admin-handlers';
import { problem, server } from '../../test/msw-server';

// Lazily loaded screens on a busy two-core machine: the first render of a file can take over ten seconds.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

const mikko = buildAdminAccount();
const olli = buildAdminAccount({
  id: testId(32),
  name: 'Olli Räsänen',
  email: 'olli@varkaus-demo.fi',
  role: 'coordinator',
  services: [],
  disabledAt: '2026-02-03T10:00:00.000Z',
});
const clinic = buildCatalogueService();
const otherOrganisations = buildCatalogueService({
  id: testId(212),
  name: { fi: 'Rinnallakulkijat' },
  organisation: testOrganisations[1]!,
});
const retiredClinic = buildCatalogueService({
  id: testId(213),
  name: { fi: 'Vanha kerho' },
  retiredAt: '2026-01-10T08:00:00.000Z',
});

/** The accounts the server holds; PATCH and enable handlers change them. */
function withAccounts(accounts: AdminAccount[]) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json({ ...testAdmin, organisationId: testOrganisations[0]!.id })),
    http.get('/api/admin/accounts', () => HttpResponse.json({ accounts })),
  );
  return accounts;
}

describe('administration: creating an account', () => {
  it("when the administrator creates a worker, then only their organisation's services in use are offered, the form checks the fields, and the answer says where the invitation went", async () => {
    signedInAsAdmin([clinic, otherOrganisations, retiredClinic]);
    withAccounts([mikko]);
    let sent: unknown = null;
    server.use(
      http.post('/api/admin/accounts', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(buildAdminAccount({ id: testId(40), name: 'Ville Uusi', email: 'ville.uusi@varkaus-demo.fi' }), {
          status: 201,
        });
      }),
    );
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Lisää käyttäjätili' }));
    const dialog = await screen.findByRole('dialog', { name: 'Uusi käyttäjätili' });
    expect(within(dialog).getByRole('combobox', { name: 'Organisaatio' })).toHaveValue(testOrganisations[0]!.id);
    const services = within(dialog).getByRole('group', { name: /Palvelut, joissa hän työskentelee/ });
    expect(
      within(services)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('value')),
    ).toEqual([clinic.id]);

    await user.click(within(dialog).getByRole('button', { name: 'Luo tili ja lähetä kutsu' }));
    expect(within(dialog).getByText('Kirjoita nimi.')).toBeInTheDocument();
    expect(within(dialog).getByText('Tarkista sähköpostiosoite.')).toBeInTheDocument();
    expect(within(dialog).getByText('Valitse vähintään yksi palvelu.')).toBeInTheDocument();
    expect(sent).toBeNull();

    await user.type(within(dialog).getByRole('textbox', { name: 'Nimi' }), 'Ville Uusi');
    await user.type(within(dialog).getByRole('textbox', { name: 'Sähköposti' }), ' Ville.Uusi@Varkaus-demo.fi ');
    await user.click(within(services).getByRole('checkbox', { name: 'Lastenneuvola' }));
    await user.click(within(dialog).getByRole('button', { name: 'Luo tili ja lähetä kutsu' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Tili luotiin. Kutsu lähti osoitteeseen ville.uusi@varkaus-demo.fi.',
    );
    expect(sent).toEqual({
      name: 'Ville Uusi',
      email: 'ville.uusi@varkaus-demo.fi',
      role: 'worker',
      organisationId: testOrganisations[0]!.id,
      serviceIds: [clinic.id],
    });
  });

  it('when the administrator creates a manager without an organisation, then no services are asked for and none are sent', async () => {
    signedInAsAdmin();
    withAccounts([mikko]);
    let sent: unknown = null;
    server.use(
      http.post('/api/admin/accounts', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(buildAdminAccount({ role: 'manager', services: [] }), { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Lisää käyttäjätili' }));
    const dialog = await screen.findByRole('dialog', { name: 'Uusi käyttäjätili' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Nimi' }), 'Päivi Uusi');
    await user.type(within(dialog).getByRole('textbox', { name: 'Sähköposti' }), 'paivi@varkaus-demo.fi');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Rooli' }), 'Johto');
    expect(within(dialog).queryByRole('group', { name: /Palvelut/ })).not.toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Organisaatio' }), 'Ei organisaatiota');
    await user.click(within(dialog).getByRole('button', { name: 'Luo tili ja lähetä kutsu' }));

    await within(dialog).findByRole('status');
    expect(sent).toEqual({
      name: 'Päivi Uusi',
      email: 'paivi@varkaus-demo.fi',
      role: 'manager',
      organisationId: null,
      serviceIds: [],
    });
  });

  it('when the address has an account already, then the email field says so and the form stays open', async () => {
    signedInAsAdmin();
    withAccounts([mikko]);
    server.use(http.post('/api/admin/accounts', () => problem(409, 'email_taken')));
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Lisää käyttäjätili' }));
    const dialog = await screen.findByRole('dialog', { name: 'Uusi käyttäjätili' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Nimi' }), 'Mikko Toinen');
    await user.type(within(dialog).getByRole('textbox', { name: 'Sähköposti' }), mikko.email);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Rooli' }), 'Koordinaattori');
    await user.click(within(dialog).getByRole('button', { name: 'Luo tili ja lähetä kutsu' }));

    const email = within(dialog).getByRole('textbox', { name: 'Sähköposti' });
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Tällä sähköpostiosoitteella on jo tili/));
    expect(within(dialog).queryByRole('status')).not.toBeInTheDocument();
  });
});

describe('administration: changing a role, reopening an account', () => {
  it('when the administrator moves a worker to coordinating, then the new role goes with no services', async () => {
    signedInAsAdmin();
    const accounts = withAccounts([mikko]);
    let sent: unknown = null;
    server.use(
      http.patch(`/api/admin/accounts/${mikko.id}`, async ({ request }) => {
        sent = await request.json();
        accounts[0] = { ...mikko, role: 'coordinator', services: [] };
        return HttpResponse.json(accounts[0]);
      }),
    );
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Muuta roolia ja palveluja: Mikko Salo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rooli ja palvelut: Mikko Salo' });
    expect(within(dialog).getByRole('checkbox', { name: 'Lastenneuvola' })).toBeChecked();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Rooli' }), 'Koordinaattori');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna muutos' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual({ role: 'coordinator', serviceIds: [] });
    const row = screen.getByRole('rowheader', { name: /Mikko Salo/ }).closest('tr') as HTMLElement;
    expect(await within(row).findByText('koordinaattori')).toBeInTheDocument();
  });

  it.each([
    ['coordinator_has_families', 'Perheet pitää ensin siirtää toiselle koordinaattorille.'],
    ['last_administrator', 'Tämä on viimeinen ylläpitäjä, joka voi kirjautua.'],
  ] as const)('when the server refuses with %s, then the dialog says what to do first', async (code, text) => {
    signedInAsAdmin();
    withAccounts([{ ...olli, disabledAt: null }]);
    server.use(http.patch(`/api/admin/accounts/${olli.id}`, () => problem(409, code)));
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Muuta roolia ja palveluja: Olli Räsänen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rooli ja palvelut: Olli Räsänen' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Rooli' }), 'Johto');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna muutos' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(text);
  });

  it('when the administrator reopens a closed account after confirming, then the list shows it in use', async () => {
    signedInAsAdmin();
    const accounts = withAccounts([olli]);
    let reopened = false;
    server.use(
      http.post(`/api/admin/accounts/${olli.id}/enable`, () => {
        reopened = true;
        accounts[0] = { ...olli, disabledAt: null };
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/admin/accounts');

    await user.click(await screen.findByRole('button', { name: 'Avaa tili uudelleen: Olli Räsänen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avataanko tili uudelleen?' });
    expect(dialog).toHaveTextContent('Tili Olli Räsänen (olli@varkaus-demo.fi) avataan uudelleen.');
    await user.click(within(dialog).getByRole('button', { name: 'Avaa tili' }));

    expect(await screen.findByText('Käytössä')).toBeInTheDocument();
    expect(reopened).toBe(true);
    expect(screen.getByRole('button', { name: 'Sulje tili: Olli Räsänen' })).toBeInTheDocument();
  });
});

describe('administration: retiring a service', () => {
  it('when the administrator retires a service after confirming, then it shows retired and can be restored', async () => {
    const catalogue = signedInAsAdmin([clinic]);
    let posted: string | null = null;
    server.use(
      http.post(`/api/services/${clinic.id}/retire`, () => {
        posted = 'retire';
        catalogue[0] = { ...clinic, retiredAt: '2026-03-02T09:00:00.000Z' };
        return HttpResponse.json(catalogue[0]);
      }),
    );
    const { user } = renderApp('/admin/services');

    await user.click(await screen.findByRole('button', { name: 'Lakkauta palvelu: Lastenneuvola' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lakkautetaanko palvelu?' });
    expect(dialog).toHaveTextContent('Suunnitelmat ja kustannukset näyttävät sen yhä');
    await user.click(within(dialog).getByRole('button', { name: 'Lakkauta palvelu' }));

    const row = (await screen.findByText('Lakkautettu 2.3.2026')).closest('tr') as HTMLElement;
    expect(within(row).getByRole('button', { name: 'Ota palvelu takaisin käyttöön: Lastenneuvola' })).toBeInTheDocument();
    expect(posted).toBe('retire');
  });
});

describe('administration on a phone', () => {
  let undo: () => void;
  beforeEach(() => {
    undo = onAPhone();
  });
  afterEach(() => undo());

  it('when the accounts open on a phone, then each account is a card with its role, status and every action, and there is no wide table', async () => {
    signedInAsAdmin();
    withAccounts([mikko, olli]);
    renderApp('/admin/accounts');

    const list = await screen.findByRole('list', { name: 'Käyttäjätilit' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const card = within(list).getByRole('heading', { level: 3, name: 'Mikko Salo' }).closest('li') as HTMLElement;
    expect(within(card).getByText('mikko.perhetyo@varkaus-demo.fi')).toBeInTheDocument();
    expect(within(card).getByText('palvelun työntekijä')).toBeInTheDocument();
    expect(within(card).getByText('Käytössä')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Muuta roolia ja palveluja: Mikko Salo' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Sulje tili: Mikko Salo' })).toBeInTheDocument();
    const closed = within(list).getByRole('heading', { level: 3, name: 'Olli Räsänen' }).closest('li') as HTMLElement;
    expect(within(closed).getByRole('button', { name: 'Avaa tili uudelleen: Olli Räsänen' })).toBeInTheDocument();
  });

  it('when the catalogue opens on a phone, then each service is a card whose price and edit button are there to reach', async () => {
    signedInAsAdmin([clinic, retiredClinic]);
    const { user } = renderApp('/admin/services');

    const list = await screen.findByRole('list', { name: 'Palveluluettelo' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const card = within(list).getByRole('heading', { level: 3, name: 'Lastenneuvola' }).closest('li') as HTMLElement;
    expect(within(card).getByText('95,00 € / käynti')).toBeInTheDocument();
    const retired = within(list).getByRole('heading', { level: 3, name: 'Vanha kerho' }).closest('li') as HTMLElement;
    expect(within(retired).getByText('Lakkautettu 10.1.2026')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Muokkaa palvelua Lastenneuvola' }));
    expect(await screen.findByRole('dialog', { name: /Lastenneuvola/ })).toBeInTheDocument();
  });
});
