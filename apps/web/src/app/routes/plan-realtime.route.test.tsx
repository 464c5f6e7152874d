import { act, screen, waitFor } from '@testing-library/react';
import type { Plan } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import { buildAction, buildCoordinatorWorkspace, buildCurrentUser, buildPlan, familyId, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const actionId = testId(300);

/** The plan as the server has it; tests change it to play another user's edit. */
function planServer() {
  const state = { plan: buildPlan(), reads: 0, gone: false };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    ...planPartHandlers(),
    http.get(`/api/families/${familyId}/plan`, () => {
      state.reads += 1;
      return state.gone ? problem(404, 'not_found') : HttpResponse.json(state.plan);
    }),
  );
  return state;
}

function withActionStatus(plan: Plan, status: 'planned' | 'in_progress' | 'done', version: number): Plan {
  const [role, ...rest] = plan.serviceRoles;
  if (!role) throw new Error('fixture has a service role');
  return buildPlan({ ...plan, serviceRoles: [{ ...role, actions: [buildAction({ status, version })] }, ...rest] });
}

/** Counts the reads of the family's notes, which only a note event makes stale. */
function notesServer() {
  const state = { reads: 0 };
  server.use(
    http.get(`/api/families/${familyId}/notes`, () => {
      state.reads += 1;
      return HttpResponse.json({ notes: [], nextBefore: null });
    }),
  );
  return state;
}

const statusSelect = () => screen.findByRole('combobox', { name: 'Tila: Kotikäynti kahden viikon välein' });

/**
 * Opens the plan at its overview, then draws the sections named (each panel is drawn when first
 * shown, then stays), ending at the services, whose action status the tests follow.
 */
async function openPlan(api: ReturnType<typeof planServer>, alsoShown: string[] = []) {
  const socket = new FakeSocket();
  const rendered = renderApp(`/families/${familyId}`, { socket });
  for (const section of [...alsoShown, 'Palvelut ja tehtävät'])
    await rendered.user.click(await screen.findByRole('tab', { name: section }));
  expect(await statusSelect()).toHaveValue('planned');
  // The first join replays the last minute's events: none here, so nothing is read again.
  await waitFor(() => expect(socket.joined).toEqual([familyId]));
  expect(socket.joinedAfter).toEqual([undefined]);
  expect(api.reads).toBe(1);
  return rendered;
}

