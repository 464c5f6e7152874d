import { act, screen, waitFor, within } from '@testing-library/react';
import { assessmentDomains, type Measurement, type MeasurementList } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import {
  buildCurrentUser,
  buildMeasurement,
  buildMeasurementList,
  buildPlan,
  familyId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { quietChartSizeWarnings } from '../../test/quiet-chart-warnings';
import { todayIsoDate } from '../../lib/locale';

quietChartSizeWarnings();

const base = `/api/families/${familyId}`;
const meterPath = `/families/${familyId}/measurements`;
const anna = buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family', email: 'anna.virtanen@example.fi' });
const mikko = buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] });
const eetu = { id: testId(501), name: 'Eetu Virtanen', relation: 'child' as const };

/** The meter as the server has it for one reader; a test changes it to play a save, a correction or a withdrawn consent. */
function meterApi(reader: PlanReader, list: MeasurementList) {
  const state = { list, shared: true, reads: 0, sent: [] as unknown[] };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(reader === 'family' ? anna : mikko)),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    http.get(`${base}/measurements`, () => {
      state.reads += 1;
      return state.shared ? HttpResponse.json(state.list) : problem(404, 'not_found');
    }),
  );
  return state;
}

const earlierAndLater = (): Measurement[] => [
  buildMeasurement(2, { id: testId(951), takenOn: '2026-01-10' }),
  buildMeasurement(4, {
    id: testId(952),
    takenOn: '2026-03-02',
    occasion: 'review',
    respondentVersion: 'young',
    takenBy: eetu,
    // Eetu skipped the question on housing.
    scores: assessmentDomains.filter((domain) => domain !== 'housing').map((domain) => ({ domain, score: 4 })),
    comment: 'Koulu sujuu.',
  }),
];

const answerRows = async (caption: string) => {
  const table = await screen.findByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
};

