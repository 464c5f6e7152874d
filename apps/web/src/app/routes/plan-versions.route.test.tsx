import { screen } from '@testing-library/react';
import type { Language, PlanVersion, PlanVersionComparison } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { wordComparison } from '../../features/plan-versions/components/change-words';
import { createI18n } from '../../lib/i18n';
import { renderApp } from '../testing/render-app';
import {
  buildAssessment,
  buildCurrentUser,
  buildGoal,
  buildNote,
  buildPlan,
  buildStory,
  familyId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const base = `/api/families/${familyId}`;

function frozenVersion(overrides: Partial<PlanVersion['plan']> = {}): PlanVersion {
  const {
    can: _can,
    attainment: _attainment,
    ...plan
  } = buildPlan({
    version: 2,
    goals: [buildGoal({ title: 'Koulunkäynti sujuu', targetOn: '2027-01-15' })],
  });
  const { comments: _comments, version: _version, familyId: _family, ...story } = buildStory();
  return {
    version: 2,
    reviewId: testId(600),
    frozenAt: '2026-02-10T12:00:00.000Z',
    plan: { ...plan, story, assessment: buildAssessment(2), ...overrides },
  };
}

describe('a frozen plan version', () => {
  it('when it is opened, then it reads as an old version with its date, story and ratings in words, and nothing can be changed', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
      http.get(`${base}/plan/versions/2`, () => HttpResponse.json(frozenVersion())),
    );
    renderApp(`/families/${familyId}/plan/versions/2`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Perhe Virtanen' })).toBeInTheDocument();
    expect(screen.getByText('Suunnitelman versio 2: Vanha versio – tätä ei voi muuttaa')).toBeInTheDocument();
    expect(screen.getByText(/kun versio 2 tallennettiin arviointipalaverissa 10\.2\.2026 klo 14\.00/)).toBeInTheDocument();
    expect(screen.getByText('Aamut ovat raskaita.')).toBeInTheDocument();
    expect(screen.getAllByText('2/5 – Huolta')).toHaveLength(9);
    expect(screen.getByRole('heading', { name: 'Koulunkäynti sujuu' })).toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toEqual([
      // The header's own controls (language, user menu) are all there is: nothing of the plan is editable.
      ...screen.queryAllByRole('button').filter((button) => button.closest('header')),
    ]);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('when the reader may not see the story, then the version has no story section', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role: 'worker', name: 'Mikko Salo' }))),
      http.get(`${base}/plan/versions/2`, () =>
        HttpResponse.json(frozenVersion({ sharedParts: ['goals'], story: null, assessment: null })),
      ),
    );
    renderApp(`/families/${familyId}/plan/versions/2`);
    expect(await screen.findByRole('heading', { name: 'Tavoitteet' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Perheen tarina' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Yhteinen arviointi' })).not.toBeInTheDocument();
  });

  it('when an old version kept no story, then it says so', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
      http.get(`${base}/plan/versions/2`, () => HttpResponse.json(frozenVersion({ story: null, assessment: null }))),
    );
    renderApp(`/families/${familyId}/plan/versions/2`);
    expect(await screen.findByText('Perheen tarina ei tallentunut tähän versioon.')).toBeInTheDocument();
  });

  it.each(['/plan/versions/7', '/plan/versions/abc'])(
    'when %s does not exist for the reader, then it is not found',
    async (path) => {
      server.use(
        http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser())),
        http.get(`${base}/plan/versions/7`, () => problem(404, 'not_found')),
      );
      renderApp(`/families/${familyId}${path}`);
      expect(await screen.findByText('Versiota ei löydy.')).toBeInTheDocument();
    },
  );
});

