import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildAccessLogEntry, buildCurrentUser, familyId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

const logPath = `/families/${familyId}/access-log`;
const familyMember = buildCurrentUser({ name: 'Anna Virtanen', role: 'family' });

const newest = [
  buildAccessLogEntry({ id: 120 }),
  buildAccessLogEntry({
    id: 119,
    occurredAt: '2026-11-22T07:40:00.000Z',
    actor: { name: 'Hanna Kivelä', role: 'worker', organisation: 'Varkauden kaupunki' },
    resource: 'note',
    outcome: 'denied',
  }),
  buildAccessLogEntry({
    id: 118,
    occurredAt: '2026-11-21T16:00:00.000Z',
    actor: { name: 'Anna Virtanen', role: 'family', organisation: null },
    action: 'create',
    resource: 'goal',
  }),
];
const older = [
  buildAccessLogEntry({
    id: 50,
    occurredAt: '2026-10-01T09:00:00.000Z',
    actor: { name: 'Sari Lehtonen', role: 'coordinator', organisation: 'Demo-hyvinvointialue' },
    action: 'update',
    resource: 'action',
  }),
];

function logApi() {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(familyMember)),
    http.get(`/api/families/${familyId}/access-log`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      return query.get('before') === '118'
        ? HttpResponse.json({ entries: older, nextBefore: null })
        : HttpResponse.json({ entries: newest, nextBefore: 118 });
    }),
  );
  return asked;
}

describe('access log route', () => {
  it('when a family member opens it, then each access reads as a plain sentence and refusals stand out', async () => {
    logApi();
    renderApp(logPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kuka on katsonut tietojamme' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Tapahtumat, uusimmat ensin' });
    const [first, second, third] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Mikko Salo (työntekijä, Demo-hyvinvointialue) katsoi suunnitelmaa 23.11.2026 klo 14.05');
    expect(second).toHaveTextContent('Yritti katsoa – ei oikeutta');
    expect(second).toHaveTextContent(
      'Hanna Kivelä (työntekijä, Varkauden kaupunki) yritti katsoa kirjausta 22.11.2026 klo 09.40',
    );
    expect(third).toHaveTextContent('Anna Virtanen (perheenjäsen) lisäsi tavoitteen 21.11.2026 klo 18.00');
    expect(third).not.toHaveTextContent('ei oikeutta');
  });

  it('when "Näytä vanhemmat" is pressed, then the next older page is added below and the end is said', async () => {
    const asked = logApi();
    const { user } = renderApp(logPath);

    await user.click(await screen.findByRole('button', { name: 'Näytä vanhemmat' }));

    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(4));
    expect(screen.getAllByRole('listitem')[3]).toHaveTextContent(
      'Sari Lehtonen (koordinaattori, Demo-hyvinvointialue) muutti tehtävää 1.10.2026 klo 12.00',
    );
    expect(screen.queryByRole('button', { name: 'Näytä vanhemmat' })).not.toBeInTheDocument();
    expect(screen.getByText('Vanhempia merkintöjä ei ole.')).toBeInTheDocument();
    expect(asked.map((query) => query.get('before'))).toEqual([null, '118']);
    expect(asked[0]?.get('limit')).toBe('30');
  });

  it('when nothing has been logged, then an empty state says so', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(familyMember)),
      http.get(`/api/families/${familyId}/access-log`, () => HttpResponse.json({ entries: [], nextBefore: null })),
    );
    renderApp(logPath);

    expect(await screen.findByText('Ei vielä merkintöjä')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Näytä vanhemmat' })).not.toBeInTheDocument();
  });

  it('when the coordinator opens it, then the title speaks of the family', async () => {
    logApi();
    server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())));
    renderApp(logPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kuka on katsonut perheen tietoja' })).toBeInTheDocument();
  });

  it('when a service worker opens the address, then the log is not shown', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role: 'worker' }))),
      http.get(`/api/families/${familyId}/access-log`, () => problem(404, 'not_found')),
    );
    renderApp(logPath);

    expect(await screen.findByRole('alert')).toHaveTextContent('Lokia ei löydy tai sinulla ei ole oikeutta nähdä sitä.');
  });
});
