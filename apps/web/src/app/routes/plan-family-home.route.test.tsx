import { configure, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import {
  buildAction,
  buildCurrentUser,
  buildFamilySummary,
  buildNote,
  buildPlan,
  buildReview,
  familyId,
  testId,
  buildFamilyList,
} from '../../test/fixtures';
import { addDays, finnishToday, formatDate } from '../../lib/locale';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine its first render takes seconds.
configure({ asyncUtilTimeout: 10_000 });

const planPath = `/families/${familyId}`;
const today = finnishToday();
const [familyWork, counselling] = buildPlan().serviceRoles;

/** Anna's family: one open and one done task of their own, a service busy this month, a note and a meeting since her last visit. */
function familyPlan(lastVisitAt: string | null = '2026-01-05T08:00:00.000Z') {
  return buildPlan(
    {
      lastVisitAt,
      serviceRoles: [
        {
          ...familyWork!,
          actions: [
            buildAction({ title: 'Kotikäynti', dueOn: today, status: 'in_progress', updatedAt: '2026-01-06T09:00:00.000Z' }),
            buildAction({ id: testId(302), title: 'Loppuarvio', dueOn: '2099-06-30', updatedAt: '2025-12-01T09:00:00.000Z' }),
            buildAction({ id: testId(303), title: 'Aloituskäynti', status: 'done', dueOn: today }),
          ],
        },
        counselling!,
      ],
      familyActions: [
        buildAction({
          id: testId(301),
          serviceRoleId: null,
          title: 'Iltarutiinin kokeilu',
          ownerName: 'Anna Virtanen',
          status: 'in_progress',
          updatedAt: '2025-12-20T08:00:00.000Z',
        }),
        buildAction({
          id: testId(304),
          serviceRoleId: null,
          title: 'Neuvolan lomake',
          status: 'done',
          ownerName: 'Anna Virtanen',
        }),
      ],
    },
    'family',
  );
}

function familyApi({ plan = familyPlan(), families = [buildFamilySummary()] } = {}) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ name: 'Anna Virtanen', role: 'family' }))),
    http.get('/api/families', () => HttpResponse.json(buildFamilyList(families))),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(plan)),
    http.get(`/api/families/${familyId}/notes`, () =>
      HttpResponse.json({
        notes: [
          buildNote({ id: testId(701), visibility: 'family', createdAt: '2026-01-07T10:00:00.000Z' }),
          buildNote({ id: testId(702), visibility: 'family', author: { id: testId(3), name: 'Mikko Salo' } }),
        ],
        nextBefore: null,
      }),
    ),
    http.get(`/api/families/${familyId}/reviews`, () =>
      HttpResponse.json({
        reviews: [
          buildReview({ id: testId(910), scheduledOn: addDays(today, 30) }),
          buildReview({ id: testId(911), scheduledOn: addDays(today, 9) }),
          buildReview({ id: testId(912), scheduledOn: addDays(today, -3) }),
          buildReview({
            id: testId(913),
            scheduledOn: '2026-01-06',
            status: 'completed',
            completedAt: '2026-01-06T12:00:00.000Z',
            planVersion: 2,
          }),
        ],
      }),
    ),
    // After this family's own answers: the first handler that matches answers.
    ...planPartHandlers(),
  );
}

const homePanel = () => screen.findByRole('tabpanel', { name: 'Mitä seuraavaksi' });

