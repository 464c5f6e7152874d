import { configure, screen, waitFor, within } from '@testing-library/react';
import type { Action, Goal, Plan } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import {
  buildAction,
  buildCurrentUser,
  buildGoal,
  buildPlan,
  buildReview,
  familyId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';
import { addDays, finnishToday, formatDate } from '../../lib/locale';

configure({ asyncUtilTimeout: 10_000 });
const base = `/api/families/${familyId}`;
const planPath = `/families/${familyId}`;
const goalId = testId(400);
const familyActionId = testId(301);
const readers = {
  coordinator: buildCurrentUser(),
  worker: buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }),
  family: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }),
} as const;

/** The plan's family action, linked to the goal unless told otherwise. */
const familyAction = (overrides: Partial<Action> = {}) =>
  buildAction({
    id: familyActionId,
    serviceRoleId: null,
    goalId,
    title: 'Iltarutiinin kokeilu',
    ownerName: 'Anna Virtanen',
    dueOn: '2020-01-15',
    status: 'in_progress',
    overdue: true,
    version: 2,
    ...overrides,
  });

function planApi(reader: PlanReader = 'coordinator', content: Parameters<typeof buildPlan>[0] = {}) {
  const plan: Plan = buildPlan({ familyActions: [familyAction()], ...content }, reader);
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(readers[reader])),
    http.get(`${base}/plan`, () => HttpResponse.json(plan)),
    ...planPartHandlers(),
  );
  return plan;
}

/** Records each body sent to `path` and answers as `answer` makes it. */
function capture(method: 'patch' | 'post', path: string, answer: (body: Record<string, unknown>) => Response) {
  const sent: Record<string, unknown>[] = [];
  server.use(
    http[method](path, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      return answer(body);
    }),
  );
  return sent;
}

const region = (name: string) => findPlanRegion(name);

async function openActionEdit(user: ReturnType<typeof renderApp>['user'], title: string) {
  const familyActions = await region('Perheen omat tehtävät');
  await user.click(within(familyActions).getByRole('button', { name: `Muokkaa tehtävää: ${title}` }));
  return screen.findByRole('form', { name: `Muokkaa tehtävää: ${title}` });
}

