import { screen, waitFor, within } from '@testing-library/react';
import type { FamilyAttention, WorkspaceAction } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import {
  buildAction,
  buildCoordinatorWorkspace,
  buildCurrentUser,
  buildFamilyList,
  buildFamilySummary,
  buildWorkerWorkspace,
  testId,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';

const calm: FamilyAttention = {
  reason: null,
  overdueActionCount: 0,
  unansweredInvitationCount: 0,
  unansweredCommentCount: 0,
  reviewDueOn: null,
};
const family = (index: number, name: string, attention: Partial<FamilyAttention> = {}) =>
  buildFamilySummary({ id: testId(100 + index), name, attention: { ...calm, ...attention } });

const asked: URLSearchParams[] = [];

/** Two pages of the coordinator's families, by the cursor the first page gave. */
function twoPages() {
  asked.length = 0;
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    http.get('/api/families', ({ request }) => {
      const search = new URL(request.url).searchParams;
      asked.push(search);
      if (search.get('cursor') === 'c2')
        return HttpResponse.json(buildFamilyList([family(3, 'Perhe Östman')], { count: 3, attentionCount: 2 }));
      return HttpResponse.json(
        buildFamilyList(
          [
            family(1, 'Perhe Aho', { reason: 'overdue', overdueActionCount: 2, unansweredInvitationCount: 1 }),
            family(2, 'Perhe Berg', { reason: 'reviewDue', reviewDueOn: '2099-12-12' }),
          ],
          { nextCursor: 'c2', count: 3, attentionCount: 2, sort: (search.get('sort') as 'name') ?? 'attention' },
        ),
      );
    }),
  );
}

const myFamilies = () => screen.findByRole('region', { name: 'Omat perheet' });
const cardOf = async (name: string) =>
  (await within(await myFamilies()).findByRole('link', { name })).closest('article') as HTMLElement;

