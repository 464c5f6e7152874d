import { act, screen, waitFor, within } from '@testing-library/react';
import type { ConsentDecision, CurrentUser, FamilyConsents, PresencePreference, ServiceRoleVisibility } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import {
  buildConsents,
  buildCurrentUser,
  buildPlan,
  counsellingServiceId,
  familyId,
  familyWorkRoleId,
  familyWorkServiceId,
  testId,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

const consentsPath = `/families/${familyId}/consents`;
const guardian = buildCurrentUser({ id: testId(600), name: 'Anna Virtanen', role: 'family', email: 'anna@example.fi' });

/** The consents as the server keeps them; a POST or PATCH applies the change like the server does. */
function consentsApi({
  user = guardian,
  refuse,
}: { user?: CurrentUser; refuse?: 'not_found' | 'case_closed' | 'version_conflict' } = {}) {
  const state: {
    consents: FamilyConsents;
    sent: ConsentDecision[];
    hidings: Array<ServiceRoleVisibility & { serviceRoleId: string }>;
    reads: number;
    presenceChoices: PresencePreference[];
  } = { consents: buildConsents(), sent: [], hidings: [], reads: 0, presenceChoices: [] };
  const refusal = () => problem(refuse === 'not_found' ? 404 : 409, refuse!);
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan())),
    http.get(`/api/families/${familyId}/consents`, () => {
      state.reads += 1;
      return HttpResponse.json(state.consents);
    }),
    http.get(`/api/families/${familyId}/presence-preference`, () => HttpResponse.json({ seesCoordinatorPresence: false })),
    http.put(`/api/families/${familyId}/presence-preference`, async ({ request }) => {
      const choice = (await request.json()) as PresencePreference;
      state.presenceChoices.push(choice);
      return refuse ? problem(503, 'internal') : HttpResponse.json(choice);
    }),
    http.post(`/api/families/${familyId}/consents`, async ({ request }) => {
      const decision = (await request.json()) as ConsentDecision;
      state.sent.push(decision);
      if (refuse) return refusal();
      state.consents = {
        services: state.consents.services.map((service) =>
          service.serviceId === decision.serviceId
            ? { ...service, parts: { ...service.parts, [decision.part]: decision.granted } }
            : service,
        ),
        history: [
          ...state.consents.history,
          { ...decision, decidedBy: { id: user.id, name: user.name }, decidedAt: '2026-02-01T08:15:00.000Z' },
        ],
      };
      return HttpResponse.json(state.consents);
    }),
    http.patch(`/api/families/${familyId}/service-roles/:serviceRoleId/visibility`, async ({ request, params }) => {
      const change = (await request.json()) as ServiceRoleVisibility;
      state.hidings.push({ serviceRoleId: String(params.serviceRoleId), ...change });
      if (refuse) return refusal();
      state.consents = {
        ...state.consents,
        services: state.consents.services.map((service) =>
          service.serviceRole.id === params.serviceRoleId
            ? {
                ...service,
                serviceRole: {
                  ...service.serviceRole,
                  hiddenFromOtherServices: change.hiddenFromOtherServices,
                  version: change.version + 1,
                },
              }
            : service,
        ),
      };
      return HttpResponse.json(state.consents);
    }),
  );
  return state;
}

async function serviceLine(name: string) {
  const lines = await screen.findByRole('list', { name: 'Palvelut ja mitä ne näkevät' });
  return within(lines)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.startsWith(name))!;
}

async function openDialog(user: ReturnType<typeof renderApp>['user'], service: string) {
  await user.click(await screen.findByRole('button', { name: `Muuta: ${service}` }));
  return screen.findByRole('dialog', { name: service });
}

