import { configure, screen, waitFor, within } from '@testing-library/react';
import type { CurrentUser } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildPlan, familyId, testId, type PlanReader } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine one role query over it takes a few hundred ms.
configure({ asyncUtilTimeout: 5000 });
const base = `/api/families/${familyId}`;
// The section under test is drawn when shown: the plan opens at it.
const planPath = `/families/${familyId}?section=services`;
const familyWorkRole = `${base}/service-roles/${testId(200)}`;
const mikko = buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] });
const maija = { id: testId(4), name: 'Maija Perhetyö' };

function planApi(user: CurrentUser, reader: PlanReader) {
  let plan = buildPlan({}, reader);
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    ...planPartHandlers(),
    http.get(`${base}/plan`, () => HttpResponse.json(plan)),
    http.get(`${familyWorkRole}/workers`, () => HttpResponse.json({ workers: [{ id: mikko.id, name: mikko.name }, maija] })),
  );
  return { setPlan: (next: typeof plan) => (plan = next) };
}

const roleSummary = (overrides: Record<string, unknown>) => {
  const { actions: _actions, can: _can, service, ...role } = buildPlan().serviceRoles[0]!;
  return { ...role, serviceId: service.id, ...overrides };
};

describe('plan: a service role’s details', () => {
  it("when the service's own worker edits the role, then the change is sent without the coordinator's dates; the other service's card has no controls", async () => {
    const api = planApi(mikko, 'worker');
    let sent: unknown;
    server.use(
      http.patch(familyWorkRole, async ({ request }) => {
        sent = await request.json();
        const role = buildPlan().serviceRoles[0]!;
        api.setPlan(
          buildPlan(
            {
              serviceRoles: [
                {
                  ...role,
                  description: 'Kotikäynnit joka toinen viikko.',
                  responsibleWorker: maija,
                  endsOn: '2026-06-30',
                  version: 2,
                },
                buildPlan().serviceRoles[1]!,
              ],
            },
            'worker',
          ),
        );
        return HttpResponse.json(roleSummary({ version: 2 }));
      }),
    );
    const { user } = renderApp(planPath);
    const own = await screen.findByRole('region', { name: 'Lastensuojelun perhetyö' });
    const other = screen.getByRole('region', { name: 'Perheneuvola' });
    expect(within(other).queryByRole('button', { name: /Muokkaa osuutta/ })).not.toBeInTheDocument();
    expect(within(own).queryByRole('button', { name: /Päätä osuus/ })).not.toBeInTheDocument();

    await user.click(within(own).getByRole('button', { name: 'Muokkaa osuutta: Lastensuojelun perhetyö' }));
    const form = within(own).getByRole('form', { name: 'Palvelun osuus: Lastensuojelun perhetyö' });
    const description = within(form).getByRole('textbox', { name: /Mitä palvelu tekee/ });
    await user.clear(description);
    await user.type(description, 'Kotikäynnit joka toinen viikko.');
    const responsible = within(form).getByRole('combobox', { name: 'Vastuuhenkilö' });
    await waitFor(() => expect(within(responsible).getByRole('option', { name: 'Maija Perhetyö' })).toBeInTheDocument());
    await user.selectOptions(responsible, 'Maija Perhetyö');
    // The dates are the coordinator's: the worker reads them and does not send them.
    expect(within(form).queryByLabelText(/^Päättyy/)).not.toBeInTheDocument();
    expect(within(form).getByText(/Alku- ja päättymispäivän asettaa koordinaattori\./)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Tallenna osuus' }));

    await waitFor(() =>
      expect(sent).toEqual({ description: 'Kotikäynnit joka toinen viikko.', responsibleAccountId: maija.id, version: 1 }),
    );
    expect(await within(own).findByText('Kotikäynnit joka toinen viikko.')).toBeInTheDocument();
    expect(within(own).getByText('Maija Perhetyö')).toBeInTheDocument();
    expect(within(own).getByText('1.1.2026 – 30.6.2026')).toBeInTheDocument();
  });

  it('when the coordinator sets the dates of a role, then an end before the start is refused and the dates are sent', async () => {
    planApi(buildCurrentUser(), 'coordinator');
    let sent: unknown;
    server.use(
      http.patch(familyWorkRole, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(roleSummary({ version: 2 }));
      }),
    );
    const { user } = renderApp(planPath);
    const own = await screen.findByRole('region', { name: 'Lastensuojelun perhetyö' });
    await user.click(within(own).getByRole('button', { name: 'Muokkaa osuutta: Lastensuojelun perhetyö' }));
    const form = within(own).getByRole('form', { name: 'Palvelun osuus: Lastensuojelun perhetyö' });
    await user.type(within(form).getByLabelText(/^Päättyy/), '31.12.2025');
    await user.click(within(form).getByRole('button', { name: 'Tallenna osuus' }));
    expect(within(form).getByText('Päättymispäivä ei voi olla ennen alkamispäivää.')).toBeInTheDocument();
    expect(sent).toBeUndefined();
    await user.clear(within(form).getByLabelText(/^Päättyy/));
    await user.type(within(form).getByLabelText(/^Päättyy/), '30.6.2026');
    await user.click(within(form).getByRole('button', { name: 'Tallenna osuus' }));
    await waitFor(() => expect(sent).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-06-30', version: 1 }));
  });

  it('when the role changed meanwhile, then the saved role is shown and the edit can be saved on top of it', async () => {
    planApi(mikko, 'worker');
    const versions: number[] = [];
    server.use(
      http.patch(familyWorkRole, async ({ request }) => {
        const body = (await request.json()) as { version: number };
        versions.push(body.version);
        return body.version === 1
          ? problem(409, 'version_conflict', { current: roleSummary({ description: 'Koordinaattorin kuvaus.', version: 2 }) })
          : HttpResponse.json(roleSummary({ version: 3 }));
      }),
    );
    const { user } = renderApp(planPath);
    const own = await screen.findByRole('region', { name: 'Lastensuojelun perhetyö' });
    await user.click(within(own).getByRole('button', { name: 'Muokkaa osuutta: Lastensuojelun perhetyö' }));
    const form = within(own).getByRole('form', { name: 'Palvelun osuus: Lastensuojelun perhetyö' });
    await user.click(within(form).getByRole('button', { name: 'Tallenna osuus' }));
    const conflict = await within(form).findByRole('alert');
    expect(conflict).toHaveTextContent('Koordinaattorin kuvaus.');
    await user.click(within(conflict).getByRole('button', { name: 'Tallenna oma muutokseni tämän päälle' }));
    await waitFor(() => expect(within(own).queryByRole('form')).not.toBeInTheDocument());
    expect(versions).toEqual([1, 2]);
  });

  it('when the coordinator ends a role, then a dialog says what it means and the end is sent', async () => {
    planApi(buildCurrentUser(), 'coordinator');
    let ended: unknown;
    server.use(
      http.post(`${familyWorkRole}/end`, async ({ request }) => {
        ended = await request.json();
        return HttpResponse.json(roleSummary({ status: 'ended', version: 2 }));
      }),
    );
    const { user } = renderApp(planPath);
    const card = await screen.findByRole('region', { name: 'Lastensuojelun perhetyö' });
    expect(
      within(screen.getByRole('region', { name: 'Perheneuvola' })).getByRole('button', { name: 'Päätä osuus: Perheneuvola' }),
    ).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Päätä osuus: Lastensuojelun perhetyö' }));
    const dialog = await screen.findByRole('dialog', { name: 'Päätetäänkö palvelun osuus: Lastensuojelun perhetyö?' });
    expect(dialog).toHaveTextContent('eivät sen jälkeen enää näe perheen suunnitelmaa');
    await user.click(within(dialog).getByRole('button', { name: 'Päätä osuus' }));
    await waitFor(() => expect(ended).toEqual({ version: 1 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('when a family member opens the plan, then none of the case, member or role controls are there', async () => {
    planApi(buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }), 'family');
    renderApp(planPath);
    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();
    // Only the family's own action is theirs to edit (its status and words): nothing of the case, members or roles.
    for (const name of [
      /^Muokkaa(?! tehtävää: Iltarutiinin kokeilu)/,
      /Päätä/,
      /Siirrä asiakkuus/,
      /Lisää perheenjäsen/,
      /Avaa asiakkuus/,
    ])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('when a worker opens the plan, then the case and member controls are not there either', async () => {
    planApi(mikko, 'worker');
    renderApp(planPath);
    expect(await screen.findByRole('region', { name: 'Lastensuojelun perhetyö' })).toBeInTheDocument();
    for (const name of [/Päätä asiakkuus/, /Siirrä asiakkuus/, /Lisää perheenjäsen/, /^Muokkaa: /])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });
});