describe('the family list in the workspace, a page at a time', () => {
  it('when the coordinator opens the workspace, then the first page, how many need attention and why each does are shown; "Näytä lisää" reads the next page', async () => {
    twoPages();
    const { user } = renderApp('/');

    const mine = await myFamilies();
    expect(await within(mine).findByText('Näytetään 2 / 3')).toBeInTheDocument();
    expect(within(mine).getByText('2 vaatii huomiota')).toBeInTheDocument();
    const aho = within(await cardOf('Perhe Aho')).getByRole('list', { name: 'Vaatii huomiota' });
    expect(
      within(aho)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2 myöhässä olevaa tehtävää', '1 palvelukutsu odottaa vastausta']);
    expect(within(await cardOf('Perhe Berg')).getByText('Arviointi 12.12.2099')).toBeInTheDocument();

    await user.click(within(mine).getByRole('button', { name: 'Näytä lisää' }));
    expect(await within(mine).findByRole('link', { name: 'Perhe Östman' })).toBeInTheDocument();
    expect(within(mine).getByText('3 perhettä')).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: 'Näytä lisää' })).not.toBeInTheDocument();
    expect(within(mine).getAllByRole('article')).toHaveLength(3);
    expect(asked.map((search) => search.get('cursor'))).toEqual([null, 'c2']);
    // The card of a family that needs nothing says nothing of attention.
    expect(within(await cardOf('Perhe Östman')).queryByRole('list', { name: 'Vaatii huomiota' })).not.toBeInTheDocument();
  });

  it('when the coordinator chooses another order, then the list is read in it and the address keeps it', async () => {
    twoPages();
    const { user, router } = renderApp('/');

    const sort = within(await myFamilies()).getByRole('combobox', { name: 'Järjestys' });
    expect(sort).toHaveValue('attention');
    await user.selectOptions(sort, 'Nimen mukaan');
    await waitFor(() => expect(asked.at(-1)?.get('sort')).toBe('name'));
    expect(router.state.location.search).toBe('?sort=name');
    await user.selectOptions(sort, 'Huomiota vaativat ensin');
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('when the address names an order, then the list opens in it', async () => {
    twoPages();
    renderApp('/?sort=changed');

    expect(within(await myFamilies()).getByRole('combobox', { name: 'Järjestys' })).toHaveValue('changed');
    await waitFor(() => expect(asked[0]?.get('sort')).toBe('changed'));
  });

  it('when a review day has passed unrecorded, or the family waits for answers to comments, then the card says so', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
      http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
      http.get('/api/families', () =>
        HttpResponse.json(
          buildFamilyList([
            family(1, 'Perhe Aho', { reason: 'unanswered', unansweredCommentCount: 2, reviewDueOn: '2020-01-02' }),
          ]),
        ),
      ),
    );
    renderApp('/');

    const reasons = within(await cardOf('Perhe Aho')).getByRole('list', { name: 'Vaatii huomiota' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2 kommenttia odottaa vastausta', 'Arviointi 2.1.2020 kirjaamatta']);
  });

  it('when the next page cannot be read (the list changed under its cursor), then trying again reads the list from its start', async () => {
    let broken = true;
    twoPages();
    server.use(
      http.get('/api/families', ({ request }) => {
        const search = new URL(request.url).searchParams;
        asked.push(search);
        if (search.get('cursor') && broken)
          return problem(400, 'validation_failed', { errors: [{ path: 'query.cursor', message: 'x' }] });
        if (search.get('cursor')) return HttpResponse.json(buildFamilyList([family(3, 'Perhe Östman')], { count: 3 }));
        return HttpResponse.json(
          buildFamilyList([family(1, 'Perhe Aho'), family(2, 'Perhe Berg')], { nextCursor: 'c2', count: 3 }),
        );
      }),
    );
    const { user } = renderApp('/');

    const mine = await myFamilies();
    await user.click(await within(mine).findByRole('button', { name: 'Näytä lisää' }));
    expect(await within(mine).findByRole('alert')).toHaveTextContent('Lisää perheitä ei voitu ladata.');
    broken = false;
    await user.click(within(mine).getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await within(mine).findByRole('link', { name: 'Perhe Östman' })).toBeInTheDocument();
    expect(asked.filter((search) => !search.get('cursor')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the actions in the workspace, a page at a time', () => {
  const action = (index: number, title: string): WorkspaceAction => ({
    family: { id: testId(100), name: 'Perhe Virtanen' },
    action: buildAction({ id: testId(300 + index), title, dueOn: '2026-01-05', overdue: true }),
    service: null,
  });

  it('when the coordinator has more overdue actions than the workspace shows, then "Näytä lisää" reads the rest', async () => {
    const cursors: (string | null)[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
      http.get('/api/workspace', () =>
        HttpResponse.json(
          buildCoordinatorWorkspace({ overdueActions: { actions: [action(1, 'Ensimmäinen')], nextCursor: 'a2', count: 2 } }),
        ),
      ),
      http.get('/api/workspace/actions', ({ request }) => {
        cursors.push(new URL(request.url).searchParams.get('cursor'));
        return HttpResponse.json({ actions: [action(2, 'Toinen')], nextCursor: null, count: 2 });
      }),
    );
    const { user } = renderApp('/');

    const overdue = await screen.findByRole('region', { name: 'Myöhässä olevat tehtävät' });
    expect(within(overdue).getByText('2')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'Ensimmäinen' })).toBeInTheDocument();
    await user.click(within(overdue).getByRole('button', { name: 'Näytä lisää' }));
    expect(await within(overdue).findByRole('link', { name: 'Toinen' })).toBeInTheDocument();
    expect(within(overdue).queryByRole('button', { name: 'Näytä lisää' })).not.toBeInTheDocument();
    expect(cursors).toEqual(['a2']);
  });

  it("when a worker's due actions run to another page, then they read it the same way", async () => {
    server.use(
      http.get('/api/auth/me', () =>
        HttpResponse.json(buildCurrentUser({ id: testId(7), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(400)] })),
      ),
      http.get('/api/service-roles/invitations', () => HttpResponse.json({ invitations: [] })),
      http.get('/api/workspace', () =>
        HttpResponse.json(
          buildWorkerWorkspace({ dueActions: { actions: [action(1, 'Kotikäynti')], nextCursor: 'a2', count: 2 } }),
        ),
      ),
      http.get('/api/workspace/actions', () => HttpResponse.json({ actions: [action(2, 'Soitto')], nextCursor: null, count: 2 })),
    );
    const { user } = renderApp('/');

    const due = await screen.findByRole('region', { name: 'Tulossa ja myöhässä' });
    await user.click(within(due).getByRole('button', { name: 'Näytä lisää' }));
    expect(await within(due).findByRole('link', { name: 'Soitto' })).toBeInTheDocument();
  });
});