describe('the wellbeing meter', () => {
  it('when a guardian fills it in on the phone, one question at a time, then the answers are saved in words and the line shows them', async () => {
    const api = meterApi('family', buildMeasurementList({ prompt: { occasion: 'start' }, can: { record: true } }));
    server.use(
      http.post(`${base}/measurements`, async ({ request }) => {
        const body = (await request.json()) as Pick<Measurement, 'scores' | 'comment' | 'respondentVersion' | 'occasion'>;
        api.sent.push(body);
        const saved = buildMeasurement(3, { ...body, id: testId(960), takenOn: todayIsoDate(), can: { correct: true } });
        api.list = { measurements: [saved], prompt: null, can: { record: true } };
        return HttpResponse.json(saved, { status: 201 });
      }),
    );
    const { user } = renderApp(meterPath);

    const form = await screen.findByRole('form', { name: 'Täytä hyvinvointimittari' });
    expect(within(form).getByText(/Palvelut näkevät ne vain, jos olette antaneet luvan/)).toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: 'Nuoren versio' }));
    await user.click(within(form).getByRole('button', { name: 'Aloita' }));

    expect(within(form).getByText('Kysymys 1/9')).toHaveFocus();
    const first = within(form).getByRole('radiogroup', { name: 'Arki' });
    expect(
      within(first)
        .getAllByRole('radio')
        .map((radio) => radio.textContent),
    ).toEqual(['1 – Tosi huonosti', '2 – Huonosti', '3 – Ihan ok', '4 – Hyvin', '5 – Tosi hyvin']);
    await user.click(within(first).getByRole('radio', { name: '2 – Huonosti' }));
    await user.click(within(form).getByRole('button', { name: 'Seuraava' }));
    // The second question is skipped.
    expect(within(form).getByRole('radiogroup', { name: 'Kotona aikuisten kanssa' })).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Ohita' }));
    for (let question = 3; question <= 9; question += 1) {
      expect(within(form).getByText(`Kysymys ${question}/9`)).toBeInTheDocument();
      await user.click(within(form).getByRole('radio', { name: '4 – Hyvin' }));
      await user.click(within(form).getByRole('button', { name: 'Seuraava' }));
    }

    const summary = within(form).getByRole('list', { name: 'Vastauksesi' });
    expect(within(summary).getAllByRole('listitem')[0]).toHaveTextContent('Arki: 2 – Huonosti');
    expect(within(summary).getAllByRole('listitem')[1]).toHaveTextContent('Kotona aikuisten kanssa: Ohitettu');
    await user.type(within(form).getByRole('textbox', { name: /Haluatko kertoa jotain lisää/ }), 'Väsyttää.');
    await user.click(within(form).getByRole('button', { name: 'Tallenna vastaukset' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Kiitos! Vastauksesi on tallennettu.');
    expect(api.sent).toEqual([
      {
        takenOn: todayIsoDate(),
        respondentVersion: 'young',
        occasion: 'start',
        scores: [{ domain: 'daily-life', score: 2 }, ...assessmentDomains.slice(2).map((domain) => ({ domain, score: 4 }))],
        comment: 'Väsyttää.',
      },
    ]);
    // The new answer is on the family's own line, in the words of the version it was given in.
    expect(await answerRows('Arki: kaikki vastaukset')).toEqual([[expect.any(String), 'Anna Virtanen', '2 – Huonosti']]);
    // The form has done its work: the answer is on the line, and a correction opens from the list.
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /· Anna Virtanen/ }));
    expect(await screen.findByRole('button', { name: 'Korjaa vastausta' })).toBeInTheDocument();
  });

  it('when nothing is answered, then nothing is sent and it says what to do; a failed save keeps the answers', async () => {
    const api = meterApi('family', buildMeasurementList({ can: { record: true } }));
    server.use(
      http.post(`${base}/measurements`, async ({ request }) => {
        api.sent.push(await request.json());
        return problem(500, 'internal');
      }),
    );
    const { user } = renderApp(meterPath);

    const form = await screen.findByRole('form', { name: 'Täytä hyvinvointimittari' });
    await user.click(within(form).getByRole('button', { name: 'Aloita' }));
    for (let question = 1; question <= 9; question += 1) await user.click(within(form).getByRole('button', { name: 'Ohita' }));
    await user.click(within(form).getByRole('button', { name: 'Tallenna vastaukset' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Vastaa vähintään yhteen kysymykseen ennen tallennusta.');
    expect(api.sent).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Muuta vastausta: Turvallisuus' }));
    await user.click(within(form).getByRole('radio', { name: '5 – Menee hyvin' }));
    await user.click(within(form).getByRole('button', { name: 'Seuraava' }));
    await user.click(within(form).getByRole('button', { name: 'Tallenna vastaukset' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('Tallennus ei onnistunut. Yritä uudelleen.');
    expect(api.sent).toEqual([expect.objectContaining({ occasion: 'own', scores: [{ domain: 'safety', score: 5 }] })]);
    expect(within(form).getByRole('list', { name: 'Vastauksesi' })).toHaveTextContent('Turvallisuus: 5 – Menee hyvin');
  });

  it("when its author corrects today's answer, then the form opens with the answer and the correction goes with its version", async () => {
    const today = buildMeasurement(3, { id: testId(961), can: { correct: true }, version: 2 });
    const api = meterApi('family', buildMeasurementList({ measurements: [today], can: { record: true } }));
    server.use(
      http.patch(`${base}/measurements/${testId(961)}`, async ({ request }) => {
        api.sent.push(await request.json());
        return problem(409, 'measurement_final');
      }),
    );
    const { user } = renderApp(meterPath);

    await user.click(await screen.findByRole('button', { name: /2\.3\.2026 · Anna Virtanen/ }));
    await user.click(await screen.findByRole('button', { name: 'Korjaa vastausta' }));
    const form = await screen.findByRole('form', { name: 'Korjaa vastaustasi' });
    await user.click(within(form).getByRole('button', { name: 'Aloita' }));
    expect(within(form).getByRole('radio', { name: '3 – Siltä väliltä' })).toBeChecked();
    await user.click(within(form).getByRole('radio', { name: '1 – Tosi vaikeaa' }));
    for (let question = 1; question <= 9; question += 1) await user.click(within(form).getByRole('button', { name: 'Seuraava' }));
    await user.click(within(form).getByRole('button', { name: 'Tallenna korjaus' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('Vastausta voi korjata vain samana päivänä');
    expect(api.sent).toEqual([
      {
        respondentVersion: 'adult',
        scores: assessmentDomains.map((domain, index) => ({ domain, score: index === 0 ? 1 : 3 })),
        comment: '',
        version: 2,
      },
    ]);
  });

  it("when a worker reads it with the family's consent, then each member's answers show in words per question and nothing can be filled in", async () => {
    meterApi('worker', buildMeasurementList({ measurements: earlierAndLater() }));
    const { user } = renderApp(meterPath);

    expect(await answerRows('Arki: kaikki vastaukset')).toEqual([
      ['10.1.2026', 'Anna Virtanen', '2 – Vaikeaa'],
      ['2.3.2026', 'Eetu Virtanen', '4 – Hyvin'],
    ]);
    expect(screen.getByRole('heading', { name: 'Vastaukset ajan mittaan' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Näytä kysymys' }), 'Asuminen');
    expect(await answerRows('Asuminen: kaikki vastaukset')).toEqual([['10.1.2026', 'Anna Virtanen', '2 – Vaikeaa']]);

    await user.click(screen.getByRole('button', { name: /2\.3\.2026 · Eetu Virtanen/ }));
    const answers = await screen.findAllByRole('listitem');
    expect(answers.map((item) => item.textContent)).toEqual(expect.arrayContaining(['Arki: 4 – Hyvin', 'Koti: Ohitettu']));
    expect(screen.getByText('Lisätieto: Koulu sujuu.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Korjaa vastausta' })).not.toBeInTheDocument();
  });

  it('when the family withdraws its consent while a worker looks, then the answers go at once and it says they are not shared', async () => {
    const api = meterApi('worker', buildMeasurementList({ measurements: earlierAndLater() }));
    const socket = new FakeSocket();
    renderApp(meterPath, { socket });
    await screen.findByRole('table', { name: 'Arki: kaikki vastaukset' });
    await waitFor(() => expect(socket.joined).toEqual([familyId]));

    api.shared = false;
    act(() => socket.receive({ type: 'consent.changed', familyId, id: familyId, version: 1, seq: 4 }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Perhe ei ole jakanut hyvinvointimittarin tuloksia palvelullesi.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Anna Virtanen')).not.toBeInTheDocument();
  });

  it('when a family member records an answer elsewhere, then the open line is read again', async () => {
    const api = meterApi('worker', buildMeasurementList({ measurements: earlierAndLater().slice(0, 1) }));
    const socket = new FakeSocket();
    renderApp(meterPath, { socket });
    await screen.findByRole('table', { name: 'Arki: kaikki vastaukset' });
    await waitFor(() => expect(socket.joined).toEqual([familyId]));

    api.list = buildMeasurementList({ measurements: earlierAndLater() });
    act(() => socket.receive({ type: 'measurement.recorded', familyId, id: testId(952), version: 1, seq: 5 }));

    expect(await screen.findByRole('cell', { name: 'Eetu Virtanen' })).toBeInTheDocument();
  });
});
