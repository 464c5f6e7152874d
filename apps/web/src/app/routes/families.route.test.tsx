import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCoordinatorWorkspace, buildCurrentUser, buildFamilyList, buildFamilySummary, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

/** A family member: their families come from GET /api/families (professionals get the workspace). */
function signedIn() {
  server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ name: 'Anna Virtanen', role: 'family' }))));
}

/** A family member's list is not weighed by attention. */
const memberSummary = (overrides: Parameters<typeof buildFamilySummary>[0] = {}) =>
  buildFamilySummary({ attention: null, ...overrides });

function signedInAsCoordinator() {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
  );
}

describe('families route', () => {
  it('when the family member has families, then each shows its status, counts and a link to its plan', async () => {
    signedIn();
    server.use(
      http.get('/api/families', () =>
        HttpResponse.json(
          buildFamilyList(
            [
              memberSummary(),
              memberSummary({
                id: testId(101),
                name: 'Perhe Korhonen',
                status: 'new',
                overdueActionCount: 0,
                nextReviewOn: null,
                memberCount: 1,
              }),
            ],
            { sort: 'name' },
          ),
        ),
      ),
    );
    renderApp('/');

    const link = await screen.findByRole('link', { name: 'Perhe Virtanen' });
    expect(link).toHaveAttribute('href', `/families/${testId(100)}`);
    const virtanen = link.closest('article') as HTMLElement;
    expect(within(virtanen).getByText('Aktiivinen')).toBeInTheDocument();
    expect(within(virtanen).getByText('4 jäsentä · 6 palvelua · 5 avointa tehtävää')).toBeInTheDocument();
    expect(within(virtanen).getByText('2 myöhässä')).toBeInTheDocument();
    expect(within(virtanen).getByText('Seuraava arviointi 12.3.2026')).toBeInTheDocument();

    const korhonen = screen.getByRole('link', { name: 'Perhe Korhonen' }).closest('article') as HTMLElement;
    expect(within(korhonen).getByText('Uusi')).toBeInTheDocument();
    expect(within(korhonen).getByText(/^1 jäsen ·/)).toBeInTheDocument();
    expect(within(korhonen).queryByText(/myöhässä/)).not.toBeInTheDocument();
    expect(within(korhonen).getByText('Arviointipalaveria ei ole sovittu')).toBeInTheDocument();
  });

  it('when there are no families, then an empty state explains why', async () => {
    signedIn();
    server.use(http.get('/api/families', () => HttpResponse.json(buildFamilyList([], { sort: 'name' }))));
    renderApp('/');

    expect(await screen.findByText('Ei vielä perheitä')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Perhe / })).not.toBeInTheDocument();
  });

  it('when the list cannot be loaded, then an error offers to try again', async () => {
    signedIn();
    let failing = true;
    server.use(
      http.get('/api/families', () => {
        return failing
          ? problem(403, 'forbidden')
          : HttpResponse.json(buildFamilyList([memberSummary(), memberSummary({ id: testId(101), name: 'Perhe Korhonen' })]));
      }),
    );
    const { user } = renderApp('/');

    expect(await screen.findByRole('alert')).toHaveTextContent('Perheitä ei voitu ladata.');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByRole('link', { name: 'Perhe Virtanen' })).toBeInTheDocument();
  });

  it('when the user signs out, then the session ends and the sign-in form returns', async () => {
    signedInAsCoordinator();
    let loggedOut = false;
    server.use(
      http.get('/api/demo/accounts', () => problem(404, 'not_found')),
      http.post('/api/auth/logout', () => {
        loggedOut = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Käyttäjävalikko: Sari Lehtonen (koordinaattori)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Kirjaudu ulos' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(loggedOut).toBe(true);
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('when the user signs out on all devices, then every session ends and the sign-in page says so', async () => {
    signedInAsCoordinator();
    let everywhere = false;
    server.use(
      http.get('/api/demo/accounts', () => problem(404, 'not_found')),
      http.post('/api/auth/logout-everywhere', () => {
        everywhere = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Käyttäjävalikko: Sari Lehtonen (koordinaattori)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Kirjaudu ulos kaikilta laitteilta' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Olet nyt kirjautunut ulos kaikilta laitteilta.');
    expect(everywhere).toBe(true);
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
