import { cleanup, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { buildAction, buildCoordinatorWorkspace, buildCurrentUser, buildPlan, familyId, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const planPath = `/families/${familyId}`;
const actionPath = `/api/families/${familyId}/actions/${testId(300)}`;

function planApi(plan = buildPlan()) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    ...planPartHandlers(),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(plan)),
  );
}

const statusSelect = async () =>
  within(await findPlanRegion('Lastensuojelun perhetyö')).findByRole('combobox', {
    name: 'Tila: Kotikäynti kahden viikon välein',
  });

describe('plan route', () => {
  it('when the plan opens, then goals, members, services with their actions and the family actions show', async () => {
    planApi();
    renderApp(planPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(screen.getByText('Koordinaattori: Sari Lehtonen')).toBeInTheDocument();

    const goals = await findPlanRegion('Tavoitteet');
    expect(within(goals).getByRole('heading', { name: 'Aamut sujuvat ilman riitaa' })).toBeInTheDocument();
    expect(within(goals).getByText('Mittari: Riidattomat aamut viikossa')).toBeInTheDocument();
    expect(within(goals).getByText('Lähtötaso: 1 / 5 → tavoite: 4 / 5')).toBeInTheDocument();
    expect(within(goals).getByText('Kenen tavoite: Anna ja Eetu')).toBeInTheDocument();
    expect(within(goals).getByText('Viimeisin kirjaus 1.2.2026: 2 / 5')).toBeInTheDocument();

    const familyWork = await findPlanRegion('Lastensuojelun perhetyö');
    expect(within(familyWork).getByText('Mukana')).toBeInTheDocument();
    expect(within(familyWork).getByText('Mikko Salo')).toBeInTheDocument();
    expect(within(familyWork).getByText('perhetyo@varkaus-demo.fi, 017 555 0303')).toBeInTheDocument();
    expect(within(familyWork).getByText('Kotikäynti kahden viikon välein')).toBeInTheDocument();
    expect(within(familyWork).getByRole('combobox', { name: 'Tila: Kotikäynti kahden viikon välein' })).toHaveValue('planned');

    const counselling = await findPlanRegion('Perheneuvola');
    expect(within(counselling).getByText('Kutsuttu')).toBeInTheDocument();
    expect(within(counselling).getByText('Ei vielä nimetty')).toBeInTheDocument();

    const own = await findPlanRegion('Perheen omat tehtävät');
    expect(within(own).getByText('Myöhässä')).toBeInTheDocument();
    expect(within(own).getByRole('combobox', { name: 'Tila: Iltarutiinin kokeilu' })).toHaveValue('in_progress');

    const members = await findPlanRegion('Perheenjäsenet');
    expect(within(members).getByText(/lapsi, s\. 2015/)).toBeInTheDocument();
  });

  it('when a status is changed, then the change is sent with the version seen and the new status shows', async () => {
    planApi();
    let sent: unknown;
    server.use(
      http.patch(actionPath, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(buildAction({ status: 'done', version: 2 }));
      }),
    );
    const { user } = renderApp(planPath);

    await user.selectOptions(await statusSelect(), 'Tehty');

    expect(await screen.findByText('Tila tallennettu: Tehty')).toBeInTheDocument();
    expect(sent).toEqual({ status: 'done', version: 1 });
    expect(await statusSelect()).toHaveValue('done');
  });

  it('when someone else changed the action first, then the conflict is explained and the current state shows', async () => {
    planApi();
    let attempts: unknown[] = [];
    server.use(
      http.patch(actionPath, async ({ request }) => {
        attempts = [...attempts, await request.json()];
        return attempts.length === 1
          ? problem(409, 'version_conflict', { current: buildAction({ status: 'in_progress', version: 4 }) })
          : HttpResponse.json(buildAction({ status: 'done', version: 5 }));
      }),
    );
    const { user } = renderApp(planPath);

    await user.selectOptions(await statusSelect(), 'Tehty');

    expect(await screen.findByRole('alert')).toHaveTextContent('Joku muutti tätä juuri – näet nyt uusimman tilan.');
    expect(await statusSelect()).toHaveValue('in_progress');

    await user.click(screen.getByRole('button', { name: 'Vaihda silti tilaksi Tehty' }));

    expect(await screen.findByText('Tila tallennettu: Tehty')).toBeInTheDocument();
    expect(attempts).toEqual([
      { status: 'done', version: 1 },
      { status: 'done', version: 4 },
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the server refuses the change, then the error shows and the status goes back', async () => {
    planApi();
    server.use(http.patch(actionPath, () => problem(403, 'forbidden')));
    const { user } = renderApp(planPath);

    await user.selectOptions(await statusSelect(), 'Työn alla');

    expect(await screen.findByRole('alert')).toHaveTextContent('Sinulla ei ole oikeutta muuttaa tätä tehtävää.');
    expect(await statusSelect()).toHaveValue('planned');
  });

  it("when a worker opens the plan, then only their own service's actions have a status control; the rest show the status as text", async () => {
    planApi(buildPlan({}, 'worker'));
    server.use(
      http.get('/api/auth/me', () =>
        HttpResponse.json(buildCurrentUser({ id: testId(3), role: 'worker', serviceIds: [testId(210)] })),
      ),
    );
    renderApp(planPath);

    const familyWork = await findPlanRegion('Lastensuojelun perhetyö');
    expect(within(familyWork).getByRole('combobox', { name: 'Tila: Kotikäynti kahden viikon välein' })).toBeEnabled();
    const own = await findPlanRegion('Perheen omat tehtävät');
    expect(within(own).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(own).getByText('Tila: Työn alla')).toBeInTheDocument();
  });

  it("when a family member opens the plan, then they change only the family's own actions", async () => {
    planApi(buildPlan({}, 'family'));
    server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ name: 'Anna Virtanen', role: 'family' }))));
    renderApp(planPath);

    const own = await findPlanRegion('Perheen omat tehtävät');
    expect(within(own).getByRole('combobox', { name: 'Tila: Iltarutiinin kokeilu' })).toBeEnabled();
    const familyWork = await findPlanRegion('Lastensuojelun perhetyö');
    expect(within(familyWork).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(familyWork).getByText('Tulossa')).toBeInTheDocument();
  });

  it('when the family has not shared its goals with the service, then the plan says so instead of showing none', async () => {
    planApi(buildPlan({ sharedParts: [], goals: [] }));
    renderApp(planPath);

    const goals = await findPlanRegion('Tavoitteet');
    expect(within(goals).getByText('Perhe ei ole jakanut tavoitteitaan palvelullesi.')).toBeInTheDocument();
  });

  it('when the family shares nothing with the service, then the story, the assessment and the notes each say so instead of vanishing', async () => {
    planApi(buildPlan({ sharedParts: [], goals: [] }));
    renderApp(planPath);

    expect(await findPlanRegion('Perheen tarina')).toHaveTextContent('Perhe ei ole jakanut tarinaansa palvelullesi.');
    expect(await findPlanRegion('Yhteinen arviointi')).toHaveTextContent('Perhe ei ole jakanut yhteistä arviota palvelullesi.');
    expect(
      await within(await findPlanRegion('Kirjaukset')).findByText(
        'Perhe ei ole jakanut muiden kirjauksia palvelullesi. Näet oman palvelusi kirjaukset.',
      ),
    ).toBeInTheDocument();
  });

  it('when the case is closed, then the plan says it is read-only and the statuses are text', async () => {
    planApi(buildPlan({ family: { ...buildPlan().family, status: 'closed' } }));
    renderApp(planPath);

    expect(await screen.findByText('Suunnitelma on vain luettavissa. Sitä ei voi enää muuttaa.')).toBeInTheDocument();
    const familyWork = await findPlanRegion('Lastensuojelun perhetyö');
    expect(within(familyWork).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(familyWork).getByText('Tila: Suunniteltu')).toBeInTheDocument();
  });

  it('when the family is not there or not visible, then one message covers both', async () => {
    planApi();
    server.use(http.get(`/api/families/${familyId}/plan`, () => problem(404, 'not_found')));
    renderApp(planPath);

    expect(await screen.findByRole('alert')).toHaveTextContent('Perhettä ei löydy tai sinulla ei ole oikeutta nähdä sitä.');
    expect(screen.getByRole('link', { name: 'Takaisin perheisiin' })).toBeInTheDocument();
  });

  it('when a family member opens the plan, then the consents and the access log are one tap away', async () => {
    planApi(buildPlan({}, 'family'));
    server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ name: 'Anna Virtanen', role: 'family' }))));
    const { user, router } = renderApp(planPath);

    const nav = await screen.findByRole('navigation', { name: 'Perheen tiedot' });
    expect(within(nav).getByRole('link', { name: 'Kuka on katsonut tietojamme' })).toHaveAttribute(
      'href',
      `/families/${familyId}/access-log`,
    );
    server.use(http.get(`/api/families/${familyId}/consents`, () => HttpResponse.json({ services: [], history: [] })));
    await user.click(within(nav).getByRole('link', { name: 'Mitä palvelut näkevät' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mitä palvelut näkevät' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/families/${familyId}/consents`);
  });

  it('when the coordinator opens the plan, then both links are there; a service worker gets neither', async () => {
    planApi();
    renderApp(planPath);
    const nav = await screen.findByRole('navigation', { name: 'Perheen tiedot' });
    expect(within(nav).getByRole('link', { name: 'Mitä palvelut näkevät' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Kuka on katsonut perheen tietoja' })).toBeInTheDocument();
    cleanup();

    server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role: 'worker' }))));
    renderApp(planPath);
    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Perheen tiedot' })).not.toBeInTheDocument();
  });
});
