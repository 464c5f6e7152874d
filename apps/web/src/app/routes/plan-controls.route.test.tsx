import { configure, screen, waitFor, within } from '@testing-library/react';
import type { CurrentUser, Plan } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion, showEverySection } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import {
  buildCurrentUser,
  buildFamilyDetail,
  buildNote,
  buildPlan,
  buildReview,
  familyId,
  familyWorkRoleId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine one role query over it takes a few hundred ms.
configure({ asyncUtilTimeout: 10_000 });
const base = `/api/families/${familyId}`;

const users: Record<PlanReader, CurrentUser> = {
  coordinator: buildCurrentUser(),
  worker: buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }),
  family: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }),
};

function planApi(user: CurrentUser, plan: Plan) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(base, () => HttpResponse.json(buildFamilyDetail({ status: plan.family.status }))),
    http.get(`${base}/reviews`, () => HttpResponse.json({ reviews: [buildReview({ agenda: [] })] })),
    // Read once its section is shown, as every section is here.
    http.get(`${base}/activity`, () => HttpResponse.json({ entries: [], nextBefore: null })),
    ...planPartHandlers(),
    http.get(`${base}/plan`, () => HttpResponse.json(plan)),
  );
}

const nameOf = (element: HTMLElement) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
const names = (scope: HTMLElement, role: 'button' | 'combobox') => within(scope).queryAllByRole(role).map(nameOf);
/** Buttons every reader has, none of them a change to the plan. */
const reading = (name: string) =>
  ['FI suomi', 'SV svenska', 'EN English', 'Tulosta suunnitelma', 'Muutoshistoria'].includes(name) ||
  name.startsWith('Käyttäjävalikko') ||
  name.startsWith('Ilmoitukset');

/** Every control for a change the screen offers, and where. */
function offeredControls() {
  const roleCard = (name: string) => names(screen.getByRole('region', { name }), 'button').sort();
  const notes = screen.getByRole('region', { name: 'Kirjaukset' });
  return {
    changes: names(document.body, 'button')
      .filter((name) => !reading(name))
      .sort(),
    familyWork: roleCard('Lastensuojelun perhetyö'),
    counselling: roleCard('Perheneuvola'),
    statusControls: names(document.body, 'combobox').filter((name) => name.startsWith('Tila: ')),
    noteTargets: within(notes)
      .queryAllByRole('option')
      .map((option) => option.textContent),
    noteVisibilityChoice: within(notes).queryByRole('radiogroup') !== null,
  };
}

type Offered = ReturnType<typeof offeredControls>;

async function openPlanAs(user: CurrentUser, plan: Plan) {
  planApi(user, plan);
  const rendered = renderApp(`/families/${familyId}`);
  // The sections that load on their own are there before the controls are counted.
  await screen.findByRole('button', { name: new RegExp(`^Käyttäjävalikko: ${user.name}`) });
  // Each section is drawn when first shown: the reader goes through them all before the controls are counted.
  await showEverySection();
  await screen.findByText('Aamut ovat raskaita.');
  await screen.findByRole('heading', { name: 'Arviointipalaveri 10.2.2026' });
  await screen.findByText(/^Yhteistä arviota ei ole vielä tehty\./);
  return rendered;
}

const roleControls = (service: string) => [`Muokkaa osuutta: ${service}`, `Päätä osuus: ${service}`];
const reviewControls = ['Lisää asialistalle', 'Päätä palaveri', 'Sovi arviointipalaveri', 'Tallenna muistiinpanot'];