describe('actions over time: editing an action', () => {
  it('when the coordinator edits an action, then every field is there and the change is sent with its version', async () => {
    planApi();
    const sent = capture('patch', `${base}/actions/${familyActionId}`, (body) =>
      HttpResponse.json(familyAction({ ...body, version: 3 })),
    );
    const { user } = renderApp(planPath);
    const form = await openActionEdit(user, 'Iltarutiinin kokeilu');

    const title = within(form).getByRole('textbox', { name: /^Tehtävä/ });
    expect(title).toHaveValue('Iltarutiinin kokeilu');
    expect(title).not.toHaveAttribute('maxlength');
    expect(within(form).getByText('20/300 merkkiä')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Kuka tekee' })).toHaveValue('Anna Virtanen');
    const due = within(form).getByLabelText('Määräaika');
    expect(due).toHaveValue('15.1.2020');
    expect(within(form).getByRole('combobox', { name: 'Mihin tavoitteeseen' })).toHaveValue(goalId);

    await user.clear(title);
    await user.type(title, 'Iltarutiini joka ilta');
    await user.clear(within(form).getByRole('textbox', { name: 'Kuka tekee' }));
    const day = addDays(finnishToday(), 7);
    await user.clear(due);
    await user.type(due, formatDate(day, 'fi'));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Mihin tavoitteeseen' }), '');
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));

    await waitFor(() =>
      expect(sent).toEqual([{ title: 'Iltarutiini joka ilta', ownerName: '', dueOn: day, goalId: null, version: 2 }]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Saved with no owner: the row says nothing of one rather than "Vastuussa:" and nothing.
    const familyActions = await region('Perheen omat tehtävät');
    expect(await within(familyActions).findByText('Iltarutiini joka ilta')).toBeInTheDocument();
    expect(within(familyActions).queryByText(/^Vastuussa:/)).not.toBeInTheDocument();
  });

  it('when a new due date is in the past, then the field says so and nothing is sent; the server refusing one shows on the field too', async () => {
    planApi('coordinator', { familyActions: [familyAction({ dueOn: addDays(finnishToday(), 3), overdue: false })] });
    const sent = capture('patch', `${base}/actions/${familyActionId}`, () =>
      problem(400, 'validation_failed', { errors: [{ path: 'body.dueOn', message: 'A due date is today or later.' }] }),
    );
    const { user } = renderApp(planPath);
    const form = await openActionEdit(user, 'Iltarutiinin kokeilu');
    const due = within(form).getByLabelText('Määräaika');
    await user.clear(due);
    await user.type(due, formatDate(addDays(finnishToday(), -1), 'fi'));
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));
    expect(due).toHaveAccessibleDescription(`Päivä voi olla aikaisintaan ${formatDate(finnishToday(), 'fi')}.`);
    expect(sent).toEqual([]);

    // Midnight passed between loading and saving: the server's clock decides, and says so on the field.
    await user.clear(due);
    await user.type(due, formatDate(finnishToday(), 'fi'));
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    await waitFor(() =>
      expect(due).toHaveAccessibleDescription('Määräaika ei voi olla menneisyydessä. Valitse tämä päivä tai myöhempi.'),
    );
  });

  it('when someone else changed the action first, then the form shows it as it is now and mine can be applied on top', async () => {
    planApi();
    const theirs = familyAction({ title: 'Iltarutiini, Annan muokkaama', status: 'done', overdue: false, version: 3 });
    const sent = capture('patch', `${base}/actions/${familyActionId}`, (body) =>
      body.version === 2
        ? problem(409, 'version_conflict', { current: theirs })
        : HttpResponse.json(familyAction({ ...body, version: 4 })),
    );
    const { user } = renderApp(planPath);
    const form = await openActionEdit(user, 'Iltarutiinin kokeilu');
    const title = within(form).getByRole('textbox', { name: /^Tehtävä/ });
    await user.clear(title);
    await user.type(title, 'Iltarutiini klo 20');
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));

    const conflict = await within(form).findByRole('alert');
    expect(conflict).toHaveTextContent('Iltarutiini, Annan muokkaama');
    expect(conflict).toHaveTextContent('Tehty');
    expect(within(form).queryByRole('button', { name: 'Tallenna muutokset' })).not.toBeInTheDocument();
    await user.click(within(conflict).getByRole('button', { name: 'Tallenna oma muutokseni tämän päälle' }));
    await waitFor(() =>
      expect(sent.map((body) => [body.title, body.version])).toEqual([
        ['Iltarutiini klo 20', 2],
        ['Iltarutiini klo 20', 3],
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('when a title is pasted beyond the limit, then nothing is cut: the count says how much is over and the form refuses it', async () => {
    planApi();
    const sent = capture('patch', `${base}/actions/${familyActionId}`, (body) => HttpResponse.json(familyAction(body)));
    const { user } = renderApp(planPath);
    const form = await openActionEdit(user, 'Iltarutiinin kokeilu');
    const title = within(form).getByRole('textbox', { name: /^Tehtävä/ });
    await user.clear(title);
    await user.click(title);
    await user.paste('x'.repeat(305));
    expect(title).toHaveValue('x'.repeat(305));
    expect(within(form).getByText('305/300 merkkiä – 5 liikaa')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));
    expect(title).toHaveAccessibleDescription('Teksti on liian pitkä. Lyhennä sitä, niin että se mahtuu merkkimäärään.');
    expect(sent).toEqual([]);
  });

  it("when a worker reads a plan whose goals are not shared with their service, then no goal's title shows and their edit leaves the goal as it is", async () => {
    const ownAction = buildAction({ goalId, title: 'Kotikäynti kahden viikon välein' });
    const plan = buildPlan({ familyActions: [familyAction()] }, 'worker');
    const withoutGoals: Plan = {
      ...plan,
      sharedParts: plan.sharedParts.filter((part) => part !== 'goals'),
      goals: [],
      serviceRoles: plan.serviceRoles.map((role, index) =>
        index === 0 ? { ...role, actions: [{ ...ownAction, can: { changeStatus: true } }] } : role,
      ),
    };
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(readers.worker)),
      http.get(`${base}/plan`, () => HttpResponse.json(withoutGoals)),
      ...planPartHandlers(),
    );
    const sent = capture('patch', `${base}/actions/${ownAction.id}`, (body) => HttpResponse.json({ ...ownAction, ...body }));
    const { user } = renderApp(planPath);
    const role = await region('Lastensuojelun perhetyö');
    expect(screen.queryByText(/Aamut sujuvat/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Tavoite:/)).not.toBeInTheDocument();

    await user.click(within(role).getByRole('button', { name: 'Muokkaa tehtävää: Kotikäynti kahden viikon välein' }));
    const form = await screen.findByRole('form', { name: 'Muokkaa tehtävää: Kotikäynti kahden viikon välein' });
    expect(within(form).queryByRole('combobox', { name: 'Mihin tavoitteeseen' })).not.toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: /^Tehtävä/ }), ' ja puhelu');
    await user.click(within(form).getByRole('button', { name: 'Tallenna muutokset' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).not.toHaveProperty('goalId');
  });
});