describe('plan route, live updates', () => {
  it('when the socket is connected, then the plan says it updates live', async () => {
    const api = planServer();
    await openPlan(api);
    expect(screen.getByText('Päivittyy reaaliajassa')).toBeInTheDocument();
  });

  it("when another user's newer change arrives, then the plan is fetched again and shows it", async () => {
    const api = planServer();
    const { socket } = await openPlan(api);

    api.plan = withActionStatus(api.plan, 'done', 2);
    act(() => socket.receive({ type: 'action.updated', familyId, id: actionId, version: 2, seq: 7 }));

    await waitFor(async () => expect(await statusSelect()).toHaveValue('done'));
    expect(api.reads).toBe(2);
  });

  it('when the event is one the screen already has, then nothing is fetched', async () => {
    const api = planServer();
    server.use(
      http.patch(`/api/families/${familyId}/actions/${actionId}`, () =>
        HttpResponse.json(buildAction({ status: 'in_progress', version: 2 })),
      ),
    );
    const { socket, user } = await openPlan(api);

    await user.selectOptions(await statusSelect(), 'Työn alla');
    await screen.findByText('Tila tallennettu: Työn alla');
    act(() => socket.receive({ type: 'action.updated', familyId, id: actionId, version: 2, seq: 8 }));
    act(() => socket.receive({ type: 'action.updated', familyId: testId(999), id: actionId, version: 9, seq: 1 }));

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.reads).toBe(1);
  });

  it('when the connection comes back, then what was missed is replayed from the server log, each change once, and a banner says what arrived', async () => {
    const api = planServer();
    const notes = notesServer();
    const { socket } = await openPlan(api, ['Kirjaukset']);
    await waitFor(() => expect(notes.reads).toBe(1));
    act(() => socket.receive({ type: 'note.created', familyId, id: testId(801), version: 1, seq: 30 }));
    await waitFor(() => expect(notes.reads).toBe(2));

    act(() => socket.drop());
    expect(await screen.findByText('Ei reaaliaikayhteyttä')).toBeInTheDocument();
    // Longer than three seconds down: said plainly, on every screen.
    expect(await screen.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent('Yhteys katkesi');

    api.plan = withActionStatus(api.plan, 'in_progress', 3);
    socket.catchUp = {
      headSeq: 33,
      complete: true,
      events: [
        { type: 'note.created', familyId, id: testId(801), version: 1, seq: 30 },
        { type: 'action.updated', familyId, id: actionId, version: 3, seq: 31 },
        { type: 'note.created', familyId, id: testId(802), version: 1, seq: 33 },
      ],
    };
    act(() => socket.reconnect());

    await waitFor(async () => expect(await statusSelect()).toHaveValue('in_progress'));
    // Resumed a little before the last event seen, so a change that committed alongside it is not lost.
    expect(socket.joinedAfter).toEqual([undefined, 10]);
    expect(await screen.findByText('Sillä välin tulleet muutokset näkyvät nyt: 1 tehtävä, 1 kirjaus.')).toBeInTheDocument();
    await waitFor(() => expect(notes.reads).toBe(3));
    const planReads = api.reads;

    // The same events arriving live as well are not applied again.
    act(() => socket.receive({ type: 'note.created', familyId, id: testId(802), version: 1, seq: 33 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notes.reads).toBe(3);
    expect(api.reads).toBe(planReads);
    expect(screen.getByText('Päivittyy reaaliajassa')).toBeInTheDocument();
  }, 15_000);

  it('when too much was missed to replay, then everything of the family on screen is read again', async () => {
    const api = planServer();
    const notes = notesServer();
    const { socket } = await openPlan(api, ['Kirjaukset']);
    await waitFor(() => expect(notes.reads).toBe(1));
    const notesBefore = notes.reads;

    act(() => socket.drop());
    api.plan = withActionStatus(api.plan, 'done', 4);
    socket.catchUp = { headSeq: 900, complete: false, events: [] };
    act(() => socket.reconnect());

    await waitFor(async () => expect(await statusSelect()).toHaveValue('done'));
    await waitFor(() => expect(notes.reads).toBeGreaterThan(notesBefore));
  });

  it('when a read failed while the connection was down, then it is tried again once the connection is back', async () => {
    const api = planServer();
    let reviewsReachable = false;
    server.use(
      http.get(`/api/families/${familyId}/reviews`, () =>
        reviewsReachable ? HttpResponse.json({ reviews: [] }) : HttpResponse.error(),
      ),
    );
    const { socket } = await openPlan(api, ['Palaverit']);
    expect(await screen.findByText('Palavereita ei voitu ladata.', {}, { timeout: 10_000 })).toBeInTheDocument();

    act(() => socket.drop());
    reviewsReachable = true;
    act(() => socket.reconnect());

    expect(await screen.findByText('Seuraavaa arviointipalaveria ei ole sovittu.')).toBeInTheDocument();
    expect(screen.queryByText('Palavereita ei voitu ladata.')).not.toBeInTheDocument();
  }, 15_000);

  it('when the user loses access while looking, then the plan is dropped and a plain notice says why', async () => {
    const api = planServer();
    const { socket, router, queryClient } = await openPlan(api);

    api.gone = true;
    act(() => socket.fire('family:revoked', { familyId }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Sinulla ei ole enää pääsyä tämän perheen tietoihin.');
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByRole('heading', { name: 'Perhe Virtanen' })).not.toBeInTheDocument();
    expect(queryClient.getQueryData(['families', familyId, 'plan'])).toBeUndefined();
    expect(socket.left).toEqual([familyId]);
  });

  it('when the family withdraws a consent, then the open plan is fetched again and the part disappears', async () => {
    const api = planServer();
    const { socket } = await openPlan(api);
    expect(screen.getByRole('heading', { name: 'Aamut sujuvat ilman riitaa' })).toBeInTheDocument();

    api.plan = { ...api.plan, sharedParts: ['story'], goals: [] };
    act(() => socket.receive({ type: 'consent.changed', familyId, id: testId(900), version: 1, seq: 9 }));

    expect(await screen.findByText('Perhe ei ole jakanut tavoitteitaan palvelullesi.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Aamut sujuvat ilman riitaa' })).not.toBeInTheDocument();
    expect(api.reads).toBe(2);
  });

  it('when the user leaves the plan, then the socket leaves the room', async () => {
    const api = planServer();
    const { socket, user } = await openPlan(api);

    await user.click(screen.getByRole('link', { name: 'Takaisin perheisiin' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    expect(socket.left).toEqual([familyId]);
  });
});
