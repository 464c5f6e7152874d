import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCoordinatorWorkspace, buildCurrentUser, buildFamilyList, buildFamilySummary } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

function signedOutApi() {
  let loginBody: unknown;
  server.use(
    http.get('/api/auth/me', () => problem(401, 'unauthenticated')),
    http.get('/api/demo/accounts', () => problem(404, 'not_found')),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    http.get('/api/families', () => HttpResponse.json(buildFamilyList([buildFamilySummary()]))),
    http.post('/api/auth/login', async ({ request }) => {
      loginBody = await request.json();
      return HttpResponse.json(buildCurrentUser());
    }),
  );
  return { loginBody: () => loginBody };
}

describe('sign-in route', () => {
  it('when a signed-out user opens the families list, then they are sent to sign in', async () => {
    signedOutApi();
    const { router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('when the credentials are right, then the user lands on the families list', async () => {
    const api = signedOutApi();
    const { user, router } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Sähköposti'), ' Sari.Koordinaattori@varkaus-demo.fi');
    await user.type(screen.getByLabelText('Salasana'), 'Yhdessa-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));

    expect(await screen.findByRole('link', { name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(api.loginBody()).toEqual({ email: 'sari.koordinaattori@varkaus-demo.fi', password: 'Yhdessa-demo-2026' });
    expect(screen.getByRole('banner')).toHaveTextContent('Sari Lehtonen');
  });

  it('when the credentials are wrong, then the form says so and stays', async () => {
    signedOutApi();
    server.use(http.post('/api/auth/login', () => problem(401, 'invalid_credentials')));
    const { user } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Sähköposti'), 'sari.koordinaattori@varkaus-demo.fi');
    await user.type(screen.getByLabelText('Salasana'), 'väärä');
    await user.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Sähköposti tai salasana on väärin');
    expect(screen.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
  });

  it('when the email is not an address, then the form explains before sending anything', async () => {
    const api = signedOutApi();
    const { user } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Sähköposti'), 'sari');
    await user.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));

    expect(await screen.findByText('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.')).toBeInTheDocument();
    expect(screen.getByText('Anna salasana.')).toBeInTheDocument();
    expect(api.loginBody()).toBeUndefined();
  });

  it('when the API runs in demo mode, then one click signs in as a demo person', async () => {
    const api = signedOutApi();
    server.use(
      http.get('/api/demo/accounts', () =>
        HttpResponse.json([
          {
            email: 'sari.koordinaattori@varkaus-demo.fi',
            password: 'Yhdessa-demo-2026',
            role: 'coordinator',
            name: 'Sari Lehtonen',
          },
        ]),
      ),
    );
    const { user } = renderApp('/sign-in');

    const demo = await screen.findByRole('region', { name: 'Demotunnukset' });
    await user.click(within(demo).getByRole('button', { name: 'Kirjaudu käyttäjänä Sari Lehtonen (koordinaattori)' }));

    expect(await screen.findByRole('link', { name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(api.loginBody()).toEqual({ email: 'sari.koordinaattori@varkaus-demo.fi', password: 'Yhdessa-demo-2026' });
  });

  it('when the language is switched, then the form speaks it and the page says so', async () => {
    signedOutApi();
    const { user } = renderApp('/sign-in');

    await user.click(await screen.findByRole('button', { name: /EN/ }));

    expect(await screen.findByLabelText('Email')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('yhdessa.language')).toBe('en');
  });
});