describe('goals over time: the goal and its actions', () => {
  it('when actions work towards a goal, then the goal lists them with who does each, and each action names its goal', async () => {
    planApi('family', {
      serviceRoles: buildPlan().serviceRoles.map((role, index) =>
        index === 0 ? { ...role, actions: [buildAction({ goalId, dueOn: '2099-06-30' })] } : role,
      ),
    });
    renderApp(planPath);
    const goals = await region('Tavoitteet');
    const linked = within(goals).getByRole('list', { name: 'Tehtävät tämän tavoitteen eteen (2)' });
    const items = within(linked).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Kotikäynti kahden viikon välein' + `Lastensuojelun perhetyö · Määräaika ${formatDate('2099-06-30', 'fi')} · Suunniteltu`,
      'Iltarutiinin kokeilu' + `Perhe itse · Määräaika ${formatDate('2020-01-15', 'fi')} · Työn alla` + 'Myöhässä',
    ]);
    const familyActions = await region('Perheen omat tehtävät');
    expect(within(familyActions).getByText('Tavoite: Aamut sujuvat ilman riitaa')).toBeInTheDocument();
    expect(within(await region('Lastensuojelun perhetyö')).getByText('Tavoite: Aamut sujuvat ilman riitaa')).toBeInTheDocument();
  });

  it('when a goal has only its title, then the card shows no empty labels and no actions list', async () => {
    const bare: Goal = buildGoal({ ownerName: '', indicator: '', baseline: '', target: '', targetOn: null, progress: [] });
    planApi('family', { goals: [bare], familyActions: [familyAction({ goalId: null, ownerName: '' })] });
    renderApp(planPath);
    const goals = await region('Tavoitteet');
    const card = within(goals).getByRole('article');
    expect(card).toHaveTextContent(/^Aamut sujuvat ilman riitaa/);
    for (const label of [/Kenen tavoite/, /Mittari/, /Lähtötaso/, /Tavoitetaso/, /Tavoitepäivä/, /tavoitteen eteen/])
      expect(within(card).queryByText(label)).not.toBeInTheDocument();
    const familyActions = await region('Perheen omat tehtävät');
    expect(within(familyActions).queryByText(/Vastuussa/)).not.toBeInTheDocument();
    expect(within(familyActions).queryByText(/^Tavoite:/)).not.toBeInTheDocument();
  });
});

