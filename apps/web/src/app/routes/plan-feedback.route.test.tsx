import { screen, waitFor, within } from '@testing-library/react';
import type { AnswerFeedback, FeedbackRequest } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildFeedbackRequest, buildPlan, familyId, testId, type PlanReader } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const base = `/api/families/${familyId}`;
const planPath = `/families/${familyId}`;
const anna = buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', email: 'anna.virtanen@example.fi', role: 'family' });

function planApi(reader: PlanReader, requests: () => FeedbackRequest[]) {
  const user = reader === 'family' ? anna : buildCurrentUser(reader === 'worker' ? { id: testId(3), role: 'worker' } : {});
  let reads = 0;
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    http.get(`${base}/feedback`, () => {
      reads += 1;
      return HttpResponse.json({ requests: requests() });
    }),
    ...planPartHandlers(),
  );
  return { reads: () => reads };
}

const answered = (
  answer: Partial<NonNullable<FeedbackRequest['answer']>> = {},
  can = { answer: false, changePermission: true },
) =>
  buildFeedbackRequest({
    answered: true,
    can,
    answer: {
      workedTogether: 8,
      noRetelling: null,
      wouldRecommend: 10,
      words: 'Yksi palaveri riitti.',
      coordinatorMaySee: false,
      answeredBy: { id: anna.id, name: 'Anna Virtanen' },
      answeredAt: '2026-02-11T09:00:00.000Z',
      version: 2,
      ...answer,
    },
  });

