import type { CatalogueService, Program, ProgramReport } from '@yhdessa/shared';
import { buildCatalogueService, testId } from './fixtures';

export const programId = testId(500);
export const varkaus = { id: testId(510), name: 'Varkaus' };
export const leppavirta = { id: testId(511), name: 'Leppävirta' };
export const placementId = testId(530);

export const catalogue: CatalogueService[] = [
  buildCatalogueService(),
  buildCatalogueService({
    id: placementId,
    name: { fi: 'Sijaishuolto', sv: 'Vårdplacering', en: 'Substitute care' },
    category: 'child-protection',
    unit: 'day',
  }),
];

/** "Kotona yhdessä": two payers and two metrics, no family enrolled yet, the manager's to edit. */
export function buildProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: programId,
    name: 'Kotona yhdessä',
    provider: 'SOS-Lapsikylä',
    description: 'Tehostettu perhetyö kotona asumisen tueksi.',
    targetGroup: { description: 'Perheet, joiden lapsella on sijoituksen riski', childAgeMin: 0, childAgeMax: 12 },
    startsOn: '2025-01-01',
    endsOn: '2028-12-31',
    payers: [varkaus, leppavirta],
    metrics: [
      {
        id: testId(520),
        name: 'Kotona asuminen',
        definition: { kind: 'lives_at_home', months: 12, placementServiceIds: [placementId] },
        baselineRate: 60,
        targetRate: 75,
        paymentCents: 1_500_000,
      },
      {
        id: testId(521),
        name: 'Hyvinvointi',
        definition: { kind: 'wellbeing_improved', months: 6, steps: 1, domains: 3 },
        baselineRate: 30,
        targetRate: 40,
        paymentCents: 200_000,
      },
    ],
    enrolledNow: 7,
    enrolledEver: 9,
    version: 2,
    can: { edit: true, changeMetrics: true },
    ...overrides,
  };
}

const figures = (reached: number, missed: number, paymentDueCents: number) => ({
  reached,
  missed,
  rate: reached + missed === 0 ? null : Math.round((reached / (reached + missed)) * 1000) / 10,
  paymentDueCents,
});

/** The first quarter of 2026: the first metric meets its target, the second falls short. */
export function buildReport(program = buildProgram(), period = { from: '2026-01-01', to: '2026-03-31' }): ProgramReport {
  const [home, wellbeing] = program.metrics;
  return {
    program,
    ...period,
    metrics: [
      {
        metricId: home!.id,
        total: figures(3, 1, 4_500_000),
        byPayer: [
          { payerId: varkaus.id, figures: figures(2, 1, 3_000_000) },
          { payerId: leppavirta.id, figures: figures(1, 0, 1_500_000) },
        ],
      },
      {
        metricId: wellbeing!.id,
        total: figures(1, 3, 200_000),
        byPayer: [
          { payerId: varkaus.id, figures: figures(1, 2, 200_000) },
          { payerId: leppavirta.id, figures: figures(0, 1, 0) },
        ],
      },
    ],
    payers: [
      { payerId: varkaus.id, enrolledAtEnd: 5, paymentDueCents: 3_200_000 },
      { payerId: leppavirta.id, enrolledAtEnd: 2, paymentDueCents: 1_500_000 },
    ],
    enrolledAtEnd: 7,
    paymentDueCents: 4_700_000,
    costCents: 12_345_600,
    costPerOutcomeCents: 3_086_400,
    generatedAt: '2026-04-02T09:30:00.000Z',
  };
}

/** The same programme in a period when nothing was decided. */
export function buildEmptyReport(program = buildProgram()): ProgramReport {
  const report = buildReport(program);
  const none = figures(0, 0, 0);
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({
      ...metric,
      total: none,
      byPayer: metric.byPayer.map((line) => ({ ...line, figures: none })),
    })),
    payers: report.payers.map((payer) => ({ ...payer, paymentDueCents: 0 })),
    paymentDueCents: 0,
    costPerOutcomeCents: null,
  };
}
