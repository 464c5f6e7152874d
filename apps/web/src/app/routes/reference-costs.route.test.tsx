import { screen, waitFor, within } from '@testing-library/react';
import type { ReferenceCostList } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, testId } from '../../test/fixtures';
import { server } from '../../test/msw-server';

const manager = buildCurrentUser({ id: testId(6), name: 'Leena Johtaja', role: 'manager' });
const list: ReferenceCostList = {
  referenceCosts: [
    {
      kind: 'placement-outside-home',
      yearlyCostCents: 13_000_000,
      validFrom: '2000-01-01',
      periods: [{ validFrom: '2000-01-01', yearlyCostCents: 13_000_000 }],
    },
  ],
};

describe('reference costs route', () => {
  it('when a manager sets a new yearly cost from a date, then it is sent in cents and the history shows it', async () => {
    const sent: unknown[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(manager)),
      http.get('/api/reference-costs', () => HttpResponse.json(list)),
      http.post('/api/reference-costs/placement-outside-home/periods', async ({ request }) => {
        sent.push(await request.json());
        const [placement] = list.referenceCosts;
        return HttpResponse.json(
          {
            referenceCosts: [
              { ...placement, periods: [...placement!.periods, { validFrom: '2099-01-01', yearlyCostCents: 13_550_000 }] },
            ],
          },
          { status: 201 },
        );
      }),
    );
    const { user } = renderApp('/reference-costs');
    const form = await screen.findByRole('form', { name: 'Uusi vuosikustannus: Sijoitus kodin ulkopuolelle' });
    await user.type(within(form).getByRole('textbox', { name: /Uusi vuosikustannus/ }), '135500');
    await user.type(within(form).getByLabelText(/Voimassa alkaen/), '2099-01-01');
    await user.click(within(form).getByRole('button', { name: 'Tallenna' }));

    await waitFor(() => expect(sent).toEqual([{ yearlyCostCents: 13_550_000, validFrom: '2099-01-01' }]));
    const history = screen.getByRole('table', { name: 'Sijoitus kodin ulkopuolelle: voimassaolot' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(3));
  });

  it('when a coordinator opens it, then there is no such page', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())));
    renderApp('/reference-costs');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
  });
});
