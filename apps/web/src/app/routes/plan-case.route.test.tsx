import { configure, screen, waitFor, within } from '@testing-library/react';
import type { FamilyDetail, Plan } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import { buildCoordinatorWorkspace, buildCurrentUser, buildFamilyDetail, buildPlan, familyId, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine one role query over it takes a few hundred ms.
configure({ asyncUtilTimeout: 5000 });
const base = `/api/families/${familyId}`;
const planPath = `/families/${familyId}`;
const olli = { id: testId(9), name: 'Olli Räsänen' };
const sari = { id: testId(1), name: 'Sari Lehtonen' };

/** The case and its plan as the server has them; a test changes them to play the server's side. */
function caseServer(user = buildCurrentUser()) {
  const state: { family: FamilyDetail; plan: Plan } = { family: buildFamilyDetail(), plan: buildPlan() };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    http.get(base, () => HttpResponse.json(state.family)),
    // After the stateful case above: the first handler that matches answers.
    ...planPartHandlers(),
    http.get(`${base}/plan`, () => HttpResponse.json(state.plan)),
  );
  return state;
}

describe('plan: family members (coordinator)', () => {
  it('when the coordinator adds a child with a birth year, then the name is asked for first and the member is sent', async () => {
    const api = caseServer();
    let added: unknown;
    server.use(
      http.post(`${base}/members`, async ({ request }) => {
        added = await request.json();
        const member = {
          id: testId(502),
          name: 'Ella Virtanen',
          relation: 'child' as const,
          birthYear: 2019,
          hasLogin: false,
          version: 1,
        };
        api.family = { ...api.family, members: [...api.family.members, member] };
        return HttpResponse.json(member, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const members = await findPlanRegion('Perheenjäsenet');
    await user.click(await within(members).findByRole('button', { name: 'Lisää perheenjäsen' }));
    const form = await within(members).findByRole('form', { name: 'Uusi perheenjäsen' });
    await user.click(within(form).getByRole('button', { name: 'Lisää jäsen' }));
    expect(within(form).getByText('Kirjoita nimi.')).toBeInTheDocument();
    expect(added).toBeUndefined();

    await user.type(within(form).getByRole('textbox', { name: /^Nimi/ }), 'Ella Virtanen');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Suhde' }), 'lapsi');
    await user.type(within(form).getByRole('textbox', { name: /Syntymävuosi/ }), '2019');
    await user.click(within(form).getByRole('button', { name: 'Lisää jäsen' }));

    await waitFor(() => expect(added).toEqual({ name: 'Ella Virtanen', relation: 'child', birthYear: 2019 }));
    expect(await within(members).findByText('Ella Virtanen')).toBeInTheDocument();
    expect(within(members).queryByRole('form', { name: 'Uusi perheenjäsen' })).not.toBeInTheDocument();
  });

  it('when someone corrected the member meanwhile, then what is saved now is shown and mine can be saved on top of it', async () => {
    const api = caseServer();
    const patches: unknown[] = [];
    server.use(
      http.patch(`${base}/members/${testId(501)}`, async ({ request }) => {
        const body = (await request.json()) as { version: number; birthYear: number };
        patches.push(body);
        const eetu = api.family.members[1]!;
        if (body.version === 2)
          return problem(409, 'version_conflict', { current: { ...eetu, name: 'Eetu Olavi Virtanen', version: 3 } });
        return HttpResponse.json({ ...eetu, birthYear: body.birthYear, version: 4 });
      }),
    );
    const { user } = renderApp(planPath);
    const members = await findPlanRegion('Perheenjäsenet');
    await user.click(await within(members).findByRole('button', { name: 'Muokkaa: Eetu Virtanen' }));
    const form = await within(members).findByRole('form', { name: 'Muokkaa jäsentä: Eetu Virtanen' });
    const year = within(form).getByRole('textbox', { name: /Syntymävuosi/ });
    await user.clear(year);
    await user.type(year, '2014');
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));

    const conflict = await within(form).findByRole('alert');
    expect(conflict).toHaveTextContent('Joku muutti tätä samaan aikaan');
    expect(conflict).toHaveTextContent('Eetu Olavi Virtanen, lapsi, s. 2015');
    await user.click(within(conflict).getByRole('button', { name: 'Tallenna oma muutokseni tämän päälle' }));

    await waitFor(() => expect(within(members).queryByRole('form')).not.toBeInTheDocument());
    expect(patches).toEqual([
      { name: 'Eetu Virtanen', relation: 'child', birthYear: 2014, version: 2 },
      { name: 'Eetu Virtanen', relation: 'child', birthYear: 2014, version: 3 },
    ]);
  });
});

describe('plan: closing and reopening the case', () => {
  it('when the coordinator closes the case, then a dialog says it becomes read-only, and after it no edit controls are left', async () => {
    const api = caseServer();
    const patches: unknown[] = [];
    server.use(
      http.patch(base, async ({ request }) => {
        const body = (await request.json()) as { status: 'active' | 'closed'; version: number };
        patches.push(body);
        api.family = { ...api.family, status: body.status, version: body.version + 1 };
        api.plan = buildPlan({ family: { ...api.plan.family, status: body.status } });
        return HttpResponse.json(api.family);
      }),
    );
    const { user } = renderApp(planPath);
    await user.click(await screen.findByRole('button', { name: 'Päätä asiakkuus' }));
    const dialog = await screen.findByRole('dialog', { name: 'Päätetäänkö asiakkuus?' });
    expect(dialog).toHaveTextContent('suunnitelma muuttuu vain luettavaksi');
    await user.click(within(dialog).getByRole('button', { name: 'Päätä asiakkuus' }));

    expect(await screen.findByText('Asiakkuus on päättynyt')).toBeInTheDocument();
    for (const name of ['Lisää tavoite', 'Kutsu palvelu', 'Siirrä asiakkuus', 'Lisää perheenjäsen', 'Lisää tehtävä'])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Muokkaa/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Päätä osuus/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Avaa asiakkuus uudelleen' }));
    expect(await screen.findByRole('button', { name: 'Päätä asiakkuus' })).toBeInTheDocument();
    expect(patches).toEqual([
      { status: 'closed', version: 4 },
      { status: 'active', version: 5 },
    ]);
  });
});

describe('plan: coordinator handover', () => {
  it('when the coordinator hands the case over, then another coordinator must be chosen and the plan shows the handover waiting', async () => {
    const api = caseServer();
    let requested: unknown;
    server.use(
      http.get(`${base}/handover/candidates`, () => HttpResponse.json({ coordinators: [olli] })),
      http.post(`${base}/handover`, async ({ request }) => {
        requested = await request.json();
        const pending = { to: olli, requestedAt: '2026-01-10T07:30:00.000Z' };
        api.family = { ...api.family, pendingHandover: pending, version: 5 };
        return HttpResponse.json({
          family: { id: familyId, name: 'Perhe Virtanen', status: 'active', version: 5 },
          coordinator: sari,
          pending,
        });
      }),
    );
    const { user } = renderApp(planPath);
    await user.click(await screen.findByRole('button', { name: 'Siirrä asiakkuus' }));
    const dialog = await screen.findByRole('dialog', { name: 'Siirrä asiakkuus toiselle koordinaattorille' });
    expect(dialog).toHaveTextContent('et enää näe perheen tietoja');
    await user.click(await within(dialog).findByRole('button', { name: 'Lähetä siirtopyyntö' }));
    expect(within(dialog).getByText('Valitse koordinaattori.')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Uusi koordinaattori/ }), 'Olli Räsänen');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä siirtopyyntö' }));

    await waitFor(() => expect(requested).toEqual({ toCoordinatorId: olli.id, version: 4 }));
    expect(await screen.findByText('Asiakkuuden siirto odottaa vastausta')).toBeInTheDocument();
    expect(
      screen.getByText(/Olet pyytänyt, että Olli Räsänen ottaa perheen koordinoitavakseen \(10\.1\.2026 klo 09\.30\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Peru siirtopyyntö' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Siirrä asiakkuus' })).not.toBeInTheDocument();
  });

  function handoverToOlli() {
    const me = buildCurrentUser({ id: olli.id, name: olli.name, email: 'olli.koordinaattori@varkaus-demo.fi' });
    const state = { coordinator: sari, pending: true as boolean, answers: [] as unknown[] };
    const handover = () => ({
      family: { id: familyId, name: 'Perhe Virtanen', status: 'active', version: state.pending ? 5 : 6 },
      coordinator: state.coordinator,
      pending: state.pending ? { to: olli, requestedAt: '2026-01-10T07:30:00.000Z' } : null,
    });
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(me)),
      http.get('/api/workspace', () =>
        HttpResponse.json(
          buildCoordinatorWorkspace({
            handoversToMe: [
              { family: { id: familyId, name: 'Perhe Virtanen' }, from: sari, requestedAt: '2026-01-10T07:30:00.000Z' },
            ],
          }),
        ),
      ),
      http.get(base, () => HttpResponse.json(buildFamilyDetail({ coordinator: state.coordinator }))),
      // Until they accept, the new coordinator sees nothing of the plan.
      http.get(`${base}/plan`, () =>
        state.coordinator.id === olli.id
          ? HttpResponse.json(buildPlan({ family: { ...buildPlan().family, coordinator: olli } }))
          : problem(404, 'not_found'),
      ),
      http.get(`${base}/handover`, () => (state.pending ? HttpResponse.json(handover()) : problem(404, 'not_found'))),
      http.post(`${base}/handover/:answer`, async ({ request, params }) => {
        state.answers.push({ answer: params.answer, ...((await request.json()) as object) });
        if (params.answer === 'accept') state.coordinator = olli;
        state.pending = false;
        return HttpResponse.json(handover());
      }),
      // After the handlers above: the first handler that matches answers.
      ...planPartHandlers(),
    );
    return state;
  }

  it('when the receiving coordinator opens the handover from their workspace and accepts, then the plan opens with them as coordinator', async () => {
    const api = handoverToOlli();
    const socket = new FakeSocket();
    const { user } = renderApp('/', { socket });
    const handovers = await screen.findByRole('region', { name: 'Sinulle siirrettävät perheet' });
    expect(within(handovers).getByText(/Perhe Virtanen · siirtäjä Sari Lehtonen/)).toBeInTheDocument();
    await user.click(within(handovers).getByRole('link', { name: 'Katso siirtopyyntö' }));

    const request = await screen.findByRole('region', { name: 'Siirtopyyntö: Perhe Virtanen' });
    expect(request).toHaveTextContent('Sari Lehtonen pyytää, että sinusta tulee perheen Perhe Virtanen koordinaattori.');
    expect(request).toHaveTextContent('näet perheestä vain sen nimen');
    await user.click(within(request).getByRole('button', { name: 'Hyväksy asiakkuus' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(screen.getByText('Koordinaattori: Olli Räsänen')).toBeInTheDocument();
    expect(api.answers).toEqual([{ answer: 'accept', version: 5 }]);
    // Now allowed in, the screen joins the family's room again to get its live changes.
    await waitFor(() => expect(socket.joined).toEqual([familyId, familyId]));
  });

  it('when the receiving coordinator declines, then they are told the case stays with its coordinator', async () => {
    const api = handoverToOlli();
    const { user } = renderApp(planPath);
    const request = await screen.findByRole('region', { name: 'Siirtopyyntö: Perhe Virtanen' });
    await user.click(within(request).getByRole('button', { name: 'Kieltäydy' }));
    expect(await screen.findByText('Kieltäydyit siirrosta. Sari Lehtonen vastaa perheestä edelleen.')).toBeInTheDocument();
    expect(api.answers).toEqual([{ answer: 'decline', version: 5 }]);
    expect(screen.queryByRole('heading', { level: 1, name: 'Perhe Virtanen' })).not.toBeInTheDocument();
  });

  it('when a coordinator with no handover opens a plan they may not see, then it is simply not found', async () => {
    const api = handoverToOlli();
    api.pending = false;
    renderApp(planPath);
    expect(await screen.findByRole('alert')).toHaveTextContent('Perhettä ei löydy tai sinulla ei ole oikeutta nähdä sitä.');
  });
});
