import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  programEnrolmentListSchema,
  type EnrolFamily,
  type ProgramEnrolment,
  type ProgramEnrolmentList,
  type ProgramMetric,
} from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildPlan, familyId, testId, type PlanReader } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';
import { addDays, finnishToday, formatDate } from '../../lib/locale';

const base = `/api/families/${familyId}/program-enrolments`;
// The section under test is drawn when shown: the plan opens at it.
const planPath = `/families/${familyId}?section=story`;
const annaMemberId = testId(500);

const metrics: ProgramMetric[] = [
  {
    id: testId(710),
    name: 'Kotona asuminen 12 kk',
    definition: { kind: 'lives_at_home', months: 12, placementServiceIds: [testId(720)] },
    baselineRate: 60,
    targetRate: 80,
    paymentCents: 500_000,
  },
  {
    id: testId(711),
    name: 'Hyvinvointi kohenee',
    definition: { kind: 'wellbeing_improved', months: 6, steps: 1, domains: 2 },
    baselineRate: 30,
    targetRate: 50,
    paymentCents: 100_000,
  },
  {
    id: testId(712),
    name: 'Tavoite saavutettu',
    definition: { kind: 'goal_reached', months: 1 },
    baselineRate: 40,
    targetRate: 60,
    paymentCents: 50_000,
  },
];

function buildEnrolment(overrides: Partial<ProgramEnrolment> = {}): ProgramEnrolment {
  return {
    id: testId(730),
    program: { id: testId(700), name: 'Kotona yhdessä', provider: 'Lastensuojelun tulosrahasto', metrics },
    payer: { id: testId(740), name: 'Varkauden kaupunki' },
    enrolledOn: '2025-03-01',
    consentGivenBy: { id: annaMemberId, name: 'Anna Virtanen' },
    consentGivenOn: '2025-02-20',
    endedOn: null,
    endReason: null,
    outcomes: [
      { metricId: testId(710), status: 'pending', decidedOn: '2026-03-01', reason: null },
      { metricId: testId(711), status: 'not_measurable', decidedOn: null, reason: 'no_baseline' },
      { metricId: testId(712), status: 'reached', decidedOn: '2025-03-20', reason: null },
    ],
    version: 1,
    can: { end: true, withdrawConsent: true },
    ...overrides,
  };
}

const openPrograms: ProgramEnrolmentList['open'] = [
  {
    id: testId(701),
    name: 'Vahvat vanhemmat',
    provider: 'Perhekeskus ry',
    payers: [
      { id: testId(741), name: 'Varkauden kaupunki' },
      { id: testId(742), name: 'Pieksämäen kaupunki' },
    ],
    targetGroup: { description: 'Pikkulapsiperheet', childAgeMin: 0, childAgeMax: 6 },
  },
  {
    id: testId(702),
    name: 'Koulupolku',
    provider: 'Koulutuki Oy',
    payers: [{ id: testId(743), name: 'Varkauden kaupunki' }],
    targetGroup: { description: 'Kouluikäiset', childAgeMin: 7, childAgeMax: 15 },
  },
];

const users: Record<PlanReader, ReturnType<typeof buildCurrentUser>> = {
  coordinator: buildCurrentUser(),
  worker: buildCurrentUser({ id: testId(3), role: 'worker', name: 'Mikko Perhetyö' }),
  family: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', email: 'anna.virtanen@example.fi', role: 'family' }),
};

/** The server's side: the list it answers (checked against the contract) and how often it was read. */
function programsApi(reader: PlanReader, list: ProgramEnrolmentList) {
  const state = { list: programEnrolmentListSchema.parse(list), reads: 0 };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(users[reader])),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    http.get(base, () => {
      state.reads += 1;
      return HttpResponse.json(state.list);
    }),
    // After the enrolments: the first handler that matches answers.
    ...planPartHandlers(),
  );
  return state;
}

const coordinatorList = (overrides: Partial<ProgramEnrolmentList> = {}): ProgramEnrolmentList => ({
  enrolments: [buildEnrolment()],
  open: openPrograms,
  can: { enrol: true },
  ...overrides,
});

const familyList = (enrolment = buildEnrolment({ can: { end: false, withdrawConsent: true } })): ProgramEnrolmentList => ({
  enrolments: [enrolment],
  open: [],
  can: { enrol: false },
});

const section = (name = 'Tulosperusteiset ohjelmat') => screen.findByRole('region', { name });
/** Typing a whole date at once, as pasting would, and leaving the field. */
const setDate = (input: HTMLElement, value: string) => {
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
};

