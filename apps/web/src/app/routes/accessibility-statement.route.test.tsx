import { screen, waitFor, within } from '@testing-library/react';
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

function signedInAsCoordinator() {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
  );
}

describe('accessibility statement route', () => {
  it.each([
    [
      'FI suomi',
      'Saavutettavuusseloste',
      'Tunnetut puutteet',
      'Valvontaviranomainen',
      'Palvelun tiedot',
      'saavutettavuusvaatimukset.fi',
    ],
    ['SV svenska', 'Tillgänglighetsutlåtande', 'Kända brister', 'Tillsynsmyndighet', 'Om tjänsten', 'tillganglighetskrav.fi'],
    [
      'EN English',
      'Accessibility statement',
      'Known shortcomings',
      'Supervisory authority',
      'About the service',
      'webaccessibility.fi',
    ],
  ])(
    'when a signed-out reader opens it in %s, then every section of the model statement is there with no raw keys',
    async (language, title, issues, authority, footer, supervisorSite) => {
      signedOut();
      const { user, router } = renderApp('/accessibility');
      await screen.findByRole('heading', { level: 1, name: 'Saavutettavuusseloste' });
      await user.click(screen.getByRole('button', { name: language }));

      const main = await screen.findByRole('main');
      expect(await within(main).findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
      expect(within(main).getAllByRole('heading', { level: 2 })).toHaveLength(6);
      expect(within(main).getByRole('heading', { level: 2, name: issues })).toBeInTheDocument();
      expect(within(main).getByRole('heading', { level: 2, name: authority })).toBeInTheDocument();
      expect(within(main).getAllByRole('listitem')).toHaveLength(4);
      expect(within(main).getByRole('link', { name: 'saavutettavuus@varkaus-demo.fi' })).toHaveAttribute(
        'href',
        'mailto:saavutettavuus@varkaus-demo.fi',
      );
      // The supervisor's site in the reader's language.
      expect(within(main).getByRole('link', { name: supervisorSite })).toHaveAttribute('href', `https://www.${supervisorSite}`);
      expect(main).toHaveTextContent('WCAG 2.1');
      expect(screen.getByRole('contentinfo', { name: footer })).toHaveTextContent(title);
      expect(document.body.textContent).not.toMatch(/\baccessibility\.|\{\{/);
      expect(document.title).toBe(`${title} – Yhdessä`);
      expect(router.state.location.pathname).toBe('/accessibility');
    },
  );

  it('when a signed-out reader is on the sign-in page, then its footer leads to the statement', async () => {
    signedOut();
    const { user, router } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' });

    await user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Saavutettavuusseloste' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/accessibility');
  });

  it('when a signed-in worker is in the app, then the footer under every screen links to the statement', async () => {
    signedInAsCoordinator();
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Perheet' });

    const link = within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Saavutettavuusseloste' });
    expect(link).toHaveAttribute('href', '/accessibility');
  });
});

describe('dialog close buttons', () => {
  it.each([
    ['FI suomi', 'Uusi perhe', 'Sulje'],
    ['EN English', 'New family', 'Close'],
  ])('when the new family dialog is open in %s, then its close button is named and closes it', async (language, open, close) => {
    signedInAsCoordinator();
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Perheet' });
    await user.click(screen.getByRole('button', { name: language }));

    await user.click(await screen.findByRole('button', { name: open }));
    const dialog = await screen.findByRole('dialog', { name: open });
    await user.click(within(dialog).getByRole('button', { name: close }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
