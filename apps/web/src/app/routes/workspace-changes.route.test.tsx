import { screen, within } from '@testing-library/react';
import type { CoordinatorWorkspace } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildActivityEntry, buildCoordinatorWorkspace, buildCurrentUser, familyId, testId } from '../../test/fixtures';
import { server } from '../../test/msw-server';

const virtanen = { id: familyId, name: 'Perhe Virtanen' };
const korhonen = { id: testId(102), name: 'Perhe Korhonen' };

/** The newest five of many changes: Mikko's action done first, then four more in two families. */
function manyChanges(families: CoordinatorWorkspace['recentChanges']['families']): CoordinatorWorkspace['recentChanges'] {
  const latest = [
    { ...buildActivityEntry({ seq: 90 }), family: virtanen },
    ...[1, 2, 3, 4].map((index) => ({
      ...buildActivityEntry({
        seq: 90 - index,
        type: 'note.created',
        status: null,
        item: { id: testId(700 + index), title: `Kirjaus ${index}`, service: null, day: null },
      }),
      family: index % 2 ? korhonen : virtanen,
    })),
  ];
  return { count: 42, families, latest };
}

function workspaceWith(recentChanges: CoordinatorWorkspace['recentChanges']) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace({ recentChanges }))),
  );
}

const changesCard = () => screen.findByRole('region', { name: 'Muutokset viimeisen vuorokauden aikana' });

describe('workspace: changes in the last 24 hours', () => {
  it('when many things changed, then the card shows the count and the newest five, each worded and linked to its family’s activity', async () => {
    workspaceWith(
      manyChanges([
        { family: virtanen, count: 30 },
        { family: korhonen, count: 12 },
      ]),
    );
    renderApp('/');

    const card = await changesCard();
    expect(within(card).getByText('42')).toBeInTheDocument();
    const done = within(card).getByRole('link', {
      name: 'Mikko Salo merkitsi tehtävän ”Kotikäynti kahden viikon välein” tehdyksi',
    });
    expect(done).toHaveAttribute('href', `/families/${familyId}?section=activity`);
    expect(within(card).getByRole('link', { name: 'Mikko Salo kirjoitti kirjauksen ”Kirjaus 1”' })).toHaveAttribute(
      'href',
      `/families/${korhonen.id}?section=activity`,
    );
    expect(within(card).getAllByRole('link')).toHaveLength(5);
  });

  it('when the changes are in several families, then "show all" lists each family with its count, linked to its activity', async () => {
    workspaceWith(
      manyChanges([
        { family: virtanen, count: 30 },
        { family: korhonen, count: 12 },
      ]),
    );
    const { user } = renderApp('/');

    const card = await changesCard();
    const showAll = within(card).getByRole('button', { name: 'Näytä kaikki (42)' });
    expect(showAll).toHaveAttribute('aria-expanded', 'false');
    await user.click(showAll);

    expect(within(card).getByRole('button', { name: 'Piilota perheittäin' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getByRole('link', { name: 'Perhe Virtanen: 30 muutosta' })).toHaveAttribute(
      'href',
      `/families/${familyId}?section=activity`,
    );
    expect(within(card).getByRole('link', { name: 'Perhe Korhonen: 12 muutosta' })).toHaveAttribute(
      'href',
      `/families/${korhonen.id}?section=activity`,
    );
  });

  it('when the changes are all in one family, then "show all" goes straight to its activity', async () => {
    workspaceWith(manyChanges([{ family: virtanen, count: 42 }]));
    renderApp('/');

    const card = await changesCard();
    expect(within(card).getByRole('link', { name: 'Näytä kaikki (42)' })).toHaveAttribute(
      'href',
      `/families/${familyId}?section=activity`,
    );
    expect(within(card).queryByRole('button', { name: /Näytä kaikki/ })).not.toBeInTheDocument();
  });

  it('when the lines shown are every change there is, then there is nothing more to show', async () => {
    const { latest } = manyChanges([]);
    workspaceWith({
      count: 5,
      families: [
        { family: virtanen, count: 3 },
        { family: korhonen, count: 2 },
      ],
      latest,
    });
    renderApp('/');

    const card = await changesCard();
    expect(within(card).getAllByRole('link')).toHaveLength(5);
    expect(within(card).queryByRole('button', { name: /Näytä kaikki/ })).not.toBeInTheDocument();
  });
});