describe('limits and dates in the other forms', () => {
  it('when a 5,000-character goal is pasted, then it is kept whole in the field, counted over the limit and not sent', async () => {
    planApi('family');
    const sent = capture('post', `${base}/goals`, (body) => HttpResponse.json(buildGoal(body), { status: 201 }));
    const { user } = renderApp(planPath);
    const goals = await region('Tavoitteet');
    await user.click(within(goals).getByRole('button', { name: 'Lisää tavoite' }));
    const title = await within(goals).findByRole('textbox', { name: /^Tavoite\b/ });
    await user.click(title);
    await user.paste('t'.repeat(5_000));
    expect(title).toHaveValue('t'.repeat(5_000));
    expect(within(goals).getByText('5000/300 merkkiä – 4700 liikaa')).toBeInTheDocument();
    await user.click(within(goals).getByRole('button', { name: 'Tallenna tavoite' }));
    expect(title).toHaveAccessibleDescription(/Teksti on liian pitkä/);
    expect(sent).toEqual([]);
  });

  it('when a new action gets a past due date or a note is pasted beyond its limit, then each form refuses it and sends nothing', async () => {
    planApi();
    const actions = capture('post', `${base}/actions`, (body) => HttpResponse.json(buildAction(body), { status: 201 }));
    const notes = capture('post', `${base}/notes`, () => HttpResponse.json({}, { status: 201 }));
    const { user } = renderApp(planPath);
    const role = await region('Lastensuojelun perhetyö');
    await user.click(within(role).getByRole('button', { name: 'Lisää tehtävä' }));
    const addForm = await within(role).findByRole('form', { name: 'Uusi tehtävä: Lastensuojelun perhetyö' });
    await user.type(within(addForm).getByRole('textbox', { name: /^Tehtävä/ }), 'Kotikäynti');
    const due = within(addForm).getByLabelText('Määräaika');
    await user.type(due, formatDate(addDays(finnishToday(), -3), 'fi'));
    await user.click(within(addForm).getByRole('button', { name: 'Tallenna tehtävä' }));
    expect(due).toHaveAccessibleDescription(`Päivä voi olla aikaisintaan ${formatDate(finnishToday(), 'fi')}.`);
    expect(actions).toEqual([]);

    const notesRegion = await region('Kirjaukset');
    const body = within(notesRegion).getByRole('textbox', { name: /^Uusi kirjaus/ });
    await user.click(body);
    await user.paste('k'.repeat(5_001));
    expect(within(notesRegion).getByText('5001/5000 merkkiä – 1 liikaa')).toBeInTheDocument();
    await user.click(within(notesRegion).getByRole('button', { name: 'Tallenna kirjaus' }));
    expect(body).toHaveAccessibleDescription(/Teksti on liian pitkä/);
    expect(notes).toEqual([]);
  });

  it('when a review is still ahead, then it cannot be completed yet and says from which day; a past day cannot be scheduled', async () => {
    planApi();
    const ahead = addDays(finnishToday(), 2);
    const created = capture('post', `${base}/reviews`, () => HttpResponse.json(buildReview(), { status: 201 }));
    server.use(http.get(`${base}/reviews`, () => HttpResponse.json({ reviews: [buildReview({ scheduledOn: ahead })] })));
    const { user } = renderApp(planPath);
    const card = await within(await region('Arviointipalaverit ja versiot')).findByRole('article', {
      name: `Arviointipalaveri ${formatDate(ahead, 'fi')}`,
    });
    expect(within(card).getByRole('button', { name: 'Päätä palaveri' })).toBeDisabled();
    expect(
      within(card).getByText(`Palaverin voi päättää sen päivänä (${formatDate(ahead, 'fi')}) tai sen jälkeen.`),
    ).toBeInTheDocument();

    const reviews = await region('Arviointipalaverit ja versiot');
    await user.click(within(reviews).getByRole('button', { name: 'Sovi arviointipalaveri' }));
    const date = within(reviews).getByLabelText(/^Päivä/);
    await user.type(date, formatDate(addDays(finnishToday(), -1), 'fi'));
    await user.click(within(reviews).getByRole('button', { name: 'Tallenna palaveri' }));
    expect(date).toHaveAccessibleDescription(`Päivä voi olla aikaisintaan ${formatDate(finnishToday(), 'fi')}.`);
    expect(created).toEqual([]);
  });
});
