import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildAccessLogGroup, buildCurrentUser, familyId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

const logPath = `/families/${familyId}/access-log`;
const familyMember = buildCurrentUser({ name: 'Anna Virtanen', role: 'family' });

const hanna = { name: 'Hanna Kivelä', role: 'worker', organisation: 'Varkauden koulu' } as const;
const read = (id: number, occurredAt: string, resource = 'plan', outcome: 'allowed' | 'denied' = 'allowed') =>
  ({ id, occurredAt, action: 'read', resource, outcome }) as const;

const hannaReads = buildAccessLogGroup({
  actor: hanna,
  events: [read(130, '2026-12-05T07:40:00.000Z'), read(125, '2026-12-05T07:25:00.000Z'), read(120, '2026-12-05T07:10:00.000Z')],
});
const refused = buildAccessLogGroup({
  actor: { name: 'Pekka Muu', role: 'worker', organisation: 'Naapurikunta' },
  events: [read(119, '2026-12-04T10:00:00.000Z', 'note', 'denied'), read(118, '2026-12-04T09:00:00.000Z')],
});
const annaOwn = buildAccessLogGroup({
  actor: { name: 'Anna Virtanen', role: 'family', organisation: null },
  events: [{ id: 131, occurredAt: '2026-12-05T16:00:00.000Z', action: 'create', resource: 'goal', outcome: 'allowed' }],
});
const older = buildAccessLogGroup({
  actor: { name: 'Sari Lehtonen', role: 'coordinator', organisation: 'Demo-hyvinvointialue' },
  events: [{ id: 50, occurredAt: '2026-10-01T09:00:00.000Z', action: 'update', resource: 'action', outcome: 'allowed' }],
});

function logApi() {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(familyMember)),
    http.get(`/api/families/${familyId}/access-log`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      const own = query.get('own') === 'show' ? 'show' : 'hide';
      if (query.get('before') === '118') return HttpResponse.json({ groups: [older], nextBefore: null, own });
      const groups = own === 'show' ? [annaOwn, hannaReads, refused] : [hannaReads, refused];
      return HttpResponse.json({ groups, nextBefore: 118, own });
    }),
  );
  return asked;
}

const groupList = () => screen.findByRole('list', { name: 'Kuka ja milloin, uusimmat ensin' });

describe('access log route', () => {
  it("when a family member opens it, then others' use reads as one plain line per person and day, refusals marked", async () => {
    const asked = logApi();
    renderApp(logPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kuka on katsonut tietojamme' })).toBeInTheDocument();
    const [first, second] = within(await groupList()).getAllByRole('listitem');
    expect(first).toHaveTextContent(
      'Hanna Kivelä (työntekijä, Varkauden koulu) katsoi suunnitelmaa 3 kertaa 5.12.2026 klo 09.10–09.40',
    );
    expect(first).not.toHaveTextContent('ei oikeutta');
    expect(second).toHaveTextContent('Ei oikeutta – yritys estettiin');
    expect(second).toHaveTextContent(
      'Pekka Muu (työntekijä, Naapurikunta) yritti katsoa kirjausta kerran, katsoi suunnitelmaa kerran 4.12.2026 klo 11.00–12.00',
    );
    expect(within(await groupList()).queryByText(/Anna Virtanen/)).not.toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Näytä myös omat katselumme' })).not.toBeChecked();
    expect(asked[0]?.get('own')).toBeNull();
  });

  it('when a line is opened, then each time is listed, the refused one marked', async () => {
    logApi();
    const { user } = renderApp(logPath);

    const [first, second] = within(await groupList()).getAllByRole('listitem');
    const open = within(first!).getByRole('button', { name: 'Näytä 3 tapahtumaa' });
    await user.click(open);
    expect(within(first!).getByRole('button', { name: 'Piilota tapahtumat' })).toHaveAttribute('aria-expanded', 'true');
    const events = within(first!).getByRole('list', {
      name: 'Hanna Kivelä (työntekijä, Varkauden koulu), 5.12.2026: tapahtumat',
    });
    expect(
      within(events)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['klo 09.40 katsoi suunnitelmaa', 'klo 09.25 katsoi suunnitelmaa', 'klo 09.10 katsoi suunnitelmaa']);

    await user.click(within(second!).getByRole('button', { name: 'Näytä 2 tapahtumaa' }));
    const [refusedEvent] = within(within(second!).getByRole('list')).getAllByRole('listitem');
    expect(refusedEvent).toHaveTextContent('Yritti katsoa – ei oikeutta klo 12.00 yritti katsoa kirjausta');
  });

  it('when the family asks to see their own views too, then the log is asked with own=show and their line is there', async () => {
    const asked = logApi();
    const { user } = renderApp(logPath);

    await user.click(await screen.findByRole('switch', { name: 'Näytä myös omat katselumme' }));

    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: /Kuka ja milloin/ })).getAllByRole('listitem')).toHaveLength(3),
    );
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent(
      'Anna Virtanen (perheenjäsen) lisäsi tavoitteen kerran 5.12.2026 klo 18.00',
    );
    expect(screen.getByRole('switch', { name: 'Näytä myös omat katselumme' })).toBeChecked();
    expect(asked.at(-1)?.get('own')).toBe('show');
  });

  it('when "Näytä vanhemmat" is pressed, then the next older groups are added below and the end is said', async () => {
    const asked = logApi();
    const { user } = renderApp(logPath);

    await user.click(await screen.findByRole('button', { name: 'Näytä vanhemmat' }));

    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: /Kuka ja milloin/ })).getAllByRole('listitem')).toHaveLength(3),
    );
    expect(screen.getAllByRole('listitem')[2]).toHaveTextContent(
      'Sari Lehtonen (koordinaattori, Demo-hyvinvointialue) muutti tehtävää kerran 1.10.2026 klo 12.00',
    );
    expect(screen.queryByRole('button', { name: 'Näytä vanhemmat' })).not.toBeInTheDocument();
    expect(screen.getByText('Vanhempia merkintöjä ei ole.')).toBeInTheDocument();
    expect(asked.map((query) => query.get('before'))).toEqual([null, '118']);
    expect(asked[0]?.get('limit')).toBe('20');
  });

  it('when only the family itself has looked, then the empty state says no one else has', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(familyMember)),
      http.get(`/api/families/${familyId}/access-log`, () => HttpResponse.json({ groups: [], nextBefore: null, own: 'hide' })),
    );
    renderApp(logPath);

    expect(await screen.findByText('Kukaan muu ei ole katsonut tietojanne')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Näytä vanhemmat' })).not.toBeInTheDocument();
  });

  it("when the coordinator opens it, then the title speaks of the family and the family's own views are shown", async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
      http.get(`/api/families/${familyId}/access-log`, () =>
        HttpResponse.json({ groups: [annaOwn, hannaReads], nextBefore: null, own: 'show' }),
      ),
    );
    renderApp(logPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kuka on katsonut perheen tietoja' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Näytä myös perheenjäsenten omat katselut' })).toBeChecked();
    expect(within(await groupList()).getAllByRole('listitem')[0]).toHaveTextContent('Anna Virtanen (perheenjäsen)');
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
