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

const statusSelect = () => screen.findByRole('combobox', { name: 'Tila: Kotikäynti kahden viikon välein' });

async function openPlan(api: ReturnType<typeof planServer>) {
  const socket = new FakeSocket();
  const rendered = renderApp(`/families/${familyId}`, { socket });
  expect(await statusSelect()).toHaveValue('planned');
  // Joining the room refetches once, so nothing between the first read and the join is missed.
  await waitFor(() => expect(api.reads).toBe(2));
  expect(socket.joined).toEqual([familyId]);
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
    expect(api.reads).toBe(3);
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
    expect(api.reads).toBe(2);
  });

  it('when the connection comes back, then the room is joined again and the plan refetched', async () => {
    const api = planServer();
    const { socket } = await openPlan(api);

    act(() => socket.disconnect());
    expect(await screen.findByText('Ei reaaliaikayhteyttä')).toBeInTheDocument();
    api.plan = withActionStatus(api.plan, 'in_progress', 3);
    act(() => socket.connect());

    await waitFor(async () => expect(await statusSelect()).toHaveValue('in_progress'));
    expect(socket.joined).toEqual([familyId, familyId]);
    expect(screen.getByText('Päivittyy reaaliajassa')).toBeInTheDocument();
  });

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
    expect(api.reads).toBe(3);
  });

  it('when the user leaves the plan, then the socket leaves the room', async () => {
    const api = planServer();
    const { socket, user } = await openPlan(api);

    await user.click(screen.getByRole('link', { name: 'Takaisin perheisiin' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    expect(socket.left).toEqual([familyId]);
  });
});
