import { act, screen, waitFor, within } from '@testing-library/react';
import type { Assessment, AssessmentDomain } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { buildAssessment, buildCurrentUser, buildPlan, familyId, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const base = `/api/families/${familyId}`;
// The section under test is drawn when shown: the plan opens at it.
const planPath = `/families/${familyId}?section=story`;
const olli = { id: testId(9), name: 'Olli Räsänen' };

function withRating(assessment: Assessment, domain: AssessmentDomain, change: Partial<Assessment['ratings'][number]>) {
  return {
    ...assessment,
    ratings: assessment.ratings.map((rating) => (rating.domain === domain ? { ...rating, ...change } : rating)),
  };
}

/** The plan with its assessments as the server has them; tests change them to play another user. */
function assessmentApi({ user = buildCurrentUser(), plan = buildPlan(), assessments = [buildAssessment(3)] } = {}) {
  const state = { assessments, reads: 0 };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`${base}/plan`, () => HttpResponse.json(plan)),
    http.get(`${base}/assessments`, () => {
      state.reads += 1;
      return HttpResponse.json({ assessments: state.assessments });
    }),
    ...planPartHandlers(),
  );
  return state;
}

const section = () => findPlanRegion('Yhteinen arviointi');
const domainCard = async (name: string) => within(await section()).findByRole('article', { name });

