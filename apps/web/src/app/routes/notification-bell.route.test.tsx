import { act, screen, waitFor, within } from '@testing-library/react';
import type { Notification, NotificationPreferences } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import { buildCurrentUser, buildWorkerWorkspace, familyId, testId } from '../../test/fixtures';
import { server } from '../../test/msw-server';

const worker = buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] });

function notification(n: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id: testId(900 + n),
    kind: 'actionAssigned',
    details: { title: `Kotikäynti ${n}`, serviceName: { fi: 'Perhetyö' }, dueOn: null },
    family: { id: familyId, name: 'Perhe Virtanen' },
    itemId: testId(800 + n),
    actor: { id: testId(1), name: 'Sari Lehtonen' },
    createdAt: '2026-03-02T08:15:00.000Z',
    readAt: null,
    ...overrides,
  } as Notification;
}

/** The reader's notifications as the server keeps them; tests change them to play another user's change. */
function notificationServer(initial: Notification[]) {
  const state = { notifications: initial, listReads: 0, read: [] as string[], readAll: 0 };
  const unread = () => state.notifications.filter((each) => each.readAt === null).length;
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(worker)),
    http.get('/api/workspace', () => HttpResponse.json(buildWorkerWorkspace())),
    http.get('/api/service-roles/invitations', () => HttpResponse.json({ invitations: [] })),
    http.get('/api/notifications/unread-count', () => HttpResponse.json({ unread: unread() })),
    http.get('/api/notifications', () => {
      state.listReads += 1;
      return HttpResponse.json({ notifications: state.notifications, nextBefore: null });
    }),
    http.post('/api/notifications/:id/read', ({ params }) => {
      state.read.push(String(params.id));
      state.notifications = state.notifications.map((each) =>
        each.id === params.id ? { ...each, readAt: '2026-03-02T09:00:00.000Z' } : each,
      );
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('/api/notifications/read-all', () => {
      state.readAll += 1;
      state.notifications = state.notifications.map((each) => ({ ...each, readAt: each.readAt ?? '2026-03-02T09:00:00.000Z' }));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return state;
}

const bell = (name: RegExp | string) => screen.findByRole('button', { name });

async function openBell(user: ReturnType<typeof renderApp>['user'], name: RegExp | string) {
  await user.click(await bell(name));
  return screen.findByRole('dialog', { name: 'Ilmoitukset' });
}

describe('the notification bell', () => {
  it('when the worker has unread notifications, then the bell says how many, and opening it lists them in plain words', async () => {
    notificationServer([
      notification(1),
      notification(2, {
        kind: 'reviewScheduled',
        details: { scheduledOn: '2026-03-10' },
        actor: null,
        createdAt: '2026-03-01T07:00:00.000Z',
        readAt: '2026-03-01T10:00:00.000Z',
      } as Partial<Notification>),
    ]);
    const { user } = renderApp('/');

    const list = await openBell(user, 'Ilmoitukset, 1 lukematon');
    expect(
      await within(list).findByRole('link', {
        name: 'Lukematon: Perhe Virtanen: Uusi tehtävä palvelulle Perhetyö: Kotikäynti 1',
      }),
    ).toHaveAttribute('href', `/families/${familyId}?section=services`);
    expect(within(list).getByRole('link', { name: 'Perhe Virtanen: Arviointipalaveri on sovittu 10.3.2026' })).toHaveAttribute(
      'href',
      `/families/${familyId}?section=meetings`,
    );
    expect(within(list).getByText('Sari Lehtonen · 2.3.2026 klo 10.15')).toBeInTheDocument();
    expect(within(list).getByText('1.3.2026 klo 09.00')).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'Ilmoitusasetukset' })).toHaveAttribute('href', '/notifications/settings');
  });

  it('when the worker marks one read, then the count drops; when they mark all read, it is gone', async () => {
    const api = notificationServer([notification(1), notification(2), notification(3)]);
    const { user } = renderApp('/');
    const list = await openBell(user, 'Ilmoitukset, 3 lukematonta');

    await user.click(
      await within(list).findByRole('button', { name: 'Merkitse luetuksi: Uusi tehtävä palvelulle Perhetyö: Kotikäynti 2' }),
    );
    expect(await bell('Ilmoitukset, 2 lukematonta')).toBeInTheDocument();
    expect(api.read).toEqual([testId(902)]);

    await user.click(within(list).getByRole('button', { name: 'Merkitse kaikki luetuiksi' }));
    expect(await bell('Ilmoitukset, ei lukemattomia')).toBeInTheDocument();
    expect(api.readAll).toBe(1);
    expect(within(list).getByRole('button', { name: 'Merkitse kaikki luetuiksi' })).toBeDisabled();
  });

  it('when the worker follows a notification, then it is marked read and the plan opens at its section', async () => {
    const api = notificationServer([notification(1)]);
    server.use(http.get(`/api/families/${familyId}/plan`, () => new HttpResponse(null, { status: 404 })));
    const { user, router } = renderApp('/');
    const list = await openBell(user, 'Ilmoitukset, 1 lukematon');

    await user.click(await within(list).findByRole('link', { name: /Kotikäynti 1/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/families/${familyId}`));
    expect(router.state.location.search).toBe('?section=services');
    expect(api.read).toEqual([testId(901)]);
    expect(await bell('Ilmoitukset, ei lukemattomia')).toBeInTheDocument();
  });

  it('when a notification is made for the worker elsewhere, then the bell counts it at once, announces it, and the open list shows it', async () => {
    const api = notificationServer([]);
    const socket = new FakeSocket();
    const { user } = renderApp('/', { socket });
    const list = await openBell(user, 'Ilmoitukset, ei lukemattomia');
    expect(await within(list).findByText(/Ei ilmoituksia/)).toBeInTheDocument();
    expect(socket.connected).toBe(true);

    api.notifications = [notification(7)];
    act(() => socket.fire('notifications:changed', { change: 'created' }));

    expect(await bell('Ilmoitukset, 1 lukematon')).toBeInTheDocument();
    expect(await within(list).findByRole('link', { name: /Kotikäynti 7/ })).toBeInTheDocument();
    expect(screen.getByText('Uusi ilmoitus. Lukemattomia 1.')).toHaveAttribute('aria-live', 'polite');

    // Read in another tab: this one follows.
    api.notifications = [{ ...notification(7), readAt: '2026-03-02T09:00:00.000Z' }];
    act(() => socket.fire('notifications:changed', { change: 'read' }));
    expect(await bell('Ilmoitukset, ei lukemattomia')).toBeInTheDocument();

    // Something that is not ours to parse changes nothing.
    const reads = api.listReads;
    act(() => socket.fire('notifications:changed', { change: 'deleted' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.listReads).toBe(reads);
  });
});

describe('notification settings', () => {
  it('when the worker turns a kind off and its e-mail on, then the choices are saved as given', async () => {
    notificationServer([]);
    const stored: NotificationPreferences = {
      preferences: [
        { kind: 'actionAssigned', inApp: true, emailDigest: false },
        { kind: 'actionOverdue', inApp: true, emailDigest: false },
      ],
    };
    let sent: unknown;
    server.use(
      http.get('/api/notifications/preferences', () => HttpResponse.json(stored)),
      http.put('/api/notifications/preferences', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(sent as NotificationPreferences);
      }),
    );
    const { user } = renderApp('/notifications/settings');

    await user.click(await screen.findByRole('checkbox', { name: 'Näytä sovelluksessa: Tehtävä on myöhässä' }));
    await user.click(screen.getByRole('checkbox', { name: 'Päivittäiseen sähköpostikoosteeseen: Tehtävä on myöhässä' }));
    await user.click(screen.getByRole('button', { name: 'Tallenna asetukset' }));

    expect(await screen.findByText('Asetukset tallennettu.')).toBeInTheDocument();
    expect(sent).toEqual({
      preferences: [
        { kind: 'actionAssigned', inApp: true, emailDigest: false },
        { kind: 'actionOverdue', inApp: false, emailDigest: true },
      ],
    });
  });
});
