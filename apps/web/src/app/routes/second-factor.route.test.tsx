import { screen, within } from '@testing-library/react';
import type { CurrentUser, SecondFactorState } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCoordinatorWorkspace, buildCurrentUser } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { readQrCode } from '../../test/read-qr-code';

const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri:
    'otpauth://totp/Yhdess%C3%A4:sari.koordinaattori%40varkaus-demo.fi?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&period=30&digits=6&algorithm=SHA1&issuer=Yhdess%C3%A4',
};
const recoveryCodes = Array.from({ length: 10 }, (_, index) => `k7p2-m9x${index}-q4w8`);

/** The server's view of one session that signed in with a password and still owes its second factor. */
function sessionApi(initial: SecondFactorState) {
  const state = { secondFactor: initial, verified: [] as unknown[], confirmed: [] as unknown[] };
  const user = (): CurrentUser => buildCurrentUser({ secondFactor: state.secondFactor });
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user())),
    http.get('/api/demo/accounts', () => problem(404, 'not_found')),
    http.post('/api/auth/login', () => HttpResponse.json(user())),
    http.get('/api/workspace', () =>
      state.secondFactor === 'done' ? HttpResponse.json(buildCoordinatorWorkspace()) : problem(401, 'second_factor_required'),
    ),
    http.post('/api/auth/second-factor/verify', async ({ request }) => {
      const body = (await request.json()) as { code?: string; recoveryCode?: string };
      state.verified.push(body);
      if (body.code !== '123456' && body.recoveryCode !== recoveryCodes[0]) return problem(401, 'invalid_second_factor');
      state.secondFactor = 'done';
      return HttpResponse.json(user());
    }),
    http.post('/api/auth/second-factor/enrol', () => HttpResponse.json(enrolment)),
    http.post('/api/auth/second-factor/confirm', async ({ request }) => {
      const body = (await request.json()) as { code: string };
      state.confirmed.push(body);
      if (body.code !== '654321') return problem(401, 'invalid_second_factor');
      state.secondFactor = 'done';
      return HttpResponse.json({ recoveryCodes });
    }),
  );
  return state;
}

async function signInWithPassword(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Sähköposti'), 'sari.koordinaattori@varkaus-demo.fi');
  await user.type(screen.getByLabelText('Salasana'), 'oikea-salasana-2026');
  await user.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
}

describe('second factor', () => {
  it('when a professional signs in and a code is required, then the code step asks for six digits and lets them in', async () => {
    const api = sessionApi('required');
    server.use(http.get('/api/auth/me', () => problem(401, 'unauthenticated'), { once: true }));
    const { user, router } = renderApp('/sign-in');
    await signInWithPassword(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Vahvista kirjautuminen' })).toBeInTheDocument();
    const code = screen.getByRole('textbox', { name: 'Vahvistuskoodi' });
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');

    await user.type(code, '12a34');
    await user.click(screen.getByRole('button', { name: 'Vahvista' }));
    expect(await screen.findByText('Kirjoita 6 numeroa.')).toBeInTheDocument();
    expect(api.verified).toEqual([]);

    await user.type(code, '99');
    await user.click(screen.getByRole('button', { name: 'Vahvista' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Koodi ei kelpaa.');

    await user.clear(code);
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Vahvista' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(api.verified).toEqual([{ code: '123499' }, { code: '123456' }]);
  });

  it('when the app is not at hand, then a recovery code lets the professional in', async () => {
    const api = sessionApi('required');
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Käytä varakoodia' }));
    await user.type(screen.getByRole('textbox', { name: 'Varakoodi' }), recoveryCodes[0] ?? '');
    await user.click(screen.getByRole('button', { name: 'Vahvista' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    expect(api.verified).toEqual([{ recoveryCode: recoveryCodes[0] }]);
  });

  it('when any answer says the second factor is missing, then the user is sent to the code step', async () => {
    sessionApi('done');
    server.use(http.get('/api/workspace', () => problem(401, 'second_factor_required')));
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser()), { once: true }),
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ secondFactor: 'required' }))),
    );
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Vahvista kirjautuminen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in/second-factor');
  });

  it('when the authenticator is not set up yet, then the secret as a QR code and as text, the first code and ten recovery codes lead in', async () => {
    const api = sessionApi('enrol');
    const sent: string[] = [];
    const recordRequest = ({ request }: { request: Request }) => {
      sent.push(request.url);
      void request
        .clone()
        .text()
        .then((body) => sent.push(body));
    };
    server.events.on('request:start', recordRequest);
    const { user } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ota todennussovellus käyttöön' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Aloita käyttöönotto' }));

    const qrCode = await screen.findByRole('img', {
      name: 'QR-koodi todennussovellukseen. Skannaa se sovelluksella; sama avain on kirjoitettuna alla.',
    });
    expect(qrCode.tagName).toBe('svg');
    expect(readQrCode(qrCode)).toBe(enrolment.otpauthUri);
    // Drawn here: no picture is fetched from elsewhere with the secret in its address.
    const sources = [...document.querySelectorAll('[src]')].map((element) => element.getAttribute('src'));
    expect(sources.join(' ')).not.toContain(enrolment.secret);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kopioi avain' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Avaa todennussovelluksessa' })).toHaveAttribute('href', enrolment.otpauthUri);

    await user.type(screen.getByRole('textbox', { name: 'Vahvistuskoodi' }), '654321');
    await user.click(screen.getByRole('button', { name: 'Vahvista ja ota käyttöön' }));

    const codes = await screen.findByRole('list', { name: 'Varakoodit' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(within(codes).getByText(recoveryCodes[9] ?? '')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Varakoodit' })).toHaveFocus();
    expect(screen.getByText(/Koodit näytetään vain nyt\./)).toBeInTheDocument();
    expect(api.confirmed).toEqual([{ code: '654321' }]);

    await user.click(screen.getByRole('button', { name: 'Olen tallentanut koodit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    server.events.removeListener('request:start', recordRequest);
    expect(sent).toContain('http://localhost/api/auth/second-factor/enrol');
    expect(sent.join('\n')).not.toContain(enrolment.secret);
  });

  it('when too many wrong codes end the session, then the sign-in page explains it', async () => {
    sessionApi('required');
    server.use(http.post('/api/auth/second-factor/verify', () => problem(401, 'unauthenticated')));
    const { user, router } = renderApp('/sign-in/second-factor');

    await user.type(await screen.findByRole('textbox', { name: 'Vahvistuskoodi' }), '000000');
    await user.click(screen.getByRole('button', { name: 'Vahvista' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Liian monta väärää koodia');
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
