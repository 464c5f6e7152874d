import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import {
  buildCoordinatorWorkspace,
  buildCurrentUser,
  buildFamilyList,
  buildFamilySummary,
  buildPlan,
  buildServiceInvitation,
  buildWorkerWorkspace,
  familyId,
  testId,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const worker = buildCurrentUser({ id: testId(7), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(400)] });

describe('workspace route (coordinator)', () => {
  beforeEach(() => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())));
  });

  it('when the coordinator opens the workspace, then what needs them comes first and each family is one click away', async () => {
    server.use(
      http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
      http.get('/api/families', () => HttpResponse.json(buildFamilyList([buildFamilySummary()]))),
    );
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    const overdue = await screen.findByRole('region', { name: 'Myöhässä olevat tehtävät' });
    expect(within(overdue).getByRole('link', { name: 'Varaa aika neuvolaan' })).toHaveAttribute('href', `/families/${familyId}`);
    expect(within(overdue).getByText('Perhe Virtanen · Perhetyö · määräpäivä 5.1.2026')).toBeInTheDocument();
    const invitations = screen.getByRole('region', { name: 'Vastaamattomat palvelukutsut' });
    expect(within(invitations).getByText('Kasvatus- ja perheneuvola')).toBeInTheDocument();
    expect(within(invitations).getByText('Perhe Virtanen · odottaa vastausta 6.1.2026 alkaen')).toBeInTheDocument();
    expect(within(invitations).getByText('muistutettu 8.1.2026 klo 10.10')).toBeInTheDocument();
    const reviews = screen.getByRole('region', { name: 'Tulevat arviointipalaverit' });
    expect(within(reviews).getByRole('link', { name: 'Palaveri 14.1.2026' })).toBeInTheDocument();
    const changes = screen.getByRole('region', { name: 'Muutokset viimeisen vuorokauden aikana' });
    expect(within(changes).getByRole('link', { name: 'Anna Virtanen lisäsi tavoitteen ”Aamut sujuvat”' })).toHaveAttribute(
      'href',
      `/families/${familyId}?section=activity`,
    );
    expect(within(changes).getByText('10.1.2026 klo 09.30')).toBeInTheDocument();

    // The family's own card holds the one link named after the family.
    const mine = screen.getByRole('region', { name: 'Omat perheet' });
    expect(await within(mine).findByRole('link', { name: 'Perhe Virtanen' })).toHaveAttribute('href', `/families/${familyId}`);
    expect(screen.getAllByRole('link', { name: /Perhe Virtanen/ })).toHaveLength(1);
  });

  it('when an invitation has not been reminded yet, or its reminder reached no one, then the workspace says so', async () => {
    const waiting = buildCoordinatorWorkspace().unansweredInvitations[0]!;
    server.use(
      http.get('/api/workspace', () =>
        HttpResponse.json(
          buildCoordinatorWorkspace({
            unansweredInvitations: [
              { ...waiting, reminder: null },
              {
                ...waiting,
                serviceRoleId: testId(202),
                service: { id: testId(402), name: { fi: 'Varhaiskasvatus' } },
                reminder: { sentAt: '2026-01-08T08:10:00.000Z', recipients: 0 },
              },
            ],
          }),
        ),
      ),
    );
    renderApp('/');

    const invitations = await screen.findByRole('region', { name: 'Vastaamattomat palvelukutsut' });
    const [notYet, unreached] = within(invitations).getAllByRole('listitem');
    expect(notYet).toHaveTextContent('muistutus lähtee 8.1.2026 klo 10.00');
    expect(unreached).toHaveTextContent(
      'Varhaiskasvatus' +
        'Perhe Virtanen · odottaa vastausta 6.1.2026 alkaen' +
        'Muistutus 8.1.2026 klo 10.10 ei tavoittanut ketään: palvelulla ei ole työntekijöitä eikä sähköpostiosoitetta. Ota yhteyttä puhelimitse.',
    );
  });

  it('when nothing needs the coordinator, then each section says so calmly', async () => {
    server.use(
      http.get('/api/workspace', () =>
        HttpResponse.json(
          buildCoordinatorWorkspace({
            overdueActions: { actions: [], nextCursor: null, count: 0 },
            unansweredInvitations: [],
            upcomingReviews: [],
            recentChanges: { count: 0, families: [], latest: [] },
          }),
        ),
      ),
    );
    renderApp('/');

    expect(await screen.findByText('Ei myöhässä olevia tehtäviä.')).toBeInTheDocument();
    expect(screen.getByText('Kaikkiin kutsuihin on vastattu.')).toBeInTheDocument();
    expect(screen.getByText('Ei muutoksia.')).toBeInTheDocument();
  });

  it('when the coordinator searches and filters, then the family list is asked with q and status, and the agenda is not asked again', async () => {
    const asked: string[] = [];
    let workspaceReads = 0;
    server.use(
      http.get('/api/workspace', () => {
        workspaceReads += 1;
        return HttpResponse.json(buildCoordinatorWorkspace());
      }),
      http.get('/api/families', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url.search);
        const filtered = url.searchParams.has('q') || url.searchParams.has('status');
        return HttpResponse.json(
          buildFamilyList(
            filtered
              ? []
              : [buildFamilySummary(), buildFamilySummary({ id: testId(101), name: 'Perhe Korhonen', attention: null })],
          ),
        );
      }),
    );
    const { user, router } = renderApp('/');

    expect(await screen.findByText('2 perhettä')).toBeInTheDocument();
    expect(screen.getByText('1 vaatii huomiota')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Hae nimellä' }), 'kor');
    expect(await screen.findByText('Ei hakua vastaavia perheitä')).toBeInTheDocument();
    expect(asked).toContain('?q=kor&sort=attention');
    expect(router.state.location.search).toBe('?q=kor');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tila' }), 'Päättynyt');
    await waitFor(() => expect(asked).toContain('?q=kor&status=closed&sort=attention'));
    expect(workspaceReads).toBe(1);
  });

  it('when the workspace cannot be loaded, then an error offers to try again', async () => {
    let calls = 0;
    server.use(
      http.get('/api/workspace', () => {
        calls += 1;
        return calls === 1 ? problem(403, 'forbidden') : HttpResponse.json(buildCoordinatorWorkspace());
      }),
    );
    const { user } = renderApp('/');

    expect(await screen.findByRole('alert')).toHaveTextContent('Työtilaa ei voitu ladata.');
    await user.click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByRole('region', { name: 'Omat perheet' })).toBeInTheDocument();
  });

  it('when a new family may be a duplicate, then the warning is shown and "Luo silti" creates it and opens its plan', async () => {
    const bodies: unknown[] = [];
    const newId = testId(150);
    server.use(
      http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
      http.get(`/api/families/${newId}/plan`, () =>
        HttpResponse.json(buildPlan({ family: { ...buildPlan().family, id: newId, name: 'Perhe Laine' } })),
      ),
      ...planPartHandlers(newId),
      http.post('/api/families', async ({ request }) => {
        const body = (await request.json()) as { confirmDuplicate: boolean };
        bodies.push(body);
        if (!body.confirmDuplicate) return problem(409, 'possible_duplicate', { duplicates: { count: 1, familyIds: [] } });
        return HttpResponse.json(
          {
            id: newId,
            name: 'Perhe Laine',
            status: 'new',
            coordinator: { id: testId(1), name: 'Sari Lehtonen' },
            pendingHandover: null,
            members: [],
            version: 1,
            updatedAt: '2026-01-10T08:00:00.000Z',
          },
          { status: 201 },
        );
      }),
    );
    const { user, router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Uusi perhe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Uusi perhe' });
    await user.click(within(dialog).getByRole('button', { name: 'Luo perhe' }));
    expect(within(dialog).getByText('Kirjoita perheen nimi.')).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: /Perheen nimi/ }), 'Perhe Laine');
    await user.type(within(dialog).getByRole('textbox', { name: 'Nimi' }), 'Liisa Laine');
    await user.type(within(dialog).getByRole('textbox', { name: 'Syntymävuosi' }), '1988');
    await user.click(within(dialog).getByRole('button', { name: 'Lisää jäsen' }));
    const second = within(dialog).getByRole('group', { name: 'Jäsen 2' });
    await user.type(within(second).getByRole('textbox', { name: 'Nimi' }), 'Eetu Laine');
    await user.type(within(second).getByRole('textbox', { name: 'Syntymävuosi' }), '2015');
    await user.click(within(dialog).getByRole('button', { name: 'Luo perhe' }));

    const warning = await within(dialog).findByRole('alert');
    expect(warning).toHaveTextContent('Perhe voi olla jo olemassa');
    expect(warning).toHaveTextContent('jo yhdessä toisessa perheessä');
    await user.click(within(warning).getByRole('button', { name: 'Luo silti' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/families/${newId}`));
    expect(bodies).toEqual([
      {
        name: 'Perhe Laine',
        members: [
          { name: 'Liisa Laine', relation: 'guardian', birthYear: 1988 },
          { name: 'Eetu Laine', relation: 'child', birthYear: 2015 },
        ],
        confirmDuplicate: false,
      },
      expect.objectContaining({ name: 'Perhe Laine', confirmDuplicate: true }),
    ]);
  });
});

describe('workspace route (worker)', () => {
  beforeEach(() => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(worker)),
      http.get('/api/workspace', () => HttpResponse.json(buildWorkerWorkspace())),
    );
  });

  it("when a worker opens the workspace, then their services' due actions and families are shown", async () => {
    server.use(
      http.get('/api/service-roles/invitations', () => HttpResponse.json({ invitations: [] })),
      http.get('/api/families', () =>
        HttpResponse.json(
          buildFamilyList([
            buildFamilySummary({ attention: { ...buildFamilySummary().attention!, reason: null, overdueActionCount: 0 } }),
          ]),
        ),
      ),
    );
    renderApp('/');

    const due = await screen.findByRole('region', { name: 'Tulossa ja myöhässä' });
    expect(within(due).getByRole('link', { name: 'Kotikäynti' })).toBeInTheDocument();
    expect(within(due).getByText('Myöhässä')).toBeInTheDocument();
    expect(screen.getByText('Ei avoimia kutsuja.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Perheet' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Uusi perhe' })).not.toBeInTheDocument();
    const mine = screen.getByRole('region', { name: 'Omat perheet' });
    const card = (await within(mine).findByRole('link', { name: 'Perhe Virtanen' })).closest('article') as HTMLElement;
    // Another service's overdue task is not the worker's to see to: the card does not ask for their attention.
    expect(within(card).queryByRole('list', { name: 'Vaatii huomiota' })).not.toBeInTheDocument();
  });

  it('when a worker accepts an invitation, then they are named responsible and the invitation leaves the list', async () => {
    let answered = false;
    let accepted: unknown;
    const invitation = buildServiceInvitation();
    server.use(
      http.get('/api/service-roles/invitations', () => HttpResponse.json({ invitations: answered ? [] : [invitation] })),
      http.post(`/api/families/${invitation.familyId}/service-roles/${invitation.serviceRoleId}/accept`, async ({ request }) => {
        accepted = await request.json();
        answered = true;
        return HttpResponse.json({
          id: invitation.serviceRoleId,
          serviceId: testId(400),
          status: 'accepted',
          description: '',
          responsibleWorker: { id: worker.id, name: worker.name },
          startsOn: null,
          endsOn: null,
          version: 4,
        });
      }),
    );
    const { user } = renderApp('/');

    const card = await screen.findByRole('article', { name: 'Perhe Nieminen: Perhetyö' });
    expect(within(card).getByText(/Kutsuja: Sari Lehtonen/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Hyväksy' }));
    expect(within(card).getByText('Vastuutyöntekijäksi nimetään Mikko Salo (sinä).')).toBeInTheDocument();
    await user.type(within(card).getByRole('textbox', { name: /Mitä palvelu tekee/ }), 'Kotikäynnit');
    await user.click(within(card).getByRole('button', { name: 'Hyväksy kutsu' }));

    expect(await screen.findByText('Ei avoimia kutsuja.')).toBeInTheDocument();
    expect(accepted).toEqual({ responsibleAccountId: worker.id, description: 'Kotikäynnit', version: 3 });
  });

  it('when a worker declines, then a reason is required and sent', async () => {
    let declined: unknown;
    const invitation = buildServiceInvitation();
    server.use(
      http.get('/api/service-roles/invitations', () => HttpResponse.json({ invitations: [invitation] })),
      http.post(`/api/families/${invitation.familyId}/service-roles/${invitation.serviceRoleId}/decline`, async ({ request }) => {
        declined = await request.json();
        return problem(409, 'invitation_answered');
      }),
    );
    const { user } = renderApp('/');

    const card = await screen.findByRole('article', { name: 'Perhe Nieminen: Perhetyö' });
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy' }));
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy kutsusta' }));
    expect(within(card).getByText('Kirjoita syy.')).toBeInTheDocument();
    await user.type(within(card).getByRole('textbox', { name: /Syy kieltäytymiseen/ }), 'Ei resursseja');
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy kutsusta' }));

    expect(await within(card).findByRole('alert')).toHaveTextContent('Kutsuun on jo vastattu.');
    expect(declined).toEqual({ reason: 'Ei resursseja', version: 3 });
  });

  it('when the coordinator wrote a message, then the worker reads it where they answer; a blank or overlong reason is not sent', async () => {
    let declined: unknown;
    const invitation = buildServiceInvitation({ message: 'Oonan koulunkäynti takkuaa.\nVoisitteko aloittaa pian?' });
    server.use(
      http.get('/api/service-roles/invitations', () => HttpResponse.json({ invitations: [invitation] })),
      http.post(`/api/families/${invitation.familyId}/service-roles/${invitation.serviceRoleId}/decline`, async ({ request }) => {
        declined = await request.json();
        return HttpResponse.json({
          id: invitation.serviceRoleId,
          serviceId: testId(400),
          status: 'declined',
          description: '',
          responsibleWorker: null,
          startsOn: null,
          endsOn: null,
          version: 4,
        });
      }),
    );
    const { user } = renderApp('/');

    const card = await screen.findByRole('article', { name: 'Perhe Nieminen: Perhetyö' });
    expect(within(card).getByText('Koordinaattorin viesti')).toBeInTheDocument();
    expect(within(card).getByText(/Oonan koulunkäynti takkuaa\.\s+Voisitteko aloittaa pian\?/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy' }));
    const reason = within(card).getByRole('textbox', { name: /Syy kieltäytymiseen/ });
    await user.type(reason, '   ');
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy kutsusta' }));
    expect(within(card).getByText('Kirjoita syy.')).toBeInTheDocument();

    await user.clear(reason);
    await user.click(reason);
    await user.paste('x'.repeat(2001));
    expect(within(card).getByText('2001/2000 merkkiä – 1 liikaa')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy kutsusta' }));
    expect(within(card).getByText(/Teksti on liian pitkä/)).toBeInTheDocument();
    expect(declined).toBeUndefined();

    await user.clear(reason);
    await user.type(reason, 'Jonoa on kaksi kuukautta.');
    await user.click(within(card).getByRole('button', { name: 'Kieltäydy kutsusta' }));
    await waitFor(() => expect(declined).toEqual({ reason: 'Jonoa on kaksi kuukautta.', version: 3 }));
  });
});