const comparison: PlanVersionComparison = {
  from: 1,
  to: 2,
  goals: {
    added: [{ id: testId(801), title: 'Ella viihtyy päiväkodissa' }],
    removed: [],
    changed: [
      {
        id: testId(800),
        title: 'Koulunkäynti sujuu',
        fields: [
          { field: 'targetOn', before: '2027-01-15', after: '2027-03-01' },
          { field: 'status', before: 'open', after: 'partly_reached' },
          { field: 'latestProgress', before: null, after: '4' },
        ],
      },
    ],
  },
  serviceRoles: {
    added: [],
    removed: [],
    changed: [
      {
        id: testId(200),
        title: { fi: 'Perhetyö', sv: 'Familjearbete', en: 'Family work' },
        fields: [{ field: 'status', before: 'invited', after: 'accepted' }],
      },
    ],
  },
  actions: {
    added: [],
    removed: [{ id: testId(300), title: 'Kotikäynti' }],
    changed: [
      {
        id: testId(301),
        title: 'Viikkoviesti',
        fields: [{ field: 'service', before: null, after: { fi: 'Koulu', sv: 'Skola', en: 'School' } }],
      },
    ],
  },
  story: [{ field: 'situation', before: 'Aamut ovat raskaita.', after: 'Aamut sujuvat.' }],
  assessment: {
    assessedOn: { before: '2026-01-10', after: '2026-03-10' },
    ratings: [{ domain: 'housing', before: { rating: 2, notes: '' }, after: { rating: 4, notes: 'Uusi asunto' } }],
  },
};

const fieldKeys =
  /\b(targetOn|latestProgress|partly_reached|in_progress|assessedOn|attainmentLevels|serviceRole|responsibleWorker|ownerName)\b|versionsAndPrint|\bnull\b|undefined/;

describe('the differences between two versions in words', () => {
  it.each<[Language, string[]]>([
    [
      'fi',
      [
        "Uusi tavoite 'Ella viihtyy päiväkodissa'",
        "Tavoite 'Koulunkäynti sujuu' – tavoitepäivä muuttui 15.1.2027 → 1.3.2027",
        "Tavoite 'Koulunkäynti sujuu' – tilanne muuttui avoin → osittain saavutettu",
        "Tavoite 'Koulunkäynti sujuu' – viimeisin kirjaus muuttui (tyhjä) → 4",
        'Palvelu Perhetyö – tila muuttui kutsuttu → mukana',
        "Tehtävä 'Kotikäynti' poistui",
        "Tehtävä 'Viikkoviesti' – palvelu muuttui (tyhjä) → Koulu",
        'Perheen tarina – tilanne nyt muuttui',
        'Yhteisen arvioinnin päivä muuttui 10.1.2026 → 10.3.2026',
        'Arviointi, Asuminen – arvio muuttui 2/5 – Huolta → 4/5 – Melko hyvin',
        'Arviointi, Asuminen – huomiot muuttuivat',
      ],
    ],
    [
      'sv',
      [
        "Nytt mål 'Ella viihtyy päiväkodissa'",
        "Målet 'Koulunkäynti sujuu' – måldatumet ändrades 15.1.2027 → 1.3.2027",
        "Målet 'Koulunkäynti sujuu' – läget ändrades öppet → delvis uppnått",
        "Målet 'Koulunkäynti sujuu' – senaste anteckningen ändrades (tomt) → 4",
        'Tjänsten Familjearbete – status ändrades inbjuden → med',
        "Uppgiften 'Kotikäynti' togs bort",
        "Uppgiften 'Viikkoviesti' – tjänsten ändrades (tomt) → Skola",
        'Familjens berättelse – läget nu ändrades',
        'Datumet för den gemensamma bedömningen ändrades 10.1.2026 → 10.3.2026',
      ],
    ],
    [
      'en',
      [
        "New goal 'Ella viihtyy päiväkodissa'",
        "Goal 'Koulunkäynti sujuu' – target date changed 15 Jan 2027 → 1 Mar 2027",
        "Goal 'Koulunkäynti sujuu' – status changed open → partly reached",
        'Service Family work – status changed invited → taking part',
        "Task 'Viikkoviesti' – service changed (empty) → School",
        "The family's story – situation now changed",
        'The date of the joint assessment changed 10 Jan 2026 → 10 Mar 2026',
      ],
    ],
  ])(
    'when read in %s, then every change is a sentence in that language with its values formatted, never a field key',
    async (language, expected) => {
      const i18n = createI18n(language);
      await i18n.changeLanguage(language);
      const changes = wordComparison(comparison, i18n.t, language);
      const sentences = changes.map((change) => change.sentence);
      expect(sentences).toEqual(expect.arrayContaining(expected));
      expect(sentences).toHaveLength(11);
      for (const sentence of sentences) expect(sentence).not.toMatch(fieldKeys);
      expect(changes.find((change) => change.texts)?.texts).toEqual({ before: 'Aamut ovat raskaita.', after: 'Aamut sujuvat.' });
    },
  );
});

