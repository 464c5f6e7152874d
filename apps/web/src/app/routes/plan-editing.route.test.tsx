import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import {
  buildAction,
  buildCurrentUser,
  buildNote,
  buildPlan,
  buildStory,
  familyId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const base = `/api/families/${familyId}`;
const planPath = `/families/${familyId}`;

function planApi(user = buildCurrentUser(), reader: PlanReader = 'coordinator') {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    ...planPartHandlers(),
  );
}

describe('plan editing: story', () => {
  it('when the coordinator edits the story and someone saved meanwhile, then the conflict is shown and mine can be reapplied', async () => {
    planApi();
    const puts: unknown[] = [];
    server.use(
      http.put(`${base}/story`, async ({ request }) => {
        const body = (await request.json()) as { version: number; situation: string };
        puts.push(body);
        if (body.version === 2)
          return problem(409, 'version_conflict', {
            current: buildStory({
              situation: 'Aamut ovat jo helpompia.',
              version: 3,
              updatedBy: { id: testId(9), name: 'Olli Räsänen' },
            }),
          });
        return HttpResponse.json(buildStory({ situation: body.situation, version: 4 }));
      }),
    );
    const { user } = renderApp(planPath);

    const story = await findPlanRegion('Perheen tarina');
    expect(await within(story).findByText('Aamut ovat raskaita.')).toBeInTheDocument();
    await user.click(within(story).getByRole('button', { name: 'Muokkaa tarinaa' }));
    const situation = within(story).getByRole('textbox', { name: /Tilanne nyt/ });
    await user.clear(situation);
    await user.type(situation, 'Iltaisin on rauhallisempaa.');
    await user.click(within(story).getByRole('button', { name: 'Tallenna tarina' }));

    const conflict = await within(story).findByRole('alert');
    expect(conflict).toHaveTextContent('Tarinaa muutettiin samaan aikaan');
    expect(conflict).toHaveTextContent('Olli Räsänen tallensi tarinan');
    expect(conflict).toHaveTextContent('Aamut ovat jo helpompia.');
    await user.click(within(conflict).getByRole('button', { name: 'Tallenna omat muutokseni uusimman päälle' }));

    expect(await within(story).findByText('Iltaisin on rauhallisempaa.')).toBeInTheDocument();
    expect(puts).toEqual([
      expect.objectContaining({ situation: 'Iltaisin on rauhallisempaa.', version: 2 }),
      expect.objectContaining({ situation: 'Iltaisin on rauhallisempaa.', version: 3 }),
    ]);
  });

  it('when the history is opened, then every saved version is listed', async () => {
    planApi();
    server.use(
      http.get(`${base}/story/history`, () =>
        HttpResponse.json({
          revisions: [
            {
              version: 2,
              background: 'Tausta',
              situation: 'Aamut ovat raskaita.',
              strengths: '',
              editedBy: { id: testId(1), name: 'Sari Lehtonen' },
              editedAt: '2026-01-09T10:00:00.000Z',
            },
          ],
        }),
      ),
    );
    const { user } = renderApp(planPath);
    const story = await findPlanRegion('Perheen tarina');
    await user.click(await within(story).findByRole('button', { name: 'Muutoshistoria' }));
    const dialog = await screen.findByRole('dialog', { name: 'Perheen tarinan muutoshistoria' });
    expect(await within(dialog).findByText('Versio 2: Sari Lehtonen, 9.1.2026 klo 12.00')).toBeInTheDocument();
  });

  it('when a worker reads the story, then there is no edit button', async () => {
    planApi(buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }), 'worker');
    renderApp(planPath);
    const story = await findPlanRegion('Perheen tarina');
    expect(await within(story).findByText('Aamut ovat raskaita.')).toBeInTheDocument();
    expect(within(story).queryByRole('button', { name: 'Muokkaa tarinaa' })).not.toBeInTheDocument();
  });
});