describe('plan controls: each reader is offered exactly what the server says they may do', () => {
  it.each<[string, PlanReader, 'active' | 'closed', Offered]>([
    [
      'the coordinator, then every part of the plan can be changed, and notes written on any part',
      'coordinator',
      'active',
      {
        changes: [
          'Kirjaa edistyminen',
          'Kutsu palvelu',
          'Kutsu perheenjäsen',
          'Lisää perheenjäsen',
          'Lisää tavoite',
          'Lisää tehtävä',
          'Muokkaa tarinaa',
          'Muokkaa tavoitetta: Aamut sujuvat ilman riitaa',
          'Muokkaa tehtävää: Iltarutiinin kokeilu',
          'Muokkaa tehtävää: Kotikäynti kahden viikon välein',
          'Muokkaa: Anna Virtanen',
          'Muokkaa: Eetu Virtanen',
          'Päätä asiakkuus',
          'Päätä tavoite: Aamut sujuvat ilman riitaa',
          'Siirrä asiakkuus',
          'Tallenna kirjaus',
          'Tee ensimmäinen arviointi',
          ...roleControls('Lastensuojelun perhetyö'),
          ...roleControls('Perheneuvola'),
          ...reviewControls,
        ].sort(),
        // Only an accepted role takes actions: the counselling service is only invited.
        familyWork: [
          ...roleControls('Lastensuojelun perhetyö'),
          'Lisää tehtävä',
          'Muokkaa tehtävää: Kotikäynti kahden viikon välein',
        ].sort(),
        counselling: roleControls('Perheneuvola').sort(),
        // The family's own tasks come first, before the services'.
        statusControls: ['Tila: Iltarutiinin kokeilu', 'Tila: Kotikäynti kahden viikon välein'],
        noteTargets: ['Oma kirjaus', 'Lastensuojelun perhetyö', 'Perheneuvola'],
        noteVisibilityChoice: true,
      },
    ],
    [
      "a worker, then only their own service's role, its actions and notes, progress on shared goals and agenda topics",
      'worker',
      'active',
      {
        changes: [
          'Kirjaa edistyminen',
          'Lisää asialistalle',
          'Lisää tehtävä',
          'Muokkaa osuutta: Lastensuojelun perhetyö',
          'Muokkaa tehtävää: Kotikäynti kahden viikon välein',
          'Tallenna kirjaus',
        ],
        familyWork: [
          'Lisää tehtävä',
          'Muokkaa osuutta: Lastensuojelun perhetyö',
          'Muokkaa tehtävää: Kotikäynti kahden viikon välein',
        ],
        counselling: [],
        statusControls: ['Tila: Kotikäynti kahden viikon välein'],
        // One place to write: their own role.
        noteTargets: [],
        noteVisibilityChoice: true,
      },
    ],
    [
      "a family member, then their own goals, progress, the family's own actions, agenda topics and notes the family sees",
      'family',
      'active',
      {
        changes: [
          'Kirjaa edistyminen',
          'Lisää asialistalle',
          'Lisää tavoite',
          'Lähetä',
          'Muokkaa tehtävää: Iltarutiinin kokeilu',
          'Muokkaa tehtävää: Iltarutiinin kokeilu',
          'Tallenna kirjaus',
        ],
        familyWork: [],
        counselling: [],
        // The family's open task is on its home and among the tasks, one of them on screen at a time.
        statusControls: ['Tila: Iltarutiinin kokeilu', 'Tila: Iltarutiinin kokeilu'],
        noteTargets: [],
        noteVisibilityChoice: false,
      },
    ],
    [
      'the coordinator of a closed case, then only reopening it',
      'coordinator',
      'closed',
      {
        changes: ['Avaa asiakkuus uudelleen'],
        familyWork: [],
        counselling: [],
        statusControls: [],
        noteTargets: [],
        noteVisibilityChoice: false,
      },
    ],
    [
      'a worker on a closed case, then nothing',
      'worker',
      'closed',
      {
        changes: [],
        familyWork: [],
        counselling: [],
        statusControls: [],
        noteTargets: [],
        noteVisibilityChoice: false,
      },
    ],
    [
      'a family member on a closed case, then nothing',
      'family',
      'closed',
      {
        changes: [],
        familyWork: [],
        counselling: [],
        statusControls: [],
        noteTargets: [],
        noteVisibilityChoice: false,
      },
    ],
  ])('when the plan is opened by %s', async (_case, reader, status, offered) => {
    await openPlanAs(users[reader], buildPlan({ family: { ...buildPlan().family, status } }, reader));
    await waitFor(() => expect(offeredControls()).toEqual(offered));
  });

  it('when the case is closed, then every action shows its status as text', async () => {
    await openPlanAs(users.coordinator, buildPlan({ family: { ...buildPlan().family, status: 'closed' } }));
    const familyWork = await findPlanRegion('Lastensuojelun perhetyö');
    expect(within(familyWork).getByText('Tila: Suunniteltu')).toBeInTheDocument();
    const own = await findPlanRegion('Perheen omat tehtävät');
    expect(within(own).getByText('Tila: Työn alla')).toBeInTheDocument();
  });

  it("when the server allows nothing on the worker's own role (its end date has passed), then its card offers nothing either", async () => {
    const plan = buildPlan({}, 'worker');
    const ended: Plan = {
      ...plan,
      serviceRoles: plan.serviceRoles.map((role) => ({
        ...role,
        can: { edit: false, setDates: false, end: false, addAction: false, writeNotes: [], recordUsage: false },
        actions: role.actions.map((action) => ({ ...action, can: { changeStatus: false } })),
      })),
    };
    await openPlanAs(users.worker, ended);
    await waitFor(() =>
      expect(offeredControls()).toMatchObject({ familyWork: [], statusControls: [], noteVisibilityChoice: false }),
    );
    expect(within(await findPlanRegion('Kirjaukset')).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it("when a worker writes a note, then it goes on their own service's role", async () => {
    let created: unknown;
    server.use(
      http.post(`${base}/notes`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(buildNote({ serviceRoleId: familyWorkRoleId, author: users.worker }), { status: 201 });
      }),
    );
    const { user } = await openPlanAs(users.worker, buildPlan({}, 'worker'));
    const notes = await findPlanRegion('Kirjaukset');
    await user.type(within(notes).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Kotikäynti tehty.');
    await user.click(within(notes).getByRole('button', { name: 'Tallenna kirjaus' }));
    await waitFor(() =>
      expect(created).toEqual({ body: 'Kotikäynti tehty.', visibility: 'professionals', serviceRoleId: familyWorkRoleId }),
    );
  });
});
