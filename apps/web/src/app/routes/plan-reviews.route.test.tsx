import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildPlan, buildReview, familyId, testId, type PlanReader } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';
import { addDays, finnishToday, formatDate } from '../../lib/locale';

const base = `/api/families/${familyId}`;
// The section under test is drawn when shown: the plan opens at it.
const planPath = `/families/${familyId}?section=meetings`;

function planApi(user = buildCurrentUser(), reader: PlanReader = 'coordinator') {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    ...planPartHandlers(),
  );
}

const section = () => screen.findByRole('region', { name: 'Arviointipalaverit ja versiot' });

describe('plan reviews', () => {
  it('when the coordinator schedules a review, then the date and participants are sent and the review shows', async () => {
    planApi();
    const reviews: ReturnType<typeof buildReview>[] = [];
    let created: unknown;
    server.use(
      http.get(`${base}/reviews`, () => HttpResponse.json({ reviews })),
      http.post(`${base}/reviews`, async ({ request }) => {
        created = await request.json();
        const review = buildReview({ agenda: [], scheduledOn: (created as { scheduledOn: string }).scheduledOn });
        reviews.push(review);
        return HttpResponse.json(review, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const reviewsSection = await section();
    expect(await within(reviewsSection).findByText('Seuraavaa arviointipalaveria ei ole sovittu.')).toBeInTheDocument();
    expect(await within(reviewsSection).findByText('Versioita syntyy, kun arviointipalaveri päätetään.')).toBeInTheDocument();
    await user.click(within(reviewsSection).getByRole('button', { name: 'Sovi arviointipalaveri' }));
    await user.click(within(reviewsSection).getByRole('button', { name: 'Tallenna palaveri' }));
    expect(within(reviewsSection).getByText('Valitse päivä.')).toBeInTheDocument();
    const day = addDays(finnishToday(), 14);
    await user.type(within(reviewsSection).getByLabelText(/^Päivä/), formatDate(day, 'fi'));
    await user.type(within(reviewsSection).getByRole('textbox', { name: /Osallistujat/ }), 'Anna Virtanen, Mikko Salo');
    await user.click(within(reviewsSection).getByRole('button', { name: 'Tallenna palaveri' }));

    expect(
      await within(reviewsSection).findByRole('heading', { name: `Arviointipalaveri ${formatDate(day, 'fi')}` }),
    ).toBeInTheDocument();
    expect(created).toEqual({ scheduledOn: day, participants: ['Anna Virtanen', 'Mikko Salo'] });
  });

  it('when the family proposes a topic, then it goes on the agenda; the family cannot complete the review', async () => {
    planApi(buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }), 'family');
    let review = buildReview();
    let proposed: unknown;
    server.use(
      http.get(`${base}/reviews`, () => HttpResponse.json({ reviews: [review] })),
      http.post(`${base}/reviews/${review.id}/agenda`, async ({ request }) => {
        proposed = await request.json();
        review = {
          ...review,
          agenda: [
            ...review.agenda,
            {
              id: testId(902),
              title: 'Eetun koulumatkat',
              proposedBy: { id: testId(5), name: 'Anna Virtanen' },
              createdAt: '2026-01-10T10:00:00.000Z',
            },
          ],
        };
        return HttpResponse.json(review, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const card = await screen.findByRole('article', { name: 'Arviointipalaveri 10.2.2026' });
    expect(within(card).getByText('Aamujen sujuminen')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Päätä palaveri' })).not.toBeInTheDocument();
    await user.type(within(card).getByRole('textbox', { name: /Ehdota asiaa/ }), 'Eetun koulumatkat');
    await user.click(within(card).getByRole('button', { name: 'Lisää asialistalle' }));
    expect(await within(card).findByText('Eetun koulumatkat')).toBeInTheDocument();
    expect(proposed).toEqual({ title: 'Eetun koulumatkat' });
  });

  it('when the coordinator records decisions and completes the review, then a new plan version appears', async () => {
    planApi();
    let review = buildReview();
    let versions: { version: number; reviewId: string | null; frozenAt: string }[] = [
      { version: 1, reviewId: null, frozenAt: '2025-12-01T10:00:00.000Z' },
    ];
    const bodies: unknown[] = [];
    server.use(
      http.get(`${base}/reviews`, () => HttpResponse.json({ reviews: [review] })),
      http.get(`${base}/plan/versions`, () => HttpResponse.json({ versions })),
      http.patch(`${base}/reviews/${review.id}`, async ({ request }) => {
        const body = (await request.json()) as { decisions: string; minutes: string };
        bodies.push(body);
        review = { ...review, decisions: body.decisions, minutes: body.minutes, version: 2 };
        return HttpResponse.json(review);
      }),
      http.post(`${base}/reviews/${review.id}/complete`, async ({ request }) => {
        bodies.push(await request.json());
        review = { ...review, status: 'completed', completedAt: '2026-02-10T12:00:00.000Z', planVersion: 2, version: 3 };
        versions = [...versions, { version: 2, reviewId: review.id, frozenAt: '2026-02-10T12:00:00.000Z' }];
        return HttpResponse.json(review);
      }),
      http.get(`${base}/plan/versions/compare`, ({ request }) => {
        const url = new URL(request.url);
        expect(url.search).toBe('?from=1&to=2');
        return HttpResponse.json({
          from: 1,
          to: 2,
          goals: { added: [{ id: testId(800), title: 'Aamut sujuvat' }], removed: [], changed: [] },
          serviceRoles: { added: [], removed: [], changed: [] },
          actions: {
            added: [],
            removed: [],
            changed: [{ id: testId(300), title: 'Kotikäynti', fields: [{ field: 'status', before: 'planned', after: 'done' }] }],
          },
          story: null,
          assessment: null,
        });
      }),
    );
    const { user } = renderApp(planPath);
    const card = await screen.findByRole('article', { name: 'Arviointipalaveri 10.2.2026' });
    await user.type(within(card).getByRole('textbox', { name: 'Päätökset' }), 'Jatketaan perhetyötä.');
    expect(within(card).getByRole('button', { name: 'Päätä palaveri' })).toBeDisabled();
    await user.click(within(card).getByRole('button', { name: 'Tallenna muistiinpanot' }));
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Päätä palaveri' })).toBeEnabled());
    await user.click(within(card).getByRole('button', { name: 'Päätä palaveri' }));
    const dialog = await screen.findByRole('dialog', { name: 'Päätetäänkö palaveri?' });
    await user.click(within(dialog).getByRole('button', { name: 'Päätä ja tallenna versio' }));

    const reviewsSection = await section();
    expect(await within(reviewsSection).findByText('Palaveri 10.2.2026 – suunnitelman versio 2')).toBeInTheDocument();
    expect(await within(reviewsSection).findByText('Versio 2, 10.2.2026')).toBeInTheDocument();
    expect(bodies).toEqual([{ minutes: '', decisions: 'Jatketaan perhetyötä.', version: 1 }, { version: 2 }]);

    await user.click(within(reviewsSection).getByRole('button', { name: 'Vertaa' }));
    expect(await within(reviewsSection).findByText("Uusi tavoite 'Aamut sujuvat'")).toBeInTheDocument();
    expect(within(reviewsSection).getByText("Tehtävä 'Kotikäynti' – tila muuttui suunniteltu → tehty")).toBeInTheDocument();
  });

  it('when someone changed the review meanwhile, then the conflict is said and the latest is shown', async () => {
    planApi();
    const review = buildReview();
    server.use(
      http.get(`${base}/reviews`, () => HttpResponse.json({ reviews: [review] })),
      http.patch(`${base}/reviews/${review.id}`, () => problem(409, 'version_conflict')),
    );
    const { user } = renderApp(planPath);
    const card = await screen.findByRole('article', { name: 'Arviointipalaveri 10.2.2026' });
    await user.type(within(card).getByRole('textbox', { name: 'Muistiinpanot' }), 'x');
    await user.click(within(card).getByRole('button', { name: 'Tallenna muistiinpanot' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Joku muutti palaveria juuri.');
  });

  it('when the reviews cannot be loaded, then an error offers to try again', async () => {
    planApi();
    server.use(http.get(`${base}/reviews`, () => problem(403, 'forbidden')));
    renderApp(planPath);
    expect(await within(await section()).findByRole('alert')).toHaveTextContent('Palavereita ei voitu ladata.');
  });
});