describe('the family tells how the work went', () => {
  it('when the family answers with one question skipped, then the form sends the scores, the words and no permission, after a confirmation, and thanks them', async () => {
    let request = buildFeedbackRequest({ can: { answer: true, changePermission: false } });
    planApi('family', () => [request]);
    let sent: unknown;
    server.use(
      http.post(`${base}/feedback/${request.id}/answer`, async ({ request: httpRequest }) => {
        sent = await httpRequest.json();
        const body = sent as AnswerFeedback;
        request = answered({ ...body, coordinatorMaySee: false });
        return HttpResponse.json(request, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const ask = await findPlanRegion('Kerro kokemuksesi');
    expect(within(ask).getByText(/Arviointipalaveri on pidetty/)).toBeInTheDocument();
    expect(within(ask).getByText('Kysytty 10.2.2026 arviointipalaverin jälkeen')).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Vastaa kysymyksiin' }));

    const together = await within(ask).findByRole('group', { name: 'Toimivatko palvelut yhdessä teidän hyväksenne?' });
    // Both ends are in words, on screen and in the names of 0 and 10.
    expect(within(together).getByRole('radio', { name: '0 = Eivät lainkaan' })).toBeInTheDocument();
    expect(within(together).getByRole('radio', { name: '10 = Täysin yhdessä' })).toBeInTheDocument();
    await user.click(within(together).getByRole('radio', { name: '8' }));
    expect(within(together).getByText('Valitsit 8.')).toBeInTheDocument();
    const retelling = within(ask).getByRole('group', { name: 'Riittikö, että kerroitte asianne kerran?' });
    await user.click(within(retelling).getByRole('radio', { name: '3' }));
    await user.click(within(retelling).getByRole('button', { name: 'Poista valinta' }));
    expect(within(retelling).getByRole('radio', { name: '3' })).not.toBeChecked();
    const recommend = within(ask).getByRole('group', { name: 'Suosittelisitteko tätä tapaa tehdä työtä muille perheille?' });
    await user.click(within(recommend).getByRole('radio', { name: '10 = Suosittelisimme lämpimästi' }));
    await user.type(within(ask).getByRole('textbox', { name: /omin sanoin/ }), 'Yksi palaveri riitti.');
    expect(within(ask).getByText('21 / 1000 merkkiä')).toBeInTheDocument();
    const permission = within(ask).getByRole('switch', { name: /Koordinaattori saa nähdä vastauksemme/ });
    expect(permission).not.toBeChecked();
    expect(within(ask).getByText(/Vastausta ei voi muuttaa lähettämisen jälkeen/)).toBeInTheDocument();

    await user.click(within(ask).getByRole('button', { name: 'Lähetä vastaus' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lähetetäänkö vastaus?' });
    expect(dialog).toHaveTextContent('Sari Lehtonen näkee vain, että olette vastanneet.');
    expect(sent).toBeUndefined();
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä' }));

    const thanks = await findPlanRegion('Kiitos vastauksestanne!');
    expect(sent).toEqual({
      workedTogether: 8,
      noRetelling: null,
      wouldRecommend: 10,
      words: 'Yksi palaveri riitti.',
      coordinatorMaySee: false,
    });
    expect(within(thanks).getByText('ei vastattu')).toBeInTheDocument();
    expect(within(thanks).getByText('8 / 10')).toBeInTheDocument();
    expect(within(thanks).getByRole('switch', { name: /Koordinaattori saa nähdä vastauksemme/ })).not.toBeChecked();
  });

  it('when the family sends nothing at all, then it is asked to answer something, nothing is sent, and it may answer later', async () => {
    const request = buildFeedbackRequest({ can: { answer: true, changePermission: false } });
    planApi('family', () => [request]);
    const { user } = renderApp(planPath);
    const ask = await findPlanRegion('Kerro kokemuksesi');
    await user.click(within(ask).getByRole('button', { name: 'Vastaa kysymyksiin' }));
    await user.click(await within(ask).findByRole('button', { name: 'Lähetä vastaus' }));
    expect(await within(ask).findByText('Vastaa ainakin yhteen kysymykseen tai kirjoita jotain.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Answering later closes the form and gives the focus back to the button that opened it.
    await user.click(within(ask).getByRole('button', { name: 'Vastaan myöhemmin' }));
    expect(within(ask).getByRole('button', { name: 'Vastaa kysymyksiin' })).toHaveFocus();
  });

  it('when another member answered first, then the family is told and sees that answer', async () => {
    let request = buildFeedbackRequest({ can: { answer: true, changePermission: false } });
    planApi('family', () => [request]);
    server.use(
      http.post(`${base}/feedback/${request.id}/answer`, () => {
        request = answered({ answeredBy: { id: testId(6), name: 'Eetu Virtanen' } }, { answer: false, changePermission: false });
        return problem(409, 'feedback_already_answered');
      }),
    );
    const { user } = renderApp(planPath);
    const ask = await findPlanRegion('Kerro kokemuksesi');
    await user.click(within(ask).getByRole('button', { name: 'Vastaa kysymyksiin' }));
    const together = await within(ask).findByRole('group', { name: 'Toimivatko palvelut yhdessä teidän hyväksenne?' });
    await user.click(within(together).getByRole('radio', { name: '5' }));
    await user.click(within(ask).getByRole('button', { name: 'Lähetä vastaus' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lähetä' }));
    // The list is read again: in place of the question, Eetu's answer, which only Eetu may show the coordinator.
    expect(await within(ask).findByRole('alert')).toHaveTextContent('Joku perheestänne on jo vastannut tähän.');
    expect(await within(ask).findByText('Vastasi Eetu Virtanen 11.2.2026')).toBeInTheDocument();
    expect(within(ask).getByText(/Eetu Virtanen vastasi\. Sari Lehtonen näkee vain/)).toBeInTheDocument();
    expect(within(ask).queryByRole('switch')).not.toBeInTheDocument();
  });

  it('when the one who answered lets the coordinator see the answer and takes it back, then each change is sent on the version seen', async () => {
    let request = answered();
    planApi('family', () => [request]);
    const bodies: unknown[] = [];
    server.use(
      http.patch(`${base}/feedback/${request.id}/answer`, async ({ request: httpRequest }) => {
        const body = (await httpRequest.json()) as { coordinatorMaySee: boolean; version: number };
        bodies.push(body);
        request = answered({ coordinatorMaySee: body.coordinatorMaySee, version: body.version + 1 });
        return HttpResponse.json(request);
      }),
    );
    const { user } = renderApp(planPath);
    await user.click(await screen.findByRole('button', { name: 'Aiempi vastauksemme' }));
    const earlier = await screen.findByRole('article', { name: 'Kysytty 10.2.2026 arviointipalaverin jälkeen' });
    expect(within(earlier).getByText('”Yksi palaveri riitti.”')).toBeInTheDocument();
    const permission = within(earlier).getByRole('switch', { name: /Koordinaattori saa nähdä vastauksemme/ });
    await user.click(permission);
    await waitFor(() => expect(permission).toBeChecked());
    expect(within(earlier).getByText(/Sari Lehtonen näkee vastauksen/)).toBeInTheDocument();
    await user.click(permission);
    await waitFor(() => expect(permission).not.toBeChecked());
    expect(bodies).toEqual([
      { coordinatorMaySee: true, version: 2 },
      { coordinatorMaySee: false, version: 3 },
    ]);
  });
});

describe("the coordinator's view of feedback", () => {
  it('when the coordinator opens the plan, then each request says when it was asked and whether it is answered, with the answers the family allowed', async () => {
    planApi('coordinator', () => [
      buildFeedbackRequest({ id: testId(953), occasion: 'closing', openedAt: '2026-04-01T10:00:00.000Z' }),
      {
        ...answered({ coordinatorMaySee: true }),
        id: testId(952),
        openedAt: '2026-03-01T10:00:00.000Z',
        can: { answer: false, changePermission: false },
      },
      { ...buildFeedbackRequest({ id: testId(951) }), answered: true },
    ]);
    renderApp(planPath);
    const section = await findPlanRegion('Perheen kokemus');
    const items = await within(section).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Kysytty 1\.4\.2026, kun asiakkuus päättyiEi vielä vastattu$/),
      'Kysytty 1.3.2026 arviointipalaverin jälkeenVastattu' +
        'Palvelut toimivat yhdessä:8 / 10Asiaa ei tarvinnut kertoa uudelleen:ei vastattuSuosittelisimme tätä tapaa:10 / 10' +
        '”Yksi palaveri riitti.”Vastasi Anna Virtanen 11.2.2026',
      'Kysytty 10.2.2026 arviointipalaverin jälkeenVastattuPerhe on vastannut, mutta ei ole antanut lupaa näyttää vastausta sinulle.',
    ]);
    expect(within(items[1]!).getByText('”Yksi palaveri riitti.”')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Vastasi Anna Virtanen 11.2.2026')).toBeInTheDocument();
    // The family's form is the family's: the coordinator has none.
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Kerro kokemuksesi' })).not.toBeInTheDocument();
  });

  it('when no request has been opened yet, then the coordinator is told when the family will be asked', async () => {
    planApi('coordinator', () => []);
    renderApp(planPath);
    const section = await findPlanRegion('Perheen kokemus');
    expect(
      await within(section).findByText(/Kysymys lähtee perheelle, kun päätät arviointipalaverin tai asiakkuuden/),
    ).toBeInTheDocument();
  });

  it('when a worker opens the plan, then feedback is neither asked for nor shown', async () => {
    const api = planApi('worker', () => [answered()]);
    renderApp(planPath);
    expect(await findPlanRegion('Arviointipalaverit ja versiot')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Perheen kokemus' })).not.toBeInTheDocument();
    expect(api.reads()).toBe(0);
  });
});