describe('plan route, the joint assessment', () => {
  it('when the coordinator opens the plan, then every domain shows its rating with the scale explained, and one can be corrected', async () => {
    const api = assessmentApi({
      assessments: [withRating(buildAssessment(3), 'housing', { rating: 2, notes: 'Vuokra myöhässä.' })],
    });
    let sent: unknown;
    server.use(
      http.patch(`${base}/assessments/${testId(900)}/ratings/housing`, async ({ request }) => {
        sent = await request.json();
        const saved = withRating(buildAssessment(3), 'housing', { rating: 4, notes: 'Vuokrat maksettu.' });
        return HttpResponse.json({ ...saved, version: 2 });
      }),
    );
    const { user } = renderApp(planPath);

    const assessment = await section();
    expect(await within(assessment).findByText('Arvioitu 2.3.2026 · kirjasi Sari Lehtonen')).toBeInTheDocument();
    expect(within(assessment).getByRole('list', { name: 'Mitä numerot tarkoittavat' })).toHaveTextContent('1/5 – Iso huoli');
    expect(within(assessment).getAllByRole('article')).toHaveLength(9);
    const housing = await domainCard('Asuminen');
    expect(within(housing).getByText('2/5 – Huolta')).toBeInTheDocument();
    expect(within(housing).getByText('Vuokra myöhässä.')).toBeInTheDocument();
    expect(within(housing).getByText('Arvioi Sari Lehtonen 2.3.2026')).toBeInTheDocument();

    await user.click(within(housing).getByRole('button', { name: 'Muuta arviota' }));
    const form = await within(housing).findByRole('form', { name: 'Arvio: Asuminen' });
    await user.click(within(form).getByRole('radio', { name: '4/5 – Melko hyvin' }));
    const notes = within(form).getByRole('textbox', { name: /Huomiot/ });
    await user.clear(notes);
    await user.type(notes, 'Vuokrat maksettu.');
    await user.click(within(form).getByRole('button', { name: 'Tallenna arvio' }));

    expect(await within(housing).findByText('4/5 – Melko hyvin')).toBeInTheDocument();
    expect(within(housing).getByText('Vuokrat maksettu.')).toBeInTheDocument();
    expect(sent).toEqual({ rating: 4, notes: 'Vuokrat maksettu.', version: 1 });
    expect(api.reads).toBe(1);
  });

  it('when someone saved the assessment meanwhile, then the conflict shows the saved rating and mine can be reapplied', async () => {
    const api = assessmentApi();
    const sent: unknown[] = [];
    const theirs = {
      ...withRating(buildAssessment(3), 'safety', { rating: 2, notes: 'Riitoja iltaisin.', ratedBy: olli }),
      version: 2,
    };
    server.use(
      http.patch(`${base}/assessments/${testId(900)}/ratings/safety`, async ({ request }) => {
        const body = (await request.json()) as { version: number; rating: number };
        sent.push(body);
        if (body.version === 1) {
          api.assessments = [theirs];
          return problem(409, 'version_conflict', { current: theirs });
        }
        return HttpResponse.json({ ...withRating(theirs, 'safety', { rating: body.rating, notes: '' }), version: 3 });
      }),
    );
    const { user } = renderApp(planPath);

    const safety = await domainCard('Turvallisuus');
    await user.click(within(safety).getByRole('button', { name: 'Muuta arviota' }));
    await user.click(within(safety).getByRole('radio', { name: '5/5 – Hyvin' }));
    await user.click(within(safety).getByRole('button', { name: 'Tallenna arvio' }));

    const conflict = await within(safety).findByRole('alert');
    expect(conflict).toHaveTextContent('Arviota muutettiin samaan aikaan');
    expect(conflict).toHaveTextContent('2/5 – Huolta');
    expect(conflict).toHaveTextContent('Riitoja iltaisin.');
    expect(conflict).toHaveTextContent('Arvioi Olli Räsänen');
    // My choice is still on the form while I decide.
    expect(within(safety).getByRole('radio', { name: '5/5 – Hyvin' })).toBeChecked();
    await user.click(within(conflict).getByRole('button', { name: 'Tallenna silti oma arvioni' }));

    expect(await within(safety).findByText('5/5 – Hyvin')).toBeInTheDocument();
    expect(within(safety).queryByRole('alert')).not.toBeInTheDocument();
    expect(sent).toEqual([
      { rating: 5, notes: '', version: 1 },
      { rating: 5, notes: '', version: 2 },
    ]);
  });

  it('when a new assessment was made while a domain of the old one was being corrected, then it says so and offers no reapply', async () => {
    const api = assessmentApi();
    const newer = buildAssessment(4, { id: testId(903), assessedOn: '2026-03-20' });
    server.use(
      http.patch(`${base}/assessments/${testId(900)}/ratings/housing`, () => {
        api.assessments = [newer, ...api.assessments];
        return problem(409, 'version_conflict', { current: newer });
      }),
    );
    const { user } = renderApp(planPath);

    const housing = await domainCard('Asuminen');
    await user.click(within(housing).getByRole('button', { name: 'Muuta arviota' }));
    await user.click(within(housing).getByRole('button', { name: 'Tallenna arvio' }));

    const conflict = await within(housing).findByRole('alert');
    expect(conflict).toHaveTextContent('Sillä välin tehtiin uusi arviointi (20.3.2026).');
    expect(within(conflict).queryByRole('button', { name: 'Tallenna silti oma arvioni' })).not.toBeInTheDocument();
    await user.click(within(conflict).getByRole('button', { name: 'Hylkää oma muutokseni' }));
    expect(await within(await section()).findByText('Arvioitu 20.3.2026 · kirjasi Sari Lehtonen')).toBeInTheDocument();
    expect(within(await domainCard('Asuminen')).getByText('4/5 – Melko hyvin')).toBeInTheDocument();
  });

  it('when the coordinator compares with an earlier assessment, then each domain shows the earlier and the current rating and which way it moved', async () => {
    const earlier = buildAssessment(2, { id: testId(901), assessedOn: '2025-11-20' });
    const current = withRating(withRating(buildAssessment(2), 'housing', { rating: 4 }), 'safety', { rating: 1 });
    assessmentApi({ assessments: [current, earlier] });
    const { user } = renderApp(planPath);

    const assessment = await section();
    await user.click(await within(assessment).findByRole('button', { name: 'Vertaa aiempaan arviointiin' }));

    const table = within(assessment).getByRole('table', { name: 'Arviot 20.11.2025 ja 2.3.2026 osa-alueittain' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Asuminen')).toHaveTextContent('2/5 – Huolta4/5 – Melko hyvinParempi (+2)');
    expect(row('Turvallisuus')).toHaveTextContent('2/5 – Huolta1/5 – Iso huoliHuonompi (−1)');
    expect(row('Vanhemmuus')).toHaveTextContent('Ennallaan');
    // On a phone the same comparison is a list, one domain per item.
    const phoneList = within(assessment).getByRole('list', { name: 'Arviot 20.11.2025 ja 2.3.2026 osa-alueittain' });
    expect(within(phoneList).getAllByRole('listitem')[6]).toHaveTextContent(
      'Asuminen20.11.2025: 2/5 – Huolta2.3.2026: 4/5 – Melko hyvinParempi (+2)',
    );
  });

  it('when the coordinator starts a new assessment, then the rated domains are sent and a domain left for later is not', async () => {
    const api = assessmentApi();
    let created: unknown;
    server.use(
      http.post(`${base}/assessments`, async ({ request }) => {
        created = await request.json();
        const fresh = buildAssessment(4, { id: testId(902), assessedOn: '2026-04-01' });
        api.assessments = [fresh, ...api.assessments];
        return HttpResponse.json(fresh, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);

    const assessment = await section();
    await user.click(await within(assessment).findByRole('button', { name: 'Aloita uusi arviointi' }));
    const form = await within(assessment).findByRole('form', { name: 'Uusi yhteinen arviointi' });
    await user.click(within(form).getByRole('button', { name: 'Tallenna arviointi' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Arvioi vähintään yksi osa-alue.');

    const date = within(form).getByLabelText(/Arviointipäivä/);
    await user.clear(date);
    await user.type(date, '1.4.2026');
    const housing = within(form).getByRole('group', { name: 'Asuminen' });
    expect(within(housing).getByText('Viimeksi: 3/5 – Vähän huolta')).toBeInTheDocument();
    await user.click(within(housing).getByRole('radio', { name: '4/5 – Melko hyvin' }));
    await user.type(within(housing).getByRole('textbox', { name: 'Huomiot' }), 'Muutto.');
    await user.click(
      within(within(form).getByRole('group', { name: 'Turvallisuus' })).getByRole('radio', { name: '5/5 – Hyvin' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Tallenna arviointi' }));

    await waitFor(() =>
      expect(created).toEqual({
        assessedOn: '2026-04-01',
        ratings: [
          { domain: 'housing', rating: 4, notes: 'Muutto.' },
          { domain: 'safety', rating: 5, notes: '' },
        ],
      }),
    );
    expect(await within(assessment).findByText('Arvioitu 1.4.2026 · kirjasi Sari Lehtonen')).toBeInTheDocument();
  });

  it('when a family member opens the plan, then the assessment is explained in plain words and cannot be changed', async () => {
    assessmentApi({
      user: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }),
      plan: buildPlan({}, 'family'),
    });
    renderApp(planPath);

    const assessment = await section();
    expect(
      await within(assessment).findByText(/Tässä on yhdessä tehty arvio siitä, miten eri asiat perheessänne sujuvat nyt/),
    ).toBeInTheDocument();
    expect(within(await domainCard('Arki ja päivärytmi')).getByText('3/5 – Vähän huolta')).toBeInTheDocument();
    expect(within(assessment).queryByRole('button', { name: 'Muuta arviota' })).not.toBeInTheDocument();
    expect(within(assessment).queryByRole('button', { name: 'Aloita uusi arviointi' })).not.toBeInTheDocument();
  });

  it('when the family has not shared the assessment with the worker’s service, then the section says so, and no assessment is asked for', async () => {
    const api = assessmentApi({
      user: buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }),
      plan: buildPlan({ sharedParts: ['story', 'goals'] }, 'worker'),
    });
    renderApp(planPath);

    expect(await findPlanRegion('Perheen tarina')).toBeInTheDocument();
    expect(await findPlanRegion('Yhteinen arviointi')).toHaveTextContent('Perhe ei ole jakanut yhteistä arviota palvelullesi.');
    expect(screen.queryByText('Asuminen')).not.toBeInTheDocument();
    expect(api.reads).toBe(0);
  });

  it('when a worker with the consent opens the plan, then the assessment is read-only', async () => {
    assessmentApi({
      user: buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }),
      plan: buildPlan({}, 'worker'),
    });
    renderApp(planPath);

    expect(within(await domainCard('Asuminen')).getByText('3/5 – Vähän huolta')).toBeInTheDocument();
    expect(within(await section()).queryByRole('button', { name: 'Muuta arviota' })).not.toBeInTheDocument();
  });

  it('when the server hides the assessment, then the section says it is not shared', async () => {
    assessmentApi();
    server.use(http.get(`${base}/assessments`, () => problem(404, 'not_found')));
    renderApp(planPath);

    expect(await within(await section()).findByText('Perhe ei ole jakanut yhteistä arviota palvelullesi.')).toBeInTheDocument();
  });

  it('when another user changes the assessment, then the event makes it read again and the change shows', async () => {
    const api = assessmentApi();
    const { socket } = renderApp(planPath);
    expect(within(await domainCard('Vanhemmuus')).getByText('3/5 – Vähän huolta')).toBeInTheDocument();

    api.assessments = [{ ...withRating(buildAssessment(3), 'parenting', { rating: 5, ratedBy: olli }), version: 2 }];
    act(() => socket.receive({ type: 'assessment.updated', familyId, id: testId(900), version: 2, seq: 11 }));

    expect(await within(await domainCard('Vanhemmuus')).findByText('5/5 – Hyvin')).toBeInTheDocument();
    expect(within(await domainCard('Vanhemmuus')).getByText('Arvioi Olli Räsänen 2.3.2026')).toBeInTheDocument();
  });
});
