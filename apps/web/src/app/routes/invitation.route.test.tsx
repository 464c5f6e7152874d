import { screen } from '@testing-library/react';
import type { InvitationDetails } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { problem, server } from '../../test/msw-server';

const token = 'kutsu-abc123';
const invitationPath = `/kutsu/${token}`;

function buildInvitation(overrides: Partial<InvitationDetails> = {}): InvitationDetails {
  return {
    kind: 'worker',
    name: 'Leena Laine',
    email: 'leena.laine@varkaus-demo.fi',
    invitedBy: 'Sari Lehtonen',
    state: 'open',
    expiresAt: '2026-11-26T12:00:00.000Z',
    ...overrides,
  };
}

function invitationApi(details = buildInvitation()) {
  const sent: unknown[] = [];
  server.use(
    http.get('/api/auth/me', () => problem(401, 'unauthenticated')),
    http.get('/api/demo/accounts', () => problem(404, 'not_found')),
    http.get(`/api/invitations/${token}`, () => HttpResponse.json(details)),
    http.post(`/api/invitations/${token}/accept`, async ({ request }) => {
      sent.push(await request.json());
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

describe('invitation route', () => {
  it('when the link is opened, then it shows who is invited as what, by whom, and the password rules', async () => {
    invitationApi();
    renderApp(invitationPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Tervetuloa Yhdessä-palveluun' })).toBeInTheDocument();
    expect(screen.getByText('Leena Laine')).toBeInTheDocument();
    expect(screen.getByText('leena.laine@varkaus-demo.fi')).toBeInTheDocument();
    expect(screen.getByText('Palvelun työntekijä')).toBeInTheDocument();
    expect(screen.getByText('26.11.2026 klo 14.00 asti')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Aseta salasana' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Salasanan pitää täyttää nämä ehdot:' })).toHaveTextContent('Vähintään 12 merkkiä');
  });

  it('when the password is short or typed differently, then the form explains and sends nothing', async () => {
    const sent = invitationApi();
    const { user } = renderApp(invitationPath);

    await user.type(await screen.findByLabelText('Uusi salasana'), 'lyhyt');
    await user.type(screen.getByLabelText('Salasana uudelleen'), 'toinen');
    await user.click(screen.getByRole('button', { name: 'Aseta salasana' }));

    expect(await screen.findByText('Salasanassa pitää olla vähintään 12 merkkiä.')).toBeInTheDocument();
    expect(screen.getByText('Salasanat eivät ole samat. Kirjoita sama salasana molempiin kenttiin.')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('when a good password is set, then the user goes to sign in with a success message and their email filled in', async () => {
    const sent = invitationApi();
    const { user, router } = renderApp(invitationPath);

    await user.type(await screen.findByLabelText('Uusi salasana'), 'pitkä-ja-hyvä-salasana');
    await user.type(screen.getByLabelText('Salasana uudelleen'), 'pitkä-ja-hyvä-salasana');
    await user.click(screen.getByRole('button', { name: 'Aseta salasana' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Salasana on asetettu. Kirjaudu nyt sisään uudella salasanallasi.');
    expect(screen.getByLabelText('Sähköposti')).toHaveValue('leena.laine@varkaus-demo.fi');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(sent).toEqual([{ password: 'pitkä-ja-hyvä-salasana' }]);
  });

  it('when the link has expired, then a plain message replaces the form', async () => {
    invitationApi(buildInvitation({ state: 'expired' }));
    renderApp(invitationPath);

    expect(await screen.findByRole('alert')).toHaveTextContent('Kutsulinkki on vanhentunut. Pyydä kutsujalta uusi kutsu.');
    expect(screen.queryByLabelText('Uusi salasana')).not.toBeInTheDocument();
  });

  it('when the link expires while the form is open, then the refusal shows as the same plain message', async () => {
    invitationApi();
    server.use(http.post(`/api/invitations/${token}/accept`, () => problem(410, 'invitation_expired')));
    const { user } = renderApp(invitationPath);

    await user.type(await screen.findByLabelText('Uusi salasana'), 'pitkä-ja-hyvä-salasana');
    await user.type(screen.getByLabelText('Salasana uudelleen'), 'pitkä-ja-hyvä-salasana');
    await user.click(screen.getByRole('button', { name: 'Aseta salasana' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Kutsulinkki on vanhentunut.');
    expect(screen.queryByLabelText('Uusi salasana')).not.toBeInTheDocument();
  });

  it('when the link is unknown, then the page says no invitation was found', async () => {
    server.use(http.get(`/api/invitations/${token}`, () => problem(404, 'not_found')));
    renderApp(invitationPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kutsua ei löydy' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Siirry kirjautumaan' })).toBeInTheDocument();
  });
});