describe('consents route', () => {
  it('when a guardian opens it, then each service has one line saying in plain words what it can see, and the history says who, when, what', async () => {
    consentsApi();
    renderApp(consentsPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mitä palvelut näkevät' })).toBeInTheDocument();
    expect(await serviceLine('Lastensuojelun perhetyö')).toHaveTextContent(
      'Lastensuojelun perhetyö näkee: tarinan, yhteisen arvioinnin ja tavoitteet',
    );
    expect(await serviceLine('Perheneuvola')).toHaveTextContent('Perheneuvola ei näe mitään');
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(screen.queryByText('Muut palvelut eivät näe, että se on mukana.')).not.toBeInTheDocument();

    const history = screen.getByRole('region', { name: 'Muutoshistoria' });
    expect(within(history).getByText('Lupa annettu')).toBeInTheDocument();
    expect(within(history).getByText('Lastensuojelun perhetyö – Tavoitteet')).toBeInTheDocument();
    expect(within(history).getByText('Anna Virtanen, 5.1.2026 klo 12.30')).toBeInTheDocument();
  });

  it('when a guardian withdraws a consent in the dialog, then it is sent at once, the switch turns off, the line and the history follow', async () => {
    const api = consentsApi();
    const { user } = renderApp(consentsPath);

    const dialog = await openDialog(user, 'Lastensuojelun perhetyö');
    const goals = within(dialog).getByRole('switch', { name: 'Tavoitteet' });
    expect(goals).toBeChecked();
    await user.click(goals);

    expect(await screen.findByText('Tallennettu. Lastensuojelun perhetyö ei enää näe: Tavoitteet.')).toBeInTheDocument();
    expect(api.sent).toEqual([{ serviceId: familyWorkServiceId, part: 'goals', granted: false }]);
    expect(goals).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Valmis' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await serviceLine('Lastensuojelun perhetyö')).toHaveTextContent('näkee: tarinan ja yhteisen arvioinnin');
    const history = screen.getByRole('region', { name: 'Muutoshistoria' });
    expect(within(history).getByText('Lupa otettu pois')).toBeInTheDocument();
    expect(within(history).getByText('Anna Virtanen, 1.2.2026 klo 10.15')).toBeInTheDocument();
  });

  it('when a guardian hides a service from the other services, then the role is sent with its version and the line says the others do not see it', async () => {
    const api = consentsApi();
    const { user } = renderApp(consentsPath);

    const dialog = await openDialog(user, 'Perheneuvola');
    const hide = within(dialog).getByRole('switch', { name: 'Pidä muilta palveluilta piilossa' });
    expect(hide).not.toBeChecked();
    await user.click(hide);

    expect(await screen.findByText('Tallennettu. Muut palvelut eivät näe, että Perheneuvola on mukana.')).toBeInTheDocument();
    expect(api.hidings).toEqual([{ serviceRoleId: testId(201), hiddenFromOtherServices: true, version: 1 }]);
    expect(hide).toBeChecked();
    expect(await serviceLine('Perheneuvola')).toHaveTextContent('Muut palvelut eivät näe, että se on mukana.');
    expect(await serviceLine('Lastensuojelun perhetyö')).not.toHaveTextContent('Muut palvelut');
  });

  it('when someone else changed the service meanwhile, then the conflict is told and the choice is read again', async () => {
    const api = consentsApi({ refuse: 'version_conflict' });
    const { user } = renderApp(consentsPath);

    const dialog = await openDialog(user, 'Perheneuvola');
    const readsBefore = api.reads;
    await user.click(within(dialog).getByRole('switch', { name: 'Pidä muilta palveluilta piilossa' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Joku muutti tätä juuri.');
    await waitFor(() => expect(api.reads).toBeGreaterThan(readsBefore));
    expect(within(dialog).getByRole('switch', { name: 'Pidä muilta palveluilta piilossa' })).not.toBeChecked();
  });

  it('when a young member tries a change, then the refusal is explained and the switches become read-only', async () => {
    const api = consentsApi({ user: buildCurrentUser({ name: 'Eetu Virtanen', role: 'family' }), refuse: 'not_found' });
    const { user } = renderApp(consentsPath);

    const dialog = await openDialog(user, 'Lastensuojelun perhetyö');
    const goals = within(dialog).getByRole('switch', { name: 'Tavoitteet' });
    await user.click(goals);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vain huoltaja voi muuttaa näitä valintoja. Näet valinnat, mutta et voi muuttaa niitä.',
    );
    expect(goals).toBeChecked();
    expect(goals).toBeDisabled();
    expect(within(dialog).getByRole('switch', { name: 'Pidä muilta palveluilta piilossa' })).toBeDisabled();
    expect(api.sent).toHaveLength(1);
  });

  it('when the coordinator opens a service, then the family decides the parts, but the coordinator may hide the service', async () => {
    const api = consentsApi({ user: buildCurrentUser() });
    const { user } = renderApp(consentsPath);

    const dialog = await openDialog(user, 'Lastensuojelun perhetyö');
    expect(within(dialog).getByRole('switch', { name: 'Tavoitteet' })).toBeDisabled();
    expect(
      within(dialog).getByText('Perhe päättää, mitä palvelut näkevät. Näet valinnat, mutta et voi muuttaa niitä.'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Pidä muilta palveluilta piilossa' }));
    await waitFor(() =>
      expect(api.hidings).toEqual([{ serviceRoleId: familyWorkRoleId, hiddenFromOtherServices: true, version: 3 }]),
    );
  });

  it('when the case is closed, then the lines show and nothing can be changed', async () => {
    consentsApi();
    server.use(
      http.get(`/api/families/${familyId}/plan`, () =>
        HttpResponse.json(buildPlan({ family: { ...buildPlan().family, status: 'closed' } })),
      ),
    );
    renderApp(consentsPath);

    expect(await serviceLine('Perheneuvola')).toHaveTextContent('Perheneuvola ei näe mitään');
    expect(screen.getByText('Asiakkuus on päättynyt, joten valintoja ei voi enää muuttaa.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Muuta/ })).not.toBeInTheDocument();
  });

  it('when another guardian changes a consent or hides a service, then the line changes here at once', async () => {
    const api = consentsApi();
    const socket = new FakeSocket();
    renderApp(consentsPath, { socket });
    expect(await serviceLine('Perheneuvola')).toHaveTextContent('ei näe mitään');

    api.consents = {
      ...api.consents,
      services: api.consents.services.map((service) =>
        service.serviceId === counsellingServiceId ? { ...service, parts: { ...service.parts, measurements: true } } : service,
      ),
    };
    act(() => socket.receive({ type: 'consent.changed', familyId, id: testId(901), version: 1, seq: 12 }));
    await waitFor(async () => expect(await serviceLine('Perheneuvola')).toHaveTextContent('Perheneuvola näkee: mittaukset'));

    api.consents = {
      ...api.consents,
      services: api.consents.services.map((service) =>
        service.serviceId === counsellingServiceId
          ? { ...service, serviceRole: { ...service.serviceRole, hiddenFromOtherServices: true, version: 2 } }
          : service,
      ),
    };
    act(() => socket.receive({ type: 'serviceRole.updated', familyId, id: testId(201), version: 2, seq: 13 }));
    await waitFor(async () =>
      expect(await serviceLine('Perheneuvola')).toHaveTextContent('Muut palvelut eivät näe, että se on mukana.'),
    );
  });

  it('when a service worker opens the address, then the page says the consents are not there for them', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role: 'worker' }))),
      http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan())),
      http.get(`/api/families/${familyId}/consents`, () => problem(404, 'not_found')),
    );
    renderApp(consentsPath);

    expect(await screen.findByRole('alert')).toHaveTextContent('Suostumuksia ei löydy tai sinulla ei ole oikeutta nähdä niitä.');
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });

  it('when a family member chooses to see when the coordinator is looking, then the choice is saved at once; it starts off', async () => {
    const api = consentsApi();
    const { user } = renderApp(consentsPath);

    const choice = await screen.findByRole('checkbox', {
      name: 'Näytä minulle, kun yhteyshenkilömme Sari Lehtonen katsoo suunnitelmaamme',
    });
    expect(choice).not.toBeChecked();
    await user.click(choice);

    expect(await screen.findByText('Valinta tallennettu.')).toBeInTheDocument();
    expect(choice).toBeChecked();
    expect(api.presenceChoices).toEqual([{ seesCoordinatorPresence: true }]);
  });

  it('when the choice cannot be saved, then the page says so and the box stays as it was', async () => {
    consentsApi({ refuse: 'case_closed' });
    const { user } = renderApp(consentsPath);

    const choice = await screen.findByRole('checkbox', {
      name: 'Näytä minulle, kun yhteyshenkilömme Sari Lehtonen katsoo suunnitelmaamme',
    });
    await user.click(choice);

    expect(await screen.findByText('Valintaa ei voitu tallentaa. Yritä uudelleen.')).toBeInTheDocument();
    expect(choice).not.toBeChecked();
  });

  it('when the coordinator opens the consents, then there is no such choice for them', async () => {
    consentsApi({ user: buildCurrentUser() });
    renderApp(consentsPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mitä palvelut näkevät' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /katsoo suunnitelmaamme/ })).not.toBeInTheDocument();
  });
});
