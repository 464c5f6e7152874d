import { configure, screen, waitFor, within } from '@testing-library/react';
import type { AttainmentScale, Goal, GoalAttainment } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildGoal, buildPlan, familyId, testId, type PlanReader } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';
import { finnishToday, formatDate } from '../../lib/locale';

configure({ asyncUtilTimeout: 10_000 });
const base = `/api/families/${familyId}`;
const planPath = `/families/${familyId}`;
const goalPath = `${base}/goals/${testId(400)}`;
const readers = {
  coordinator: buildCurrentUser(),
  family: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }),
} as const;

const scale: AttainmentScale = {
  muchLess: 'Riitaa joka aamu',
  less: '',
  expected: 'Neljä hyvää aamua viikossa',
  more: 'Viisi hyvää aamua',
  muchMore: '',
};

function planApi(goals: Goal[], reader: keyof typeof readers = 'coordinator', attainment?: GoalAttainment) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(readers[reader])),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({ goals, attainment }, reader as PlanReader))),
    ...planPartHandlers(),
  );
}

/** Records each body sent to `path` and answers with the goal as `answer` makes it. */
function captureGoalChange(method: 'patch' | 'post', path: string, answer: (body: Record<string, unknown>) => Response) {
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

async function goalsRegion() {
  return findPlanRegion('Tavoitteet');
}

describe('plan goals: edit, end and reopen', () => {
  it('when the coordinator edits a goal, then every field is there, counted to its limit, and the change is sent with its version', async () => {
    planApi([buildGoal()]);
    const sent = captureGoalChange('patch', goalPath, (body) => HttpResponse.json(buildGoal({ ...body, version: 2 })));
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    await user.click(within(goals).getByRole('button', { name: 'Muokkaa tavoitetta: Aamut sujuvat ilman riitaa' }));
    const form = await within(goals).findByRole('form', { name: 'Muokkaa tavoitetta: Aamut sujuvat ilman riitaa' });

    const title = within(form).getByRole('textbox', { name: /^Tavoite\b/ });
    expect(title).toHaveValue('Aamut sujuvat ilman riitaa');
    // Counted, never cut: the form refuses what is too long instead.
    expect(title).not.toHaveAttribute('maxlength');
    expect(within(form).getByText('26/300 merkkiä')).toBeInTheDocument();
    expect(within(form).getByText('26/500 merkkiä')).toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'Aamut sujuvat');
    expect(within(form).getByText('13/300 merkkiä')).toBeInTheDocument();
    await user.clear(within(form).getByRole('textbox', { name: 'Mistä huomaamme edistymisen' }));
    await user.click(within(form).getByRole('button', { name: 'Tallenna tavoite' }));

    await waitFor(() =>
      expect(sent).toEqual([
        {
          title: 'Aamut sujuvat',
          ownerName: 'Anna ja Eetu',
          indicator: '',
          baseline: '1 / 5',
          target: '4 / 5',
          targetOn: '2026-06-30',
          attainmentScale: null,
          version: 1,
        },
      ]),
    );
    await waitFor(() => expect(within(goals).queryByRole('form')).not.toBeInTheDocument());
  });

  it('when a new target date is in the past, then the field says so and nothing is sent; the date the goal had may stay', async () => {
    planApi([buildGoal({ targetOn: '2020-01-15' })]);
    const sent = captureGoalChange('patch', goalPath, (body) => HttpResponse.json(buildGoal({ ...body, version: 2 })));
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    await user.click(within(goals).getByRole('button', { name: /^Muokkaa tavoitetta/ }));
    const form = await within(goals).findByRole('form', { name: /^Muokkaa tavoitetta/ });
    const date = within(form).getByLabelText('Tavoitepäivä');
    await user.clear(date);
    await user.type(date, '1.2.2020');
    await user.click(within(form).getByRole('button', { name: 'Tallenna tavoite' }));
    expect(date).toHaveAccessibleDescription('Tavoitepäivä ei voi olla menneisyydessä. Valitse tämä päivä tai myöhempi.');
    expect(sent).toEqual([]);

    await user.clear(date);
    await user.type(date, '15.1.2020');
    await user.click(within(form).getByRole('button', { name: 'Tallenna tavoite' }));
    await waitFor(() => expect(sent).toEqual([expect.objectContaining({ targetOn: '2020-01-15' })]));
  });

  it('when the coordinator adds a goal with levels, then the expected outcome must be described and the levels are sent', async () => {
    planApi([buildGoal()]);
    const sent = captureGoalChange('post', `${base}/goals`, (body) =>
      HttpResponse.json(buildGoal({ ...body, id: testId(801) }), { status: 201 }),
    );
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    await user.click(within(goals).getByRole('button', { name: 'Lisää tavoite' }));
    await user.type(await within(goals).findByRole('textbox', { name: /^Tavoite\b/ }), 'Illat rauhoittuvat');
    await user.click(within(goals).getByRole('checkbox', { name: /Kuvaa onnistumisen tasot/ }));
    const levels = within(goals).getByRole('group', { name: 'Onnistumisen tasot' });
    await user.click(within(goals).getByRole('button', { name: 'Tallenna tavoite' }));
    const expected = within(levels).getByRole('textbox', { name: /^0 Odotettu tulos/ });
    expect(expected).toHaveAccessibleDescription('Kuvaa, miltä odotettu tulos näyttää.');
    expect(sent).toEqual([]);

    await user.type(expected, 'Kolme rauhallista iltaa');
    await user.type(within(levels).getByRole('textbox', { name: '+2 Paljon odotettua paremmin' }), 'Joka ilta rauhallinen');
    await user.click(within(goals).getByRole('button', { name: 'Tallenna tavoite' }));
    await waitFor(() =>
      expect(sent).toEqual([
        expect.objectContaining({
          title: 'Illat rauhoittuvat',
          attainmentScale: {
            muchLess: '',
            less: '',
            expected: 'Kolme rauhallista iltaa',
            more: '',
            muchMore: 'Joka ilta rauhallinen',
          },
        }),
      ]),
    );
  });

  it('when the family adds a goal with a past target date, then the field says so; levels are not offered to the family', async () => {
    planApi([buildGoal()], 'family');
    const sent = captureGoalChange('post', `${base}/goals`, (body) => HttpResponse.json(buildGoal(body), { status: 201 }));
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    await user.click(within(goals).getByRole('button', { name: 'Lisää tavoite' }));
    expect(within(goals).queryByRole('checkbox', { name: /Kuvaa onnistumisen tasot/ })).not.toBeInTheDocument();
    expect(within(goals).getByText('0/300 merkkiä')).toBeInTheDocument();
    await user.type(within(goals).getByRole('textbox', { name: /^Tavoite\b/ }), 'Illat rauhoittuvat');
    await user.type(within(goals).getByLabelText('Tavoitepäivä'), '15.1.2020');
    await user.click(within(goals).getByRole('button', { name: 'Tallenna tavoite' }));
    expect(within(goals).getByLabelText('Tavoitepäivä')).toHaveAccessibleDescription(/^Päivä voi olla aikaisintaan/);
    expect(sent).toEqual([]);
  });

  it('when the coordinator ends a goal with levels, then the day is today, the level is asked for, and the ending is sent', async () => {
    planApi([buildGoal({ attainmentScale: scale })]);
    const sent = captureGoalChange('post', `${goalPath}/end`, (body) =>
      HttpResponse.json(buildGoal({ status: 'partly_reached', endedOn: String(body.endedOn), version: 2 })),
    );
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    await user.click(within(goals).getByRole('button', { name: 'Päätä tavoite: Aamut sujuvat ilman riitaa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Miten tavoitteen kävi?' });
    expect(within(dialog).getByLabelText(/^Päivä/)).toHaveValue(formatDate(finnishToday(), 'fi'));
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna' }));
    expect(within(dialog).getByRole('radiogroup', { name: /Miten kävi/ })).toHaveAccessibleDescription('Valitse, miten kävi.');

    await user.click(within(dialog).getByRole('radio', { name: 'Osittain saavutettu' }));
    const levels = within(dialog).getByRole('radiogroup', { name: /Mille tasolle tavoite ylsi/ });
    expect(within(levels).getByRole('radio', { name: '0 Odotettu tulos' })).toHaveAccessibleDescription(
      'Neljä hyvää aamua viikossa',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna' }));
    expect(within(dialog).getByText('Valitse taso, jolle tavoite ylsi.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.click(within(levels).getByRole('radio', { name: '−1 Odotettua heikommin' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna' }));
    await waitFor(() =>
      expect(sent).toEqual([{ ending: 'partly_reached', endedOn: finnishToday(), attainedLevel: -1, version: 1 }]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('when the server refuses the day, then the date field says why', async () => {
    planApi([buildGoal()]);
    captureGoalChange('post', `${goalPath}/end`, () =>
      problem(400, 'validation_failed', {
        errors: [{ path: 'body.endedOn', message: 'A goal cannot end before it was made.' }],
      }),
    );
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    await user.click(within(goals).getByRole('button', { name: /^Päätä tavoite/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Miten tavoitteen kävi?' });
    await user.click(within(dialog).getByRole('radio', { name: 'Luovuttu' }));
    const date = within(dialog).getByLabelText(/^Päivä/);
    await user.clear(date);
    await user.type(date, '15.1.2020');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna' }));
    await waitFor(() =>
      expect(date).toHaveAccessibleDescription(/Päivä ei voi olla tulevaisuudessa eikä ennen kuin tavoite kirjattiin\./),
    );
  });

  it('when a goal has ended, then the card says how and when, and the coordinator may reopen it; a 409 shows the goal as it is', async () => {
    planApi([buildGoal({ status: 'reached', endedOn: '2026-03-01', attainmentScale: scale, attainedLevel: 1, version: 3 })]);
    const sent = captureGoalChange('post', `${goalPath}/reopen`, () =>
      problem(409, 'version_conflict', {
        current: buildGoal({ title: 'Aamut sujuvat aina', status: 'not_reached', endedOn: '2026-03-02', version: 4 }),
      }),
    );
    const { user } = renderApp(planPath);
    const goals = await goalsRegion();
    expect(within(goals).getByText('Saavutettu 1.3.2026')).toBeInTheDocument();
    expect(within(goals).getByText('Toteutui: +1 Odotettua paremmin – Viisi hyvää aamua')).toBeInTheDocument();
    expect(within(goals).queryByRole('button', { name: /^Päätä tavoite/ })).not.toBeInTheDocument();
    expect(within(goals).getByRole('button', { name: /^Muuta päättymistä:/ })).toBeInTheDocument();

    await user.click(within(goals).getByRole('button', { name: 'Avaa uudelleen: Aamut sujuvat ilman riitaa' }));
    await waitFor(() => expect(sent).toEqual([{ version: 3 }]));
    const conflict = await within(goals).findByRole('alert');
    expect(conflict).toHaveTextContent('Aamut sujuvat aina');
    expect(conflict).toHaveTextContent('Ei saavutettu 2.3.2026');
    await user.click(within(conflict).getByRole('button', { name: 'Avaa uudelleen' }));
    await waitFor(() => expect(sent).toEqual([{ version: 3 }, { version: 4 }]));
  });

  it('when the family reads its goals, then there are no controls to change them, and empty fields leave no labels behind', async () => {
    planApi([buildGoal({ ownerName: '', indicator: '', baseline: '', target: 'Neljä hyvää aamua', targetOn: null })], 'family');
    renderApp(planPath);
    const goals = await goalsRegion();
    expect(within(goals).getByText('Tavoitetaso: Neljä hyvää aamua')).toBeInTheDocument();
    expect(within(goals).queryByText(/Mittari|Kenen tavoite|Lähtötaso|Tavoitepäivä/)).not.toBeInTheDocument();
    for (const name of [/^Muokkaa tavoitetta/, /^Päätä tavoite/, /^Avaa tavoite/])
      expect(within(goals).queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('when goals have ended, then the plan sums them up in plain words', async () => {
    planApi([buildGoal()], 'family', {
      total: 4,
      open: 1,
      reached: 2,
      partlyReached: 1,
      notReached: 0,
      dropped: 0,
      levels: [
        { level: -2, count: 0 },
        { level: -1, count: 0 },
        { level: 0, count: 1 },
        { level: 1, count: 1 },
        { level: 2, count: 0 },
      ],
    });
    renderApp(planPath);
    const summary = await findPlanRegion('4 tavoitteesta 2 saavutettu');
    expect(summary).toHaveTextContent('1 osittain saavutettu · 1 vielä kesken');
    expect(summary).toHaveTextContent('Odotettuun tulokseen verrattuna: 1 paremmin · 1 odotetusti');
  });

  it('when no goal has ended yet, then there is no summary', async () => {
    planApi([buildGoal()], 'family');
    renderApp(planPath);
    await goalsRegion();
    expect(screen.queryByRole('region', { name: /tavoitteesta/ })).not.toBeInTheDocument();
  });
});