describe('the family home on the plan', () => {
  it('when a family member opens the plan, then their home comes first: own tasks, next meeting, the services this month, what changed, goals', async () => {
    familyApi();
    renderApp(planPath);

    const home = await homePanel();
    expect(home).toHaveAttribute('data-active');
    expect(
      within(home)
        .getAllByRole('heading', { level: 2 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'Teidän tehtävänne',
      'Seuraava tapaaminen',
      'Mitä palvelut tekevät tässä kuussa',
      'Mikä on muuttunut',
      'Teidän tavoitteenne',
    ]);

    const tasks = within(home).getByRole('region', { name: 'Teidän tehtävänne' });
    const status = within(tasks).getByRole('combobox', { name: 'Tila: Iltarutiinin kokeilu' });
    expect(status).toHaveValue('in_progress');
    expect(within(status).getByRole('option', { name: 'Kesken' })).toBeInTheDocument();
    expect(within(tasks).queryByText('Neuvolan lomake')).not.toBeInTheDocument();
    // Who does it and by when, in plain words rather than "Vastuussa" and "Määräaika".
    expect(within(tasks).getByText(/^Kuka tekee: /)).toBeInTheDocument();
    expect(within(tasks).getByText(/^Viimeistään /)).toBeInTheDocument();
    expect(within(tasks).queryByText(/^Vastuussa|^Määräaika/)).not.toBeInTheDocument();

    // The nearest meeting still to come, not a past one or a held one.
    const meeting = within(home).getByRole('region', { name: 'Seuraava tapaaminen' });
    expect(await within(meeting).findByText(formatDate(addDays(today, 9), 'fi'))).toBeInTheDocument();

    const month = within(home).getByRole('region', { name: 'Mitä palvelut tekevät tässä kuussa' });
    expect(within(month).getByRole('heading', { name: 'Lastensuojelun perhetyö' })).toBeInTheDocument();
    expect(within(month).getByText('Kuka auttaa: Mikko Salo, perhetyo@varkaus-demo.fi, 017 555 0303')).toBeInTheDocument();
    expect(within(month).getByText(`Kotikäynti – viimeistään ${formatDate(today, 'fi')}`)).toBeInTheDocument();
    expect(within(month).queryByText(/Loppuarvio|Aloituskäynti/)).not.toBeInTheDocument();
    expect(within(month).queryByText('Perheneuvola')).not.toBeInTheDocument();

    const changes = within(home).getByRole('region', { name: 'Mikä on muuttunut' });
    expect(within(changes).getByText('Edellinen käyntinne oli 5.1.2026 klo 10.00.')).toBeInTheDocument();
    await within(changes).findByText('Mikko Salo kirjoitti uuden kirjauksen.');
    // Newest first; what changed before the last visit (Loppuarvio, Iltarutiinin kokeilu) is not news.
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Tavoitteeseen ”Aamut sujuvat ilman riitaa” kirjattiin: 2 / 5',
      'Te itse: Neuvolan lomake – Tehty',
      'Lastensuojelun perhetyö: Aloituskäynti – Tehty',
      'Mikko Salo kirjoitti uuden kirjauksen.',
      'Sari Lehtonen kirjoitti uuden kirjauksen.',
      'Tapaaminen 6.1.2026 pidettiin.',
      'Lastensuojelun perhetyö: Kotikäynti – Kesken',
    ]);

    const goals = within(home).getByRole('region', { name: 'Teidän tavoitteenne' });
    expect(within(goals).getByText('Aamut sujuvat ilman riitaa')).toBeInTheDocument();
    expect(within(goals).getByText('Viimeksi 1.2.2026: 2 / 5')).toBeInTheDocument();
  });

  it('when the family member has not looked at the plan before, then the home says so instead of listing changes', async () => {
    familyApi({ plan: familyPlan(null) });
    renderApp(planPath);

    const changes = within(await homePanel()).getByRole('region', { name: 'Mikä on muuttunut' });
    expect(within(changes).getByText(/Tämä on ensimmäinen käyntinne/)).toBeInTheDocument();
    expect(within(changes).queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('when the family reads the plan, then it speaks plainly: who helps, and what is under way', async () => {
    familyApi();
    renderApp(`${planPath}?section=services`);

    expect(await screen.findByText('Teidän yhteyshenkilönne: Sari Lehtonen')).toBeInTheDocument();
    const card = await screen.findByRole('region', { name: 'Lastensuojelun perhetyö' });
    expect(within(card).getByText('Kuka auttaa')).toBeInTheDocument();
    expect(within(card).queryByText('Vastuuhenkilö')).not.toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'Mitä he tekevät' })).toBeInTheDocument();
    expect(within(card).getByText('Kesken')).toBeInTheDocument();
    expect(within(card).queryByText(/^Tila:/)).not.toBeInTheDocument();
  });

  it('when a link on the home is followed, then its section opens and the address keeps it', async () => {
    familyApi();
    const { user, router } = renderApp(planPath);

    await user.click(within(await homePanel()).getByRole('link', { name: 'Katso tapaamiset' }));

    expect(screen.getByRole('tab', { name: 'Tapaamiset' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Tapaamiset' })).toHaveAttribute('data-active');
    expect(screen.getByRole('tabpanel', { name: 'Mitä seuraavaksi' })).not.toHaveAttribute('data-active');
    expect(router.state.location.search).toBe('?section=meetings');
  });

  it('when the family member has one family, then signing in lands on its plan with no list to go back to', async () => {
    familyApi();
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(planPath);
    expect(screen.queryByRole('link', { name: /Takaisin perheisiin|Kaikki perheenne/ })).not.toBeInTheDocument();
  });

  it('when the family member has several families, then they choose from the list and can come back to it', async () => {
    familyApi({ families: [buildFamilySummary(), buildFamilySummary({ id: testId(101), name: 'Perhe Korhonen' })] });
    const { user, router } = renderApp('/');

    await user.click(await screen.findByRole('link', { name: 'Perhe Virtanen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();

    await user.click(await screen.findByRole('link', { name: 'Kaikki perheenne' }));
    expect(await screen.findByRole('link', { name: 'Perhe Korhonen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('when the family is not found, then the page still has its heading and says so', async () => {
    familyApi();
    server.use(http.get(`/api/families/${familyId}/plan`, () => problem(404, 'not_found')));
    renderApp(planPath);

    expect(await screen.findByRole('alert')).toHaveTextContent('Perhettä ei löydy tai sinulla ei ole oikeutta nähdä sitä.');
    expect(screen.getByRole('heading', { level: 1, name: 'Yhteinen suunnitelma' })).toBeInTheDocument();
  });
});