describe('plan editing: goals, services, actions, notes', () => {
  it('when the family adds a goal in its own words, then it is sent and the plan is read again', async () => {
    planApi(buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }), 'family');
    let created: unknown;
    server.use(
      http.post(`${base}/goals`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json({ ...buildPlan().goals[0], id: testId(801) }, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const goals = await findPlanRegion('Tavoitteet');
    await user.click(within(goals).getByRole('button', { name: 'Lisää tavoite' }));
    await user.click(await within(goals).findByRole('button', { name: 'Tallenna tavoite' }));
    expect(within(goals).getByText('Kirjoita tavoite.')).toBeInTheDocument();
    await user.type(within(goals).getByRole('textbox', { name: /^Tavoite\b/ }), 'Aamut sujuvat ilman riitaa');
    await user.click(within(goals).getByRole('button', { name: 'Tallenna tavoite' }));
    await waitFor(() =>
      expect(created).toEqual(expect.objectContaining({ title: 'Aamut sujuvat ilman riitaa', targetOn: null })),
    );
    expect(within(goals).queryByRole('button', { name: 'Tallenna tavoite' })).not.toBeInTheDocument();
  });

  it('when an action is saved without a title, then the field itself says what is missing and writing clears it', async () => {
    planApi();
    const { user } = renderApp(planPath);
    const own = await findPlanRegion('Lastensuojelun perhetyö');
    await user.click(within(own).getByRole('button', { name: 'Lisää tehtävä' }));
    const form = await within(own).findByRole('form', { name: 'Uusi tehtävä: Lastensuojelun perhetyö' });
    const title = within(form).getByRole('textbox', { name: /^Tehtävä/ });
    await user.click(within(form).getByRole('button', { name: 'Tallenna tehtävä' }));

    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Kirjoita tehtävä.');
    await user.type(title, 'S');
    expect(title).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByText('Kirjoita tehtävä.')).not.toBeInTheDocument();
  });

  it('when progress is recorded on a goal, then the entry is sent with its date', async () => {
    planApi();
    let entry: unknown;
    const goal = buildPlan().goals[0]!;
    server.use(
      http.post(`${base}/goals/${goal.id}/progress`, async ({ request }) => {
        entry = await request.json();
        return HttpResponse.json(goal, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const goals = await findPlanRegion('Tavoitteet');
    await user.click(within(goals).getByRole('button', { name: 'Kirjaa edistyminen' }));
    const form = await within(goals).findByRole('form', { name: `Edistyminen: ${goal.title}` });
    await user.clear(within(form).getByLabelText(/Päivä/));
    await user.type(within(form).getByLabelText(/Päivä/), '12.1.2026');
    await user.type(within(form).getByRole('textbox', { name: /Miten menee/ }), '3/5');
    await user.click(within(form).getByRole('button', { name: 'Tallenna kirjaus' }));
    await waitFor(() => expect(entry).toEqual({ recordedOn: '2026-01-12', value: '3/5', note: '' }));
  });

  it('when the coordinator invites a service from the catalogue, then services already in the plan are not offered', async () => {
    planApi();
    let invited: unknown;
    server.use(
      http.get('/api/services', () =>
        HttpResponse.json({
          services: [
            {
              id: testId(210),
              name: { fi: 'Lastensuojelun perhetyö' },
              category: 'child-protection',
              organisation: { id: testId(2), name: 'Varkauden kaupunki' },
              unit: 'käynti',
              unitCostCents: 9000,
              prices: [{ validFrom: '2000-01-01', unitCostCents: 9000 }],
              description: '',
              contact: '',
              retiredAt: null,
            },
            {
              id: testId(220),
              name: { fi: 'Koulukuraattori', sv: 'Skolkurator' },
              category: 'school',
              organisation: { id: testId(2), name: 'Varkauden kaupunki' },
              unit: 'tapaaminen',
              unitCostCents: 6000,
              prices: [{ validFrom: '2000-01-01', unitCostCents: 6000 }],
              description: 'Koulun sosiaalityö',
              contact: 'kuraattori@varkaus-demo.fi',
              retiredAt: null,
            },
          ],
        }),
      ),
      http.post(`${base}/service-roles`, async ({ request }) => {
        invited = await request.json();
        return problem(409, 'service_already_in_plan');
      }),
    );
    const { user } = renderApp(planPath);
    const services = await findPlanRegion('Palvelut ja niiden tehtävät');
    await user.click(within(services).getByRole('button', { name: 'Kutsu palvelu' }));
    const select = await within(services).findByRole('combobox', { name: 'Palvelu' });
    expect(within(select).queryByRole('option', { name: /Lastensuojelun perhetyö/ })).not.toBeInTheDocument();
    await user.selectOptions(select, 'Koulukuraattori – Varkauden kaupunki');
    expect(within(services).getByText('Koulun sosiaalityö · kuraattori@varkaus-demo.fi')).toBeInTheDocument();
    await user.click(within(services).getByRole('button', { name: 'Lähetä kutsu' }));
    expect(await within(services).findByRole('alert')).toHaveTextContent('Palvelu on jo suunnitelmassa.');
    expect(invited).toEqual({ serviceId: testId(220) });
  });

  it('when a worker adds an action, then only their own accepted role offers it', async () => {
    planApi(buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }), 'worker');
    let created: unknown;
    server.use(
      http.post(`${base}/actions`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(buildAction({ id: testId(302), title: 'Uusi' }), { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const own = await findPlanRegion('Lastensuojelun perhetyö');
    const other = await findPlanRegion('Perheneuvola');
    expect(within(other).queryByRole('button', { name: 'Lisää tehtävä' })).not.toBeInTheDocument();
    await user.click(within(own).getByRole('button', { name: 'Lisää tehtävä' }));
    const form = await within(own).findByRole('form', { name: 'Uusi tehtävä: Lastensuojelun perhetyö' });
    await user.type(within(form).getByRole('textbox', { name: /^Tehtävä/ }), 'Soitto koululle');
    await user.click(within(form).getByRole('button', { name: 'Tallenna tehtävä' }));
    await waitFor(() =>
      expect(created).toEqual({ serviceRoleId: testId(200), title: 'Soitto koululle', ownerName: '', dueOn: null, goalId: null }),
    );
  });

  it('when the coordinator writes a note for the family too, then it is sent with that visibility and listed', async () => {
    planApi();
    const notes = [buildNote()];
    let created: unknown;
    server.use(
      http.get(`${base}/notes`, () => HttpResponse.json({ notes, nextBefore: null })),
      http.post(`${base}/notes`, async ({ request }) => {
        created = await request.json();
        const note = buildNote({ id: testId(701), body: 'Palaveri sovittu.', visibility: 'family' });
        notes.unshift(note);
        return HttpResponse.json(note, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const section = await findPlanRegion('Kirjaukset');
    expect(await within(section).findByText('Kotikäynti sovittu.')).toBeInTheDocument();
    expect(within(section).getByText('Vain ammattilaiset', { selector: '.mantine-Badge-label' })).toBeInTheDocument();
    await user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Palaveri sovittu.');
    await user.click(within(section).getByRole('radio', { name: 'Myös perhe' }));
    await user.click(within(section).getByRole('button', { name: 'Tallenna kirjaus' }));
    expect(await within(section).findByText('Palaveri sovittu.')).toBeInTheDocument();
    expect(created).toEqual({ body: 'Palaveri sovittu.', visibility: 'family', serviceRoleId: null });
  });

  it('when the notes cannot be loaded, then an error offers to try again', async () => {
    planApi();
    server.use(http.get(`${base}/notes`, () => problem(403, 'forbidden')));
    renderApp(planPath);
    const section = await findPlanRegion('Kirjaukset');
    expect(await within(section).findByRole('alert')).toHaveTextContent('Kirjauksia ei voitu ladata.');
  });
});