function printApi(reader: PlanReader) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role: reader }))),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    http.get(`${base}/assessments`, () => HttpResponse.json({ assessments: [buildAssessment(4)] })),
    http.get(`${base}/notes`, () =>
      HttpResponse.json({
        notes: [
          buildNote({ id: testId(701), body: 'Perheelle näkyvä kirjaus', visibility: 'family' }),
          buildNote({ id: testId(702), body: 'Vain ammattilaisille', visibility: 'professionals' }),
        ],
        nextBefore: null,
      }),
    ),
    // After the parts above: the first handler that answers wins.
    ...planPartHandlers(),
  );
}

describe('printouts', () => {
  let printed: jest.SpyInstance;
  beforeEach(() => {
    printed = jest.spyOn(window, 'print').mockImplementation(() => undefined);
  });
  afterEach(() => printed.mockRestore());

  it("when the coordinator prints the family's version, then notes for professionals are left out; marking, print date and ratings in words are there", async () => {
    printApi('coordinator');
    renderApp(`/families/${familyId}/print?version=family`);
    expect(await screen.findByText('Perheelle näkyvä kirjaus')).toBeInTheDocument();
    expect(screen.queryByText('Vain ammattilaisille')).not.toBeInTheDocument();
    expect(screen.getAllByText('SALASSA PIDETTÄVÄ')).toHaveLength(2);
    expect(screen.getAllByText(/JulkL \(621\/1999\) 24 § 1 mom\. 25 k\./)).toHaveLength(2);
    expect(screen.getAllByText(/Tulostettu \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}/).length).toBeGreaterThan(0);
    expect(screen.getByText('Yhteinen suunnitelma – Perheen versio')).toBeInTheDocument();
    expect(screen.getAllByText('4/5 – Melko hyvin')).toHaveLength(9);
    expect(printed).toHaveBeenCalledTimes(1);
  });

  it("when a worker prints the professionals' version, then the notes for professionals are there too", async () => {
    printApi('worker');
    renderApp(`/families/${familyId}/print?version=professional`);
    expect(await screen.findByText('Vain ammattilaisille')).toBeInTheDocument();
    expect(screen.getByText('Perheelle näkyvä kirjaus')).toBeInTheDocument();
    expect(screen.getByText('Yhteinen suunnitelma – Ammattilaisten versio')).toBeInTheDocument();
  });

  it.each<[PlanReader, string]>([
    ['worker', 'family'],
    ['family', 'professional'],
    ['coordinator', 'anything'],
  ])('when a %s asks for a printout they may not make (%s), then it is refused and nothing prints', async (reader, version) => {
    printApi(reader);
    renderApp(`/families/${familyId}/print?version=${version}`);
    expect(await screen.findByText('Tätä tulostetta ei voi tehdä sinun tunnuksillasi.')).toBeInTheDocument();
    expect(printed).not.toHaveBeenCalled();
  });

  it('when the coordinator opens the print button, then both printouts are offered', async () => {
    printApi('coordinator');
    const { user } = renderApp(`/families/${familyId}`);
    await user.click(await screen.findByRole('button', { name: 'Tulosta suunnitelma' }));
    await screen.findByRole('menuitem', { name: /^Perheen versio/ });
    // The menu is open; its items are read whatever their transition state.
    expect(screen.getAllByRole('menuitem', { hidden: true }).map((item) => item.getAttribute('href'))).toEqual([
      `/families/${familyId}/print?version=family`,
      `/families/${familyId}/print?version=professional`,
    ]);
  });
});
