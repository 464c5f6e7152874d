import { screen } from '@testing-library/react';
import type { InvitationDetails } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCoordinatorWorkspace, buildCurrentUser } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

function signedOut() {
  server.use(
    http.get('/api/auth/me', () => problem(401, 'unauthenticated')),
    http.get('/api/demo/accounts', () => problem(404, 'not_found')),
  );
}

function resetRequests(answer: () => Response = () => new HttpResponse(null, { status: 204 })) {
  const sent: unknown[] = [];
  server.use(
    http.post('/api/auth/password-reset', async ({ request }) => {
      sent.push(await request.json());
      return answer();
    }),
  );
  return sent;
}

describe('forgotten password', () => {
  it('when the user follows "Unohditko salasanasi?" and sends their address, then the page says a link is on its way if it has an account', async () => {
    signedOut();
    const sent = resetRequests();
    const { user, router } = renderApp('/sign-in');

    await user.click(await screen.findByRole('link', { name: 'Unohditko salasanasi?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Unohtunut salasana' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in/forgot-password');
    await user.type(screen.getByLabelText('Sähköposti'), 'Leena.Laine@varkaus-demo.fi');
    await user.click(screen.getByRole('button', { name: 'Lähetä linkki' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Jos osoitteella on tunnus, linkki on tulossa sähköpostiisi.');
    expect(sent).toEqual([{ email: 'leena.laine@varkaus-demo.fi' }]);
  });

  it('when the address is not an email, then the field says so and nothing is sent', async () => {
    signedOut();
    const sent = resetRequests();
    const { user } = renderApp('/sign-in/forgot-password');

    await user.type(await screen.findByLabelText('Sähköposti'), 'leena');
    await user.click(screen.getByRole('button', { name: 'Lähetä linkki' }));

    expect(await screen.findByText('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('when the server says too many requests, then an alert asks to wait', async () => {
    signedOut();
    resetRequests(() => problem(429, 'rate_limited'));
    const { user } = renderApp('/sign-in/forgot-password');

    await user.type(await screen.findByLabelText('Sähköposti'), 'leena.laine@varkaus-demo.fi');
    await user.click(screen.getByRole('button', { name: 'Lähetä linkki' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Liian monta pyyntöä. Odota hetki ja yritä sitten uudelleen.');
  });
});

describe('a password-reset link', () => {
  const token = 'reset-abc123';
  const details: InvitationDetails = {
    kind: 'password-reset',
    name: 'Leena Laine',
    email: 'leena.laine@varkaus-demo.fi',
    invitedBy: 'Leena Laine',
    state: 'open',
    expiresAt: '2026-11-26T12:00:00.000Z',
  };

  function resetLinkApi(answer: () => Response = () => new HttpResponse(null, { status: 204 }), found = details) {
    signedOut();
    const sent: unknown[] = [];
    server.use(
      http.get(`/api/invitations/${token}`, () => HttpResponse.json(found)),
      http.post(`/api/invitations/${token}/accept`, async ({ request }) => {
        sent.push(await request.json());
        return answer();
      }),
    );
    return sent;
  }

  it('when the link is opened, then the page says "set a new password" and names no inviter', async () => {
    resetLinkApi();
    renderApp(`/kutsu/${token}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Aseta uusi salasana' })).toBeInTheDocument();
    expect(screen.getByText(/sinut kirjataan ulos kaikilta laitteilta/)).toBeInTheDocument();
    expect(screen.queryByText('Kutsuja')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Tervetuloa Yhdessä-palveluun' })).not.toBeInTheDocument();
  });

  it('when the server refuses the password as common, then the reason shows under the field', async () => {
    const sent = resetLinkApi(() =>
      problem(400, 'validation_failed', { errors: [{ path: 'body.password', message: 'too common' }] }),
    );
    const { user } = renderApp(`/kutsu/${token}`);

    await user.type(await screen.findByLabelText('Uusi salasana'), 'password1234');
    await user.type(screen.getByLabelText('Salasana uudelleen'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Aseta salasana' }));

    expect(await screen.findByText(/liian yleinen tai liian lähellä nimeäsi/)).toBeInTheDocument();
    expect(screen.getByLabelText('Uusi salasana')).toHaveAccessibleDescription(/liian yleinen/);
    expect(sent).toEqual([{ password: 'password1234' }]);
  });

  it('when a good password is set, then sign-in says the new password is set', async () => {
    resetLinkApi();
    const { user, router } = renderApp(`/kutsu/${token}`);

    await user.type(await screen.findByLabelText('Uusi salasana'), 'Kahvikuppi-Sininen-42');
    await user.type(screen.getByLabelText('Salasana uudelleen'), 'Kahvikuppi-Sininen-42');
    await user.click(screen.getByRole('button', { name: 'Aseta salasana' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Uusi salasana on asetettu. Kirjaudu nyt sisään sillä.');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('when the link has expired, then the page offers to ask for a new link', async () => {
    resetLinkApi(undefined, { ...details, state: 'expired' });
    renderApp(`/kutsu/${token}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Linkki on vanhentunut tai sitä on jo käytetty.');
    expect(screen.getByRole('link', { name: 'Pyydä uusi linkki' })).toHaveAttribute('href', '/sign-in/forgot-password');
  });
});

describe('changing the password', () => {
  function changeApi(answer: () => Response = () => new HttpResponse(null, { status: 204 })) {
    const sent: unknown[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
      http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
      http.post('/api/auth/password', async ({ request }) => {
        sent.push(await request.json());
        return answer();
      }),
    );
    return sent;
  }

  async function fill(user: ReturnType<typeof renderApp>['user'], current: string, next: string, again = next) {
    await user.type(await screen.findByLabelText('Nykyinen salasana'), current);
    await user.type(screen.getByLabelText('Uusi salasana'), next);
    await user.type(screen.getByLabelText('Uusi salasana uudelleen'), again);
    await user.click(screen.getByRole('button', { name: 'Vaihda salasana' }));
  }

  it('when the user opens "Vaihda salasana" from their menu and sends a good password, then it is changed and the page says so', async () => {
    const sent = changeApi();
    const { user, router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Käyttäjävalikko: Sari Lehtonen (koordinaattori)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Vaihda salasana' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Vaihda salasana' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/password');
    await fill(user, 'vanha-salasana-2025', 'Kahvikuppi-Sininen-42');

    expect(await screen.findByRole('status')).toHaveTextContent('Salasana on vaihdettu. Muut laitteet on kirjattu ulos.');
    expect(sent).toEqual([{ currentPassword: 'vanha-salasana-2025', newPassword: 'Kahvikuppi-Sininen-42' }]);
    expect(screen.getByLabelText('Nykyinen salasana')).toHaveValue('');
  });

  it('when the new password is short or typed differently, then the fields say so and nothing is sent', async () => {
    const sent = changeApi();
    const { user } = renderApp('/password');

    await fill(user, 'vanha-salasana-2025', 'lyhyt', 'toinen');

    expect(await screen.findByText('Salasanassa pitää olla vähintään 12 merkkiä.')).toBeInTheDocument();
    expect(screen.getByText('Salasanat eivät ole samat. Kirjoita sama salasana molempiin kenttiin.')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('when the current password is wrong, then the error shows under the current password', async () => {
    changeApi(() => problem(400, 'validation_failed', { errors: [{ path: 'body.currentPassword', message: 'wrong' }] }));
    const { user } = renderApp('/password');

    await fill(user, 'väärä-salasana', 'Kahvikuppi-Sininen-42');

    expect(await screen.findByText('Nykyinen salasana on väärin.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nykyinen salasana')).toHaveAccessibleDescription('Nykyinen salasana on väärin.');
    expect(screen.queryByText(/liian yleinen/)).not.toBeInTheDocument();
  });

  it('when the new password is refused as common, then the reason shows under the new password', async () => {
    changeApi(() => problem(400, 'validation_failed', { errors: [{ path: 'body.newPassword', message: 'too common' }] }));
    const { user } = renderApp('/password');

    await fill(user, 'vanha-salasana-2025', 'password1234');

    expect(await screen.findByText(/liian yleinen tai liian lähellä nimeäsi/)).toBeInTheDocument();
    expect(screen.getByLabelText('Uusi salasana')).toHaveAccessibleDescription(/liian yleinen/);
  });

  it('when too many wrong passwords locked the account, then an alert asks to wait', async () => {
    changeApi(() => problem(429, 'rate_limited'));
    const { user } = renderApp('/password');

    await fill(user, 'vanha-salasana-2025', 'Kahvikuppi-Sininen-42');

    expect(await screen.findByRole('alert')).toHaveTextContent('Liian monta väärää salasanaa.');
  });
});