describe("the coordinator's programmes on the plan", () => {
  it('when the coordinator opens the plan, then each enrolment shows its facts and each outcome in words with the metric name', async () => {
    programsApi('coordinator', coordinatorList());
    renderApp(planPath);
    const programs = await section();
    const card = await within(programs).findByRole('article', { name: 'Kotona yhdessä' });
    const facts = within(card)
      .getAllByRole('term')
      .map((term) => `${term.textContent}: ${term.nextSibling?.textContent}`);
    expect(facts).toEqual([
      'Järjestäjä: Lastensuojelun tulosrahasto',
      'Maksaja: Varkauden kaupunki',
      'Mukana alkaen: 1.3.2025',
      'Suostumus: Anna Virtanen antoi 20.2.2025',
      'Tilanne: Mukana nyt',
    ]);
    const outcomes = within(card)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(outcomes).toEqual([
      'Lapsi asuu kotona 12 kuukautta ohjelmaan liittymisen jälkeen' +
        'Ohjelman mittari: Kotona asuminen 12 kk' +
        'Tarkistetaan 1.3.2026',
      'Hyvinvointimittarin vastaukset paranevat vähintään yhden askeleen vähintään 2 osa-alueella 6 kuukauden kuluessa ohjelmaan liittymisestä' +
        'Ohjelman mittari: Hyvinvointi kohenee' +
        'Ei voida mitata: hyvinvointimittaria ei täytetty ohjelman alussa',
      'Perhe saavuttaa jonkin tavoitteistaan kuukauden kuluessa ohjelmaan liittymisestä' +
        'Ohjelman mittari: Tavoite saavutettu' +
        'Toteutui 20.3.2025',
    ]);
    // The family's own words are the family's: the coordinator gets the facts and the controls.
    expect(within(card).queryByText(/Seuraamme näitä asioita/)).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Päätä osallistuminen' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Kirjaa suostumuksen peruminen' })).toBeInTheDocument();
  });

  it('when an enrolment ended, then it says when and why, and a missed outcome says it was not reached', async () => {
    programsApi(
      'coordinator',
      coordinatorList({
        enrolments: [
          buildEnrolment({
            endedOn: '2025-09-30',
            endReason: 'moved',
            outcomes: [
              { metricId: testId(710), status: 'not_measurable', decidedOn: null, reason: 'ended_before_due' },
              { metricId: testId(711), status: 'missed', decidedOn: '2025-09-01', reason: null },
              { metricId: testId(712), status: 'reached', decidedOn: '2025-03-20', reason: null },
            ],
            can: { end: false, withdrawConsent: true },
          }),
        ],
        open: [],
        can: { enrol: true },
      }),
    );
    renderApp(planPath);
    const card = await within(await section()).findByRole('article', { name: 'Kotona yhdessä' });
    expect(within(card).getByText('Päättyi 30.9.2025')).toBeInTheDocument();
    expect(within(card).getByText('Perhe muutti pois')).toBeInTheDocument();
    expect(within(card).getByText('Ei voida mitata: ohjelma päättyi ennen tarkistuspäivää')).toBeInTheDocument();
    expect(within(card).getByText('Ei toteutunut (tarkistettu 1.9.2025)')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Päätä osallistuminen' })).not.toBeInTheDocument();
    // Nothing is open to join: no enrol button.
    expect(screen.queryByRole('button', { name: 'Liitä perhe ohjelmaan' })).not.toBeInTheDocument();
  });

  it('when the coordinator enrols the family, then the chosen programme, payer, guardian and dates are sent and the list is read again', async () => {
    const api = programsApi('coordinator', coordinatorList({ enrolments: [] }));
    let sent: EnrolFamily | undefined;
    server.use(
      http.post(base, async ({ request }) => {
        sent = (await request.json()) as EnrolFamily;
        const enrolment = buildEnrolment({
          id: testId(731),
          program: { id: testId(701), name: 'Vahvat vanhemmat', provider: 'Perhekeskus ry', metrics },
          payer: { id: testId(742), name: 'Pieksämäen kaupunki' },
          enrolledOn: sent.enrolledOn,
          consentGivenOn: sent.consentGivenOn,
        });
        api.list = { enrolments: [enrolment], open: [openPrograms[1]!], can: { enrol: true } };
        return HttpResponse.json(enrolment, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const programs = await section();
    expect(await within(programs).findByText(/Perhe ei ole vielä mukana yhdessäkään ohjelmassa/)).toBeInTheDocument();
    await user.click(within(programs).getByRole('button', { name: 'Liitä perhe ohjelmaan' }));

    const dialog = await screen.findByRole('dialog', { name: 'Liitä perhe ohjelmaan' });
    expect(within(dialog).getByRole('button', { name: 'Sulje' })).toBeInTheDocument();
    const programChoice = within(dialog).getByRole('radiogroup', { name: /Ohjelma/ });
    expect(within(programChoice).getByRole('radio', { name: 'Koulupolku (Koulutuki Oy)' })).toHaveAccessibleDescription(
      'Kohderyhmä: lapset 7–15 v. Kouluikäiset',
    );
    // No payer is asked before a programme is chosen; then only that programme's payers.
    expect(within(dialog).queryByRole('radiogroup', { name: /Maksaja/ })).not.toBeInTheDocument();
    await user.click(within(programChoice).getByRole('radio', { name: 'Vahvat vanhemmat (Perhekeskus ry)' }));
    const payers = within(dialog).getByRole('radiogroup', { name: /Maksaja/ });
    expect(
      within(payers)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual([testId(741), testId(742)]);
    await user.click(within(payers).getByRole('radio', { name: 'Pieksämäen kaupunki' }));
    // The plan's one guardian is chosen already; its child is not offered.
    const guardians = within(dialog).getByRole('radiogroup', { name: /Huoltaja, joka antoi suostumuksen/ });
    expect(within(guardians).getAllByRole('radio')).toHaveLength(1);
    expect(within(guardians).getByRole('radio', { name: 'Anna Virtanen' })).toBeChecked();
    const enrolledOn = within(dialog).getByLabelText(/Mukana alkaen/);
    expect(enrolledOn).toHaveValue(formatDate(finnishToday(), 'fi'));
    setDate(enrolledOn, formatDate(addDays(finnishToday(), 1), 'fi'));
    expect(enrolledOn).toHaveAccessibleDescription(`Päivä voi olla viimeistään ${formatDate(finnishToday(), 'fi')}.`);
    setDate(within(dialog).getByLabelText(/Suostumuksen päivä/), '10.1.2026');
    setDate(enrolledOn, '15.1.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Liitä ohjelmaan' }));

    expect(await within(programs).findByRole('article', { name: 'Vahvat vanhemmat' })).toBeInTheDocument();
    expect(sent).toEqual({
      programId: testId(701),
      payerId: testId(742),
      consentGivenBy: annaMemberId,
      consentGivenOn: '2026-01-10',
      enrolledOn: '2026-01-15',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.reads).toBe(2);
  });

  it('when the consent is dated after the enrolment and nothing is chosen, then the form says so and sends nothing', async () => {
    programsApi('coordinator', coordinatorList({ enrolments: [] }));
    let posts = 0;
    server.use(
      http.post(base, () => {
        posts += 1;
        return problem(500, 'internal');
      }),
    );
    const { user } = renderApp(planPath);
    await user.click(await within(await section()).findByRole('button', { name: 'Liitä perhe ohjelmaan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Liitä perhe ohjelmaan' });
    setDate(within(dialog).getByLabelText(/Suostumuksen päivä/), '20.1.2026');
    setDate(within(dialog).getByLabelText(/Mukana alkaen/), '15.1.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Liitä ohjelmaan' }));
    expect(await within(dialog).findByText('Valitse ohjelma.')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Suostumuksen päivä ei voi olla tulevaisuudessa eikä liittymispäivän jälkeen.'),
    ).toBeInTheDocument();
    expect(posts).toBe(0);
  });

  it.each([
    [
      'not_in_target_group',
      problem(422, 'not_in_target_group'),
      'Perhe ei kuulu ohjelman kohderyhmään: perheessä ei ole lasta, joka on 7–15-vuotias liittymisvuonna.',
    ],
    ['already_enrolled', problem(409, 'already_enrolled'), 'Perhe on jo mukana tässä ohjelmassa.'],
    [
      'a guardian refused',
      problem(400, 'validation_failed', { errors: [{ path: 'body.consentGivenBy', message: 'not a guardian' }] }),
      'Suostumuksen voi antaa vain perheen huoltaja. Valitse huoltaja.',
    ],
    [
      'an enrolment day outside the period',
      problem(400, 'validation_failed', { errors: [{ path: 'body.enrolledOn', message: 'outside' }] }),
      'Liittymispäivän pitää olla ohjelman voimassaoloaikana, eikä se voi olla tulevaisuudessa.',
    ],
  ])('when the API refuses with %s, then the dialog says why in words and stays open', async (_, refusal, words) => {
    const api = programsApi('coordinator', coordinatorList({ enrolments: [] }));
    server.use(http.post(base, () => refusal));
    const { user } = renderApp(planPath);
    await user.click(await within(await section()).findByRole('button', { name: 'Liitä perhe ohjelmaan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Liitä perhe ohjelmaan' });
    // A programme with one payer has it chosen at once.
    await user.click(within(dialog).getByRole('radio', { name: 'Koulupolku (Koulutuki Oy)' }));
    expect(within(dialog).getByRole('radio', { name: 'Varkauden kaupunki' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Liitä ohjelmaan' }));
    expect(await within(dialog).findByText(words)).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Liitä perhe ohjelmaan' })).toBeInTheDocument();
    // A refusal means the list was stale: it is read again.
    await waitFor(() => expect(api.reads).toBe(2));
  });

  it('when the coordinator ends an enrolment, then the reason and the day are sent on the version seen and the card says it ended', async () => {
    const api = programsApi('coordinator', coordinatorList());
    let sent: unknown;
    server.use(
      http.post(`${base}/${testId(730)}/end`, async ({ request }) => {
        sent = await request.json();
        const ended = buildEnrolment({
          endedOn: '2026-01-31',
          endReason: 'moved',
          version: 2,
          can: { end: false, withdrawConsent: true },
        });
        api.list = { ...api.list, enrolments: [ended] };
        return HttpResponse.json(ended);
      }),
    );
    const { user } = renderApp(planPath);
    const card = await within(await section()).findByRole('article', { name: 'Kotona yhdessä' });
    await user.click(within(card).getByRole('button', { name: 'Päätä osallistuminen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Osallistumisen päättyminen: Kotona yhdessä' });
    expect(within(dialog).getByRole('button', { name: 'Sulje' })).toBeInTheDocument();
    // Consent withdrawal has its own way: it is not one of the reasons here.
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['left', 'case_closed', 'moved']);
    await user.click(within(dialog).getByRole('button', { name: 'Päätä osallistuminen' }));
    expect(await within(dialog).findByText('Valitse syy.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Perhe muutti pois' }));
    setDate(within(dialog).getByLabelText(/Päättymispäivä/), '31.1.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Päätä osallistuminen' }));

    expect(await within(card).findByText('Päättyi 31.1.2026')).toBeInTheDocument();
    expect(within(card).getByText('Perhe muutti pois')).toBeInTheDocument();
    expect(sent).toEqual({ version: 1, endedOn: '2026-01-31', reason: 'moved' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it.each([
    ['enrolment_ended', problem(409, 'enrolment_ended'), 'Osallistuminen on jo päättynyt. Tiedot on päivitetty.'],
    [
      'version_conflict',
      problem(409, 'version_conflict', { current: buildEnrolment({ version: 2 }) }),
      'Joku muutti tätä juuri. Tiedot on päivitetty: tarkista ja yritä uudelleen.',
    ],
    [
      'an end day before the enrolment',
      problem(400, 'validation_failed', { errors: [{ path: 'body.endedOn', message: 'before' }] }),
      'Päättymispäivä ei voi olla ennen liittymistä eikä tulevaisuudessa.',
    ],
  ])('when ending is refused with %s, then the dialog says so in words', async (_, refusal, words) => {
    const api = programsApi('coordinator', coordinatorList());
    server.use(http.post(`${base}/${testId(730)}/end`, () => refusal));
    const { user } = renderApp(planPath);
    const card = await within(await section()).findByRole('article', { name: 'Kotona yhdessä' });
    await user.click(within(card).getByRole('button', { name: 'Päätä osallistuminen' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Perhe jätti ohjelman' }));
    await user.click(within(dialog).getByRole('button', { name: 'Päätä osallistuminen' }));
    expect(await within(dialog).findByText(words)).toBeInTheDocument();
    await waitFor(() => expect(api.reads).toBe(2));
  });

  it('when the coordinator records a withdrawn consent, then it is confirmed first and sent on the version seen', async () => {
    const api = programsApi('coordinator', coordinatorList());
    let sent: unknown;
    server.use(
      http.post(`${base}/${testId(730)}/withdraw-consent`, async ({ request }) => {
        sent = await request.json();
        const ended = buildEnrolment({
          endedOn: finnishToday(),
          endReason: 'consent_withdrawn',
          version: 2,
          can: { end: false, withdrawConsent: false },
        });
        api.list = { ...api.list, enrolments: [ended] };
        return HttpResponse.json(ended);
      }),
    );
    const { user } = renderApp(planPath);
    const card = await within(await section()).findByRole('article', { name: 'Kotona yhdessä' });
    await user.click(within(card).getByRole('button', { name: 'Kirjaa suostumuksen peruminen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kirjataanko suostumuksen peruminen?' });
    expect(dialog).toHaveTextContent('Perheen tietoja ei enää käytetä ohjelman raporteissa miltään ajalta.');
    expect(sent).toBeUndefined();
    await user.click(within(dialog).getByRole('button', { name: 'Kirjaa peruminen' }));
    expect(await within(card).findByText('Suostumus peruttiin')).toBeInTheDocument();
    expect(sent).toEqual({ version: 1 });
    expect(within(card).queryByRole('button', { name: 'Kirjaa suostumuksen peruminen' })).not.toBeInTheDocument();
  });
});

describe("the family's programmes on its plan", () => {
  it('when the guardian opens the plan, then the programme is told in plain words, without the contract names or the coordinator controls', async () => {
    programsApi('family', familyList());
    renderApp(planPath);
    const programs = await section('Perheenne ohjelmat');
    const card = within(programs).getByRole('article', { name: 'Kotona yhdessä' });
    expect(within(card).getByRole('heading', { name: 'Mitä seuraamme' })).toBeInTheDocument();
    expect(
      within(card).getByText(
        'Seuraamme näitä asioita. Varkauden kaupunki maksaa ohjelman järjestäjälle vain, jos ne toteutuvat. Nimiänne ei koskaan näytetä maksajille.',
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText('Lapsi asuu kotona 12 kuukautta ohjelmaan liittymisen jälkeen')).toBeInTheDocument();
    expect(within(card).getByText('Tarkistetaan 1.3.2026')).toBeInTheDocument();
    expect(within(card).getByText('Anna Virtanen antoi 20.2.2025')).toBeInTheDocument();
    expect(within(card).queryByText(/Ohjelman mittari/)).not.toBeInTheDocument();
    expect(
      within(programs)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Peru suostumuksemme']);
  });

  it('when the guardian withdraws consent, then the dialog says what happens, going back sends nothing, and confirming ends the enrolment by withdrawal', async () => {
    const api = programsApi('family', familyList());
    let sent: unknown;
    server.use(
      http.post(`${base}/${testId(730)}/withdraw-consent`, async ({ request }) => {
        sent = await request.json();
        const ended = buildEnrolment({
          endedOn: finnishToday(),
          endReason: 'consent_withdrawn',
          version: 2,
          can: { end: false, withdrawConsent: false },
        });
        api.list = familyList(ended);
        return HttpResponse.json(ended);
      }),
    );
    const { user } = renderApp(planPath);
    const programs = await section('Perheenne ohjelmat');
    await user.click(within(programs).getByRole('button', { name: 'Peru suostumuksemme' }));
    let dialog = await screen.findByRole('dialog', { name: 'Perutaanko suostumuksenne?' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Perheenne lähtee ohjelmasta tänään.',
      'Tietojanne ei enää käytetä ohjelman raporteissa, ei myöskään aiemmilta ajoilta.',
      'Perheenne saama tuki ei muutu.',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Takaisin' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toBeUndefined();

    await user.click(within(programs).getByRole('button', { name: 'Peru suostumuksemme' }));
    dialog = await screen.findByRole('dialog', { name: 'Perutaanko suostumuksenne?' });
    await user.click(within(dialog).getByRole('button', { name: 'Kyllä, peru suostumus' }));

    const card = within(programs).getByRole('article', { name: 'Kotona yhdessä' });
    expect(await within(card).findByText('Suostumus peruttiin')).toBeInTheDocument();
    expect(sent).toEqual({ version: 1 });
    expect(
      within(card).getByText(
        'Suostumuksenne on peruttu, ja perheenne on lähtenyt ohjelmasta. Tietojanne ei enää käytetä ohjelman raporteissa. Perheenne saama tuki ei muutu.',
      ),
    ).toBeInTheDocument();
    expect(within(programs).queryByRole('button')).not.toBeInTheDocument();
  });

  it('when the family already left and then withdraws, then the dialog says it has left already', async () => {
    programsApi(
      'family',
      familyList(buildEnrolment({ endedOn: '2025-09-30', endReason: 'left', can: { end: false, withdrawConsent: true } })),
    );
    const { user } = renderApp(planPath);
    await user.click(await within(await section('Perheenne ohjelmat')).findByRole('button', { name: 'Peru suostumuksemme' }));
    const dialog = await screen.findByRole('dialog', { name: 'Perutaanko suostumuksenne?' });
    expect(dialog).toHaveTextContent('Perheenne on jo lähtenyt ohjelmasta.');
  });

  it('when the family is in no programme, then its plan shows no programme section', async () => {
    const api = programsApi('family', { enrolments: [], open: [], can: { enrol: false } });
    renderApp(planPath);
    await waitFor(() => expect(api.reads).toBe(1));
    // The programmes would stand beside the story, in the section the plan opened at.
    expect(await screen.findByRole('region', { name: 'Perheen tarina' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Perheenne ohjelmat' })).not.toBeInTheDocument();
  });
});

describe('programmes and other readers', () => {
  it('when a service worker opens the plan, then there is no programme section and the enrolments are never asked for', async () => {
    const api = programsApi('worker', coordinatorList());
    renderApp(planPath);
    // The programmes would stand beside the story, in the section the plan opened at.
    expect(await screen.findByRole('region', { name: 'Perheen tarina' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Tulosperusteiset ohjelmat' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Kotona yhdessä/)).not.toBeInTheDocument();
    expect(api.reads).toBe(0);
  });

  it.each(['program.enrolled', 'program.ended'] as const)(
    'when %s arrives, then the list is read again and shows the change',
    async (type) => {
      const api = programsApi('coordinator', coordinatorList({ enrolments: [] }));
      const { socket } = renderApp(planPath);
      const programs = await section();
      await within(programs).findByText(/Perhe ei ole vielä mukana/);
      const reads = api.reads;
      api.list = coordinatorList();
      act(() => socket.receive({ type, familyId, id: testId(730), version: 1, seq: 12 }));
      expect(await within(programs).findByRole('article', { name: 'Kotona yhdessä' })).toBeInTheDocument();
      expect(api.reads).toBe(reads + 1);
    },
  );
});

describe('programmes in every language', () => {
  const sectionKeys = (locale: Record<string, unknown>) => JSON.stringify(Object.keys(flatten(locale.programEnrolment)).sort());

  it('when the locales are read, then Swedish and English have every Finnish key of the section', () => {
    expect(sectionKeys(sv)).toBe(sectionKeys(fi));
    expect(sectionKeys(en)).toBe(sectionKeys(fi));
  });

  it.each([
    [
      'SV svenska',
      'Resultatbaserade program',
      'Barnet bor hemma 12 månader efter anslutningen till programmet',
      'Avsluta deltagandet',
    ],
    [
      'EN English',
      'Outcome-based programmes',
      'The child lives at home for 12 months after joining the programme',
      'End enrolment',
    ],
  ])(
    'when the coordinator switches to %s, then the section is in that language with no raw keys',
    async (language, title, metric, end) => {
      programsApi('coordinator', coordinatorList());
      const { user } = renderApp(planPath);
      await section();
      await user.click(screen.getByRole('button', { name: language }));
      const programs = await section(title);
      expect(within(programs).getByText(metric)).toBeInTheDocument();
      expect(within(programs).getByRole('button', { name: end })).toBeInTheDocument();
      expect(programs.textContent).not.toMatch(/programEnrolment\./);
      await user.click(within(programs).getByRole('button', { name: end }));
      expect((await screen.findByRole('dialog')).textContent).not.toMatch(/programEnrolment\./);
    },
  );

  it.each([
    ['SV svenska', 'Er familjs program', 'Återkalla vårt samtycke'],
    ['EN English', "Your family's programmes", 'Withdraw our consent'],
  ])(
    'when the guardian switches to %s, then the plain words and the dialog have no raw keys',
    async (language, title, withdraw) => {
      programsApi('family', familyList());
      const { user } = renderApp(planPath);
      await section('Perheenne ohjelmat');
      await user.click(screen.getByRole('button', { name: language }));
      const programs = await section(title);
      expect(programs.textContent).not.toMatch(/programEnrolment\./);
      await user.click(within(programs).getByRole('button', { name: withdraw }));
      expect((await screen.findByRole('dialog')).textContent).not.toMatch(/programEnrolment\./);
    },
  );
});

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (all, [key, child]) => ({ ...all, ...flatten(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}
