import { act, screen, within } from '@testing-library/react';
import type { ConsentDecision, CurrentUser, FamilyConsents } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import {
  buildConsents,
  buildCurrentUser,
  buildPlan,
  counsellingServiceId,
  familyId,
  familyWorkServiceId,
  testId,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

const consentsPath = `/families/${familyId}/consents`;
const guardian = buildCurrentUser({ id: testId(600), name: 'Anna Virtanen', role: 'family', email: 'anna@example.fi' });

/** The consents as the server keeps them; a POST applies the decision like the server does. */
function consentsApi({ user = guardian, refuse }: { user?: CurrentUser; refuse?: 'not_found' | 'case_closed' } = {}) {
  const state: { consents: FamilyConsents; sent: ConsentDecision[]; reads: number } = {
    consents: buildConsents(),
    sent: [],
    reads: 0,
  };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan())),
    http.get(`/api/families/${familyId}/consents`, () => {
      state.reads += 1;
      return HttpResponse.json(state.consents);
    }),
    http.post(`/api/families/${familyId}/consents`, async ({ request }) => {
      const decision = (await request.json()) as ConsentDecision;
      state.sent.push(decision);
      if (refuse) return problem(refuse === 'not_found' ? 404 : 409, refuse);
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
  );
  return state;
}

const serviceRegion = (name: string) => screen.findByRole('region', { name });

describe('consents route', () => {
  it('when a guardian opens it, then each service shows a switch per plan part and the history who, when, what', async () => {
    consentsApi();
    renderApp(consentsPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mitä palvelut näkevät' })).toBeInTheDocument();
    const familyWork = await serviceRegion('Lastensuojelun perhetyö');
    for (const part of ['Perheen tarina', 'Yhteinen arviointi', 'Tavoitteet']) {
      expect(within(familyWork).getByRole('switch', { name: part })).toBeChecked();
    }
    expect(within(familyWork).getByRole('switch', { name: 'Kirjaukset' })).not.toBeChecked();
    expect(within(familyWork).getByRole('switch', { name: 'Mittaukset' })).not.toBeChecked();
    expect(within(await serviceRegion('Perheneuvola')).getByRole('switch', { name: 'Tavoitteet' })).not.toBeChecked();

    const history = screen.getByRole('region', { name: 'Muutoshistoria' });
    expect(within(history).getByText('Lupa annettu')).toBeInTheDocument();
    expect(within(history).getByText('Lastensuojelun perhetyö – Tavoitteet')).toBeInTheDocument();
    expect(within(history).getByText('Anna Virtanen, 5.1.2026 klo 12.30')).toBeInTheDocument();
  });

  it('when a guardian withdraws a consent, then it is sent at once, the switch turns off and the history grows', async () => {
    const api = consentsApi();
    const { user } = renderApp(consentsPath);

    const goals = within(await serviceRegion('Lastensuojelun perhetyö')).getByRole('switch', { name: 'Tavoitteet' });
    await user.click(goals);

    expect(await screen.findByText('Tallennettu. Lastensuojelun perhetyö ei enää näe: Tavoitteet.')).toBeInTheDocument();
    expect(api.sent).toEqual([{ serviceId: familyWorkServiceId, part: 'goals', granted: false }]);
    expect(goals).not.toBeChecked();
    const history = screen.getByRole('region', { name: 'Muutoshistoria' });
    expect(within(history).getByText('Lupa otettu pois')).toBeInTheDocument();
    expect(within(history).getByText('Anna Virtanen, 1.2.2026 klo 10.15')).toBeInTheDocument();
  });

  it('when a guardian gives a consent, then the service is said to see that part now', async () => {
    const api = consentsApi();
    const { user } = renderApp(consentsPath);

    await user.click(within(await serviceRegion('Perheneuvola')).getByRole('switch', { name: 'Kirjaukset' }));

    expect(await screen.findByText('Tallennettu. Perheneuvola näkee nyt: Kirjaukset.')).toBeInTheDocument();
    expect(api.sent).toEqual([{ serviceId: counsellingServiceId, part: 'notes', granted: true }]);
    expect(within(await serviceRegion('Perheneuvola')).getByRole('switch', { name: 'Kirjaukset' })).toBeChecked();
  });

  it('when a young member tries a change, then the refusal is explained and the switches become read-only', async () => {
    const api = consentsApi({ user: buildCurrentUser({ name: 'Eetu Virtanen', role: 'family' }), refuse: 'not_found' });
    const { user } = renderApp(consentsPath);

    const goals = within(await serviceRegion('Lastensuojelun perhetyö')).getByRole('switch', { name: 'Tavoitteet' });
    await user.click(goals);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vain huoltaja voi muuttaa näitä valintoja. Näet valinnat, mutta et voi muuttaa niitä.',
    );
    expect(goals).toBeChecked();
    expect(goals).toBeDisabled();
    expect(api.sent).toHaveLength(1);
  });

  it('when the coordinator opens it, then the choices show read-only and the family is said to decide', async () => {
    consentsApi({ user: buildCurrentUser() });
    renderApp(consentsPath);

    const goals = within(await serviceRegion('Lastensuojelun perhetyö')).getByRole('switch', { name: 'Tavoitteet' });
    expect(goals).toBeDisabled();
    expect(
      screen.getByText('Perhe päättää, mitä palvelut näkevät. Näet valinnat, mutta et voi muuttaa niitä.'),
    ).toBeInTheDocument();
  });

  it('when another guardian changes a consent, then the change shows here at once', async () => {
    const api = consentsApi();
    const socket = new FakeSocket();
    renderApp(consentsPath, { socket });
    const region = await serviceRegion('Perheneuvola');
    expect(within(region).getByRole('switch', { name: 'Mittaukset' })).not.toBeChecked();

    api.consents = {
      ...api.consents,
      services: api.consents.services.map((service) =>
        service.serviceId === counsellingServiceId ? { ...service, parts: { ...service.parts, measurements: true } } : service,
      ),
    };
    act(() => socket.receive({ type: 'consent.changed', familyId, id: testId(901), version: 1, seq: 12 }));

    expect(await within(region).findByRole('switch', { name: 'Mittaukset', checked: true })).toBeInTheDocument();
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
});
