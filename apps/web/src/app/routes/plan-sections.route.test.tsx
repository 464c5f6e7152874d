import { configure, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCoordinatorWorkspace, buildCurrentUser, buildPlan, familyId, buildFamilyList } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine its first render takes seconds.
configure({ asyncUtilTimeout: 10_000 });

const planPath = `/families/${familyId}`;

function coordinatorApi() {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    ...planPartHandlers(),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan())),
  );
}

const menu = () => screen.findByRole('tablist', { name: 'Suunnitelman osat' });
const activePanels = () =>
  screen
    .getAllByRole('tabpanel')
    .filter((panel) => panel.hasAttribute('data-active'))
    .map((panel) => panel.id);

describe('the plan in sections', () => {
  it('when a coordinator opens the plan, then the overview is first and the other sections are in the menu; the family home is not', async () => {
    coordinatorApi();
    const { user } = renderApp(planPath);

    const tabs = within(await menu()).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Yleiskuva',
      'Palvelut ja tehtävät',
      'Tarina ja arvio',
      'Palaverit',
      'Kirjaukset',
      'Muutokset',
    ]);
    expect(screen.getByRole('tab', { name: 'Yleiskuva' })).toHaveAttribute('aria-selected', 'true');
    expect(activePanels()).toEqual(['plan-sections-panel-overview']);
    const overview = screen.getByRole('tabpanel', { name: 'Yleiskuva' });
    expect(within(overview).getByRole('region', { name: 'Tavoitteet' })).toBeInTheDocument();
    expect(within(overview).getByRole('region', { name: 'Perheenjäsenet' })).toBeInTheDocument();
    // The family's own tasks come before the services' cards (a section is drawn when first shown).
    await user.click(screen.getByRole('tab', { name: 'Palvelut ja tehtävät' }));
    const services = screen.getByRole('tabpanel', { name: 'Palvelut ja tehtävät' });
    expect((await within(services).findAllByRole('heading', { level: 2 })).map((heading) => heading.textContent)).toEqual([
      'Perheen omat tehtävät',
      'Palvelut ja niiden tehtävät',
    ]);
    expect(screen.queryByRole('tab', { name: 'Mitä seuraavaksi' })).not.toBeInTheDocument();
  });

  it('when a section is chosen, by click or by arrow key, then it shows alone and the address keeps it through back and forward', async () => {
    coordinatorApi();
    const { user, router } = renderApp(planPath);

    await user.click(within(await menu()).getByRole('tab', { name: 'Palvelut ja tehtävät' }));
    expect(router.state.location.search).toBe('?section=services');
    expect(activePanels()).toEqual(['plan-sections-panel-services']);

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Tarina ja arvio' })).toHaveFocus();
    expect(router.state.location.search).toBe('?section=story');
    expect(activePanels()).toEqual(['plan-sections-panel-story']);

    await router.navigate(-1);
    expect(await screen.findByRole('tab', { name: 'Palvelut ja tehtävät', selected: true })).toBeInTheDocument();
    expect(activePanels()).toEqual(['plan-sections-panel-services']);
  });

  it('when a section is first shown, then its part of the plan is read and drawn, and it stays drawn after another is chosen', async () => {
    coordinatorApi();
    let notesReads = 0;
    server.use(
      http.get(`/api/families/${familyId}/notes`, () => {
        notesReads += 1;
        return HttpResponse.json({ notes: [], nextBefore: null });
      }),
    );
    const { user } = renderApp(planPath);
    await menu();
    const notesPanel = screen.getByRole('tabpanel', { name: 'Kirjaukset' });
    expect(notesPanel).toBeEmptyDOMElement();
    expect(notesReads).toBe(0);

    await user.click(screen.getByRole('tab', { name: 'Kirjaukset' }));
    expect(await within(notesPanel).findByRole('region', { name: 'Kirjaukset' })).toBeInTheDocument();
    await waitFor(() => expect(notesReads).toBe(1));

    await user.click(screen.getByRole('tab', { name: 'Yleiskuva' }));
    expect(within(notesPanel).getByRole('region', { name: 'Kirjaukset' })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'Tarina ja arvio' })).toBeEmptyDOMElement();
  });

  it('when the address names a section, then the plan opens at it', async () => {
    coordinatorApi();
    renderApp(`${planPath}?section=notes`);
    expect(await screen.findByRole('tab', { name: 'Kirjaukset', selected: true })).toBeInTheDocument();
    expect(activePanels()).toEqual(['plan-sections-panel-notes']);
  });

  it('when the address names a section the reader does not have, then the first one opens', async () => {
    coordinatorApi();
    renderApp(`${planPath}?section=home`);
    expect(await screen.findByRole('tab', { name: 'Yleiskuva', selected: true })).toBeInTheDocument();
  });

  it('when a family member opens the plan, then their sections start from the home and include the goals and the family', async () => {
    coordinatorApi();
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ name: 'Anna Virtanen', role: 'family' }))),
      http.get('/api/families', () => HttpResponse.json(buildFamilyList([]))),
      http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan({}, 'family'))),
    );
    renderApp(planPath);

    const tabs = within(await menu()).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Mitä seuraavaksi',
      'Tavoitteet',
      'Palvelut ja tehtävät',
      'Tarina ja arvio',
      'Tapaamiset',
      'Kirjaukset',
      'Perhe',
      'Muutokset',
    ]);
    expect(activePanels()).toEqual(['plan-sections-panel-home']);
  });

  it('when a coordinator opens an unknown family, then the page has its heading', async () => {
    coordinatorApi();
    server.use(http.get(`/api/families/${familyId}/plan`, () => problem(404, 'not_found')));
    renderApp(planPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Yhteinen suunnitelma' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Perhettä ei löydy');
  });
});
