import { act, configure, screen, waitFor, within } from '@testing-library/react';
import type { ActivityEntry } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import {
  buildActivityEntry,
  buildCoordinatorWorkspace,
  buildCurrentUser,
  buildPlan,
  familyId,
  testId,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine its first render takes seconds.
configure({ asyncUtilTimeout: 10_000 });

const activityPath = `/families/${familyId}?section=activity`;
const now = new Date().toISOString();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const hanna = { name: 'Hanna Kivelä', role: 'worker', service: { fi: 'Koulun sosiaalityö' }, relation: null } as const;

const markedDone = buildActivityEntry({ seq: 50, firstAt: now, lastAt: now });
const grouped = buildActivityEntry({
  seq: 45,
  actor: hanna,
  item: { id: testId(301), title: 'Koulupalaveri', service: null, day: null },
  status: null,
  count: 3,
  firstAt: minutesAgo(9),
  lastAt: now,
});
const byHiddenWorker = buildActivityEntry({
  seq: 44,
  type: 'agendaItem.created',
  actor: { name: null, role: 'worker', service: null, relation: null },
  item: { id: testId(302), title: 'Jaksaminen', service: null, day: null },
  status: null,
  firstAt: now,
  lastAt: now,
});
const reviewByCoordinator = buildActivityEntry({
  seq: 20,
  type: 'review.created',
  actor: { name: 'Sari Lehtonen', role: 'coordinator', service: null, relation: null },
  item: { id: testId(500), title: null, service: null, day: '2026-01-14' },
  status: null,
  firstAt: '2025-12-01T08:00:00.000Z',
  lastAt: '2025-12-01T08:00:00.000Z',
});

/** The plan and its activity as the server has them; `pages` are keyed by the `before` they answer. */
function activityApi(
  pages: Record<string, { entries: ActivityEntry[]; nextBefore: number | null }>,
  role: 'coordinator' | 'family' = 'coordinator',
) {
  const asked: (string | null)[] = [];
  server.use(
    http.get('/api/auth/me', () =>
      HttpResponse.json(role === 'family' ? buildCurrentUser({ name: 'Anna Virtanen', role: 'family' }) : buildCurrentUser()),
    ),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    ...planPartHandlers(),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan({}, role === 'family' ? 'family' : undefined))),
    http.get(`/api/families/${familyId}/activity`, ({ request }) => {
      const before = new URL(request.url).searchParams.get('before');
      asked.push(before);
      const page = pages[before ?? 'first'];
      return page ? HttpResponse.json(page) : problem(500, 'internal');
    }),
  );
  return asked;
}

const feed = () => findPlanRegion('Mitä on muuttunut');
const lines = async () => within(await feed()).findAllByRole('listitem');

describe('the plan: what has changed', () => {
  it('when a coordinator opens it, then each change reads as a sentence under its day, with who and when', async () => {
    activityApi({ first: { entries: [markedDone, grouped, byHiddenWorker, reviewByCoordinator], nextBefore: null } });
    renderApp(activityPath);

    expect(await screen.findByRole('tab', { name: 'Muutokset', selected: true })).toBeInTheDocument();
    const region = await feed();
    expect((await within(region).findAllByRole('heading', { level: 3 })).map((heading) => heading.textContent)).toEqual([
      'Tänään',
      '1.12.2025',
    ]);
    const [first, second, third, fourth] = await lines();
    expect(first).toHaveTextContent('Mikko Salo merkitsi tehtävän ”Kotikäynti kahden viikon välein” tehdyksi');
    expect(first).toHaveTextContent(/Perhetyö · klo \d\d\.\d\d$/);
    expect(second).toHaveTextContent('Hanna Kivelä muokkasi kohtaa ”Koulupalaveri” 3 kertaa');
    expect(second).toHaveTextContent(/Koulun sosiaalityö · klo \d\d\.\d\d–\d\d\.\d\d$/);
    expect(third).toHaveTextContent('Työntekijä ehdotti palaveriin aihetta ”Jaksaminen”');
    expect(fourth).toHaveTextContent('Sari Lehtonen sopi arviointipalaverin 14.1.2026');
    expect(fourth).toHaveTextContent('koordinaattori · klo 10.00');
    expect(within(region).getByText('Vanhempia muutoksia ei ole.')).toBeInTheDocument();
  });

  it('when the family opens it on their phone, then the coordinator is their contact person and the review their meeting', async () => {
    activityApi({ first: { entries: [reviewByCoordinator], nextBefore: null } }, 'family');
    renderApp(activityPath);

    const [line] = await lines();
    expect(line).toHaveTextContent('Sari Lehtonen sopi tapaamisen 14.1.2026');
    expect(line).toHaveTextContent('yhteyshenkilönne · klo 10.00');
  });

  it('when "Näytä vanhemmat" is pressed, then the next older lines are read from where the page ended and added below', async () => {
    const asked = activityApi({
      first: { entries: [markedDone, grouped], nextBefore: 45 },
      45: { entries: [reviewByCoordinator], nextBefore: null },
    });
    const { user } = renderApp(activityPath);

    expect(await lines()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Näytä vanhemmat' }));

    await waitFor(async () => expect(await lines()).toHaveLength(3));
    expect(asked).toEqual([null, '45']);
    expect(screen.queryByRole('button', { name: 'Näytä vanhemmat' })).not.toBeInTheDocument();
    expect(screen.getByText('Vanhempia muutoksia ei ole.')).toBeInTheDocument();
  });

  it('when a change arrives live, then the activity is read again and the new line comes first', async () => {
    const pages = { first: { entries: [grouped], nextBefore: null } };
    const asked = activityApi(pages);
    const socket = new FakeSocket();
    renderApp(activityPath, { socket });
    expect(await lines()).toHaveLength(1);
    await waitFor(() => expect(socket.joined).toEqual([familyId]));

    pages.first = { entries: [markedDone, grouped], nextBefore: null };
    act(() => socket.receive({ type: 'action.updated', familyId, id: testId(300), version: 2, seq: 50 }));

    await waitFor(async () => expect(await lines()).toHaveLength(2));
    expect((await lines())[0]).toHaveTextContent('Mikko Salo merkitsi tehtävän ”Kotikäynti kahden viikon välein” tehdyksi');
    expect(asked.length).toBeGreaterThanOrEqual(2);
  });

  it('when the plan opens at another section, then the activity is not read until its tab is chosen', async () => {
    const asked = activityApi({ first: { entries: [markedDone], nextBefore: null } });
    const { user } = renderApp(`/families/${familyId}`);

    const tab = await screen.findByRole('tab', { name: 'Muutokset' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual([]);
    await user.click(tab);
    expect(await lines()).toHaveLength(1);
    expect(asked).toEqual([null]);
  });

  it('when nothing has changed yet, then it says so', async () => {
    activityApi({ first: { entries: [], nextBefore: null } });
    renderApp(activityPath);
    expect(await within(await feed()).findByText('Suunnitelmassa ei ole vielä muutoksia.')).toBeInTheDocument();
  });

  it('when the activity cannot be read, then the failure is said and can be retried', async () => {
    const asked = activityApi({});
    const { user } = renderApp(activityPath);

    const alert = await within(await feed()).findByRole('alert');
    expect(alert).toHaveTextContent('Muutoksia ei voitu ladata.');
    const retries = asked.length;
    await user.click(within(alert).getByRole('button', { name: 'Yritä uudelleen' }));
    await waitFor(() => expect(asked.length).toBeGreaterThan(retries));
  });
});
