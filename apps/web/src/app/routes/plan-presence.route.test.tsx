import { act, configure, screen, waitFor, within } from '@testing-library/react';
import type { Presence } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import {
  buildCoordinatorWorkspace,
  buildCurrentUser,
  buildFamilySummary,
  buildPlan,
  familyId,
  familyWorkRoleId,
  testId,
  buildFamilyList,
} from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

configure({ asyncUtilTimeout: 10_000 });

const mikko = { accountId: testId(3), name: 'Mikko Salo', role: 'worker' as const, serviceRoleIds: [familyWorkRoleId] };
const professional = (over: Partial<Extract<Presence, { audience: 'professional' }>> = {}): Presence => ({
  audience: 'professional',
  familyId,
  at: 10,
  viewers: [mikko],
  familyMemberViewing: false,
  ...over,
});

function planApi(role: 'coordinator' | 'family') {
  server.use(
    http.get('/api/auth/me', () =>
      HttpResponse.json(
        role === 'family' ? buildCurrentUser({ id: testId(600), name: 'Anna Virtanen', role }) : buildCurrentUser(),
      ),
    ),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    http.get('/api/families', () => HttpResponse.json(buildFamilyList([buildFamilySummary()]))),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan({}, role))),
    ...planPartHandlers(),
  );
}

async function openPlan(role: 'coordinator' | 'family', answer: Presence | null = null) {
  planApi(role);
  const socket = new FakeSocket();
  socket.presence = answer;
  const rendered = renderApp(`/families/${familyId}`, { socket });
  await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' });
  return rendered;
}

const viewingNow = () => screen.queryByRole('list', { name: 'Katsomassa nyt' });

describe('plan route, who is looking now', () => {
  it('when a worker and a family member are looking too, then the coordinator sees the worker by name and service, and that a family member is there', async () => {
    await openPlan('coordinator', professional({ familyMemberViewing: true }));

    const list = await waitFor(() => {
      const found = viewingNow();
      expect(found).not.toBeNull();
      return found!;
    });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['MSMikko Salo (Lastensuojelun perhetyö)', 'Perheenjäsen']);
  });

  it('when someone comes or goes, then the line follows; an older answer arriving late and another family’s are ignored', async () => {
    const { socket } = await openPlan('coordinator');
    expect(viewingNow()).toBeNull();

    act(() => socket.fire('presence:changed', professional()));
    expect(await screen.findByText('Mikko Salo (Lastensuojelun perhetyö)')).toBeInTheDocument();

    act(() => socket.fire('presence:changed', professional({ at: 20, viewers: [] })));
    await waitFor(() => expect(viewingNow()).toBeNull());
    act(() => socket.fire('presence:changed', professional({ at: 15 })));
    act(() => socket.fire('presence:changed', professional({ at: 30, familyId: testId(999) })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(viewingNow()).toBeNull();
  });

  it('when the connection drops, then the line goes, as it can no longer be trusted', async () => {
    const { socket } = await openPlan('coordinator', professional());
    expect(await screen.findByText('Mikko Salo (Lastensuojelun perhetyö)')).toBeInTheDocument();

    act(() => socket.disconnect());
    await waitFor(() => expect(viewingNow()).toBeNull());
  });

  it('when the family member has asked to be told and the coordinator is looking, then the plan says so in plain words, and nothing else', async () => {
    const { socket } = await openPlan('family', { audience: 'family', familyId, at: 1, coordinatorViewing: true });

    expect(await screen.findByText('Yhteyshenkilönne Sari Lehtonen katsoo suunnitelmaa juuri nyt.')).toBeInTheDocument();
    act(() => socket.fire('presence:changed', { audience: 'family', familyId, at: 2, coordinatorViewing: false }));
    await waitFor(() => expect(screen.queryByText(/katsoo suunnitelmaa juuri nyt/)).not.toBeInTheDocument());
    expect(viewingNow()).toBeNull();
  });
});
