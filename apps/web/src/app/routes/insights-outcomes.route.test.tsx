import { screen, waitFor, within } from '@testing-library/react';
import {
  assessmentDomains,
  type CostCell,
  type InsightsOutcomes,
  type OutcomeCell,
  type OutcomeGroup,
  type OutcomePeriod,
} from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { quietChartSizeWarnings } from '../../test/quiet-chart-warnings';

jest.setTimeout(60_000);

quietChartSizeWarnings();

const manager = buildCurrentUser({ id: testId(7), name: 'Päivi Kettunen', email: 'paivi@example.fi', role: 'manager' });
const shown = (value: number | null, families: number): OutcomeCell => ({ suppressed: false, value, families });
const hidden: OutcomeCell = { suppressed: true, value: null, families: null };
const cost = (costCents: number, families: number): CostCell => ({ suppressed: false, costCents, families });

const period = (year: number | null, overrides: Partial<OutcomePeriod> = {}): OutcomePeriod => ({
  year,
  wellbeing: {
    measured: shown(40, 40),
    improved: shown(22, 22),
    improvedShare: shown(55, 40),
    domains: assessmentDomains.map((domain) => ({
      domain,
      meanChange: domain === 'housing' ? hidden : shown(domain === 'safety' ? -0.25 : 0.5, 38),
    })),
  },
  goals: {
    reached: shown(30, 25),
    partlyReached: shown(12, 10),
    notReached: hidden,
    dropped: hidden,
    ended: shown(50, 32),
    attainmentRate: hidden,
    meanAttainedLevel: shown(0.4, 12),
  },
  experience: {
    answers: shown(20, 20),
    workedTogether: shown(8.25, 20),
    noRetelling: shown(7.5, 19),
    wouldRecommend: shown(8, 20),
    recommendScore: shown(35, 20),
  },
  costPerOutcome: {
    cost: cost(12_000_000, 60),
    costPerGoalReached: shown(400_000, 25),
    costPerFamilyImproved: shown(545_455, 22),
  },
  ...overrides,
});
const municipality: OutcomeGroup = {
  kind: 'municipality',
  label: { fi: 'Varkaus demo' },
  periods: [period(2025), period(null)],
};
const familyWork: OutcomeGroup = {
  kind: 'service',
  label: { fi: 'Perhetyö', en: 'Family work' },
  periods: [
    period(2025, {
      costPerOutcome: {
        cost: { suppressed: true, costCents: null, families: null },
        costPerGoalReached: hidden,
        costPerFamilyImproved: hidden,
      },
    }),
    period(null),
  ],
};
const serviceGroup = (fi: string): OutcomeGroup => ({ kind: 'service', label: { fi }, periods: [period(2025), period(null)] });
const homeHelp = serviceGroup('Kotipalvelu');
const peerGroup = serviceGroup('Vertaisryhmä');
// The first page of the services came with the answer; two more pages follow it.
const outcomes: InsightsOutcomes = {
  years: [2025],
  groups: [municipality],
  services: { groups: [familyWork], nextCursor: 'page-2', count: 3 },
};

function signedInAsManager() {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(manager)),
    http.get('/api/demo/accounts', () => problem(404, 'not_found')),
    http.get('/api/insights/outcomes', () => HttpResponse.json(outcomes)),
    http.get('/api/insights/outcomes/services', ({ request }) => {
      const query = new URL(request.url).searchParams;
      if (query.get('cursor') === 'page-2') return HttpResponse.json({ groups: [homeHelp], nextCursor: 'page-3', count: 3 });
      if (query.get('cursor') === 'page-3') return HttpResponse.json({ groups: [peerGroup], nextCursor: null, count: 3 });
      // Without a cursor, in the largest pages: the file of every service.
      if (query.get('limit') === '100')
        return HttpResponse.json({ groups: [familyWork, homeHelp, peerGroup], nextCursor: null, count: 3 });
      return problem(400, 'validation_failed');
    }),
  );
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe("the manager's outcome views", () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:csv');
  beforeEach(() => {
    createObjectURL.mockClear();
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  it('when the manager opens the outcomes tab, then the address keeps it, the method is told, and hidden figures read "alle 5"', async () => {
    signedInAsManager();
    // The cost views are the first tab; the outcomes are asked for only when opened.
    server.use(
      ...['costs', 'forecast', 'change', 'caseloads', 'historical-costs'].map((path) =>
        http.get(`/api/insights/${path}`, () => problem(500, 'internal')),
      ),
    );
    const { user, router } = renderApp('/insights');
    await user.click(await screen.findByRole('tab', { name: 'Vaikuttavuus' }));
    expect(router.state.location.search).toBe('?view=outcomes');

    expect(await screen.findByRole('heading', { name: 'Näin luvut lasketaan' })).toBeInTheDocument();
    expect(screen.getByText(/Vertailuryhmää ei ole/)).toBeInTheDocument();
    const domains = screen.getByRole('table', { name: 'Hyvinvoinnin muutos lähtötasosta: Varkaus demo' });
    expect(within(rowOf(domains, 'Asuminen')).getAllByText('alle 5')).toHaveLength(2);
    expect(within(rowOf(domains, 'Turvallisuus')).getAllByText('−0,25')).toHaveLength(2);
    expect(within(rowOf(domains, 'Arki ja päivärytmi')).getAllByText('+0,50')).toHaveLength(2);
    const improved = screen.getByRole('table', { name: 'Perheet, joiden tilanne parani: Varkaus demo' });
    expect(within(rowOf(improved, '2025')).getByText('55,0 %')).toBeInTheDocument();
    const goals = screen.getByRole('table', { name: 'Tavoitteiden saavuttaminen: Varkaus demo' });
    const thisYear = rowOf(goals, '2025');
    expect(within(thisYear).getAllByText('alle 5')).toHaveLength(3);
    expect(within(thisYear).getByText('+0,40')).toBeInTheDocument();
    const experience = screen.getByRole('table', { name: 'Asiakaskokemus: Varkaus demo' });
    expect(within(rowOf(experience, 'Kaikki vuodet')).getByText('8,25')).toBeInTheDocument();
    const costs = screen.getByRole('table', { name: 'Hinta per saavutettu tulos: Varkaus demo' });
    expect(within(rowOf(costs, '2025')).getByText('4 000,00 €')).toBeInTheDocument();
    const services = screen.getByRole('table', { name: 'Palvelut rinnakkain' });
    expect(within(rowOf(services, 'Perhetyö')).getByText('120 000,00 €')).toBeInTheDocument();
  });

  it('when the manager picks a service, then its figures show with the note that its cost is the service\'s alone, hidden costs as "alle 5"', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights?view=outcomes');
    await user.selectOptions(await screen.findByLabelText('Kenen tulokset'), 'Perhetyö');

    const costs = await screen.findByRole('table', { name: 'Hinta per saavutettu tulos: Perhetyö' });
    expect(screen.getByText(/Vain tämän palvelun kustannus/)).toBeInTheDocument();
    expect(within(rowOf(costs, '2025')).getAllByText('alle 5')).toHaveLength(3);
    // The comparison of services in 2025: Perhetyö's cost is hidden there too.
    await user.selectOptions(screen.getByLabelText('Vuosi'), '2025');
    const services = screen.getByRole('table', { name: 'Palvelut rinnakkain' });
    expect(within(rowOf(services, 'Perhetyö')).getAllByText('alle 5').length).toBeGreaterThanOrEqual(3);
  });

  it('when the manager downloads goal attainment as CSV, then the file holds the same figures, a hidden one as "alle 5"', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights?view=outcomes');
    await user.click(await screen.findByRole('button', { name: 'Lataa CSV: Tavoitteiden saavuttaminen: Varkaus demo' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const lines = (await createObjectURL.mock.calls[0]![0].text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Vuosi,Saavutettu,Osittain saavutettu,Ei saavutettu,Luovuttu,Päättyneet yhteensä,Saavutusaste,Keskim. taso (−2…+2)',
    );
    expect(lines[1]).toBe('2025,30,12,alle 5,alle 5,50,alle 5,0.4');
    expect(lines[2]).toMatch(/^Kaikki vuodet,30,/);
  });

  it('when the manager asks for more services, then each next page is added below the first with the count of all, and the new services can be picked', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights?view=outcomes');
    const services = await screen.findByRole('table', { name: 'Palvelut rinnakkain' });
    expect(
      within(services)
        .getAllByRole('rowheader')
        .map((row) => row.textContent),
    ).toEqual(['Perhetyö']);
    expect(screen.getByText(/^Näkyvissä 1 \/ 3 palvelua/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Näytä lisää palveluja' }));
    expect(await within(services).findByRole('rowheader', { name: 'Kotipalvelu' })).toBeInTheDocument();
    expect(screen.getByText(/^Näkyvissä 2 \/ 3 palvelua/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Näytä lisää palveluja' }));
    expect(await within(services).findByRole('rowheader', { name: 'Vertaisryhmä' })).toBeInTheDocument();
    expect(screen.getByText(/^Näkyvissä 3 \/ 3 palvelua/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Näytä lisää palveluja' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Kenen tulokset'), 'Vertaisryhmä');
    expect(await screen.findByRole('table', { name: 'Hinta per saavutettu tulos: Vertaisryhmä' })).toBeInTheDocument();
  });

  it('when the manager downloads the services side by side with only the first page shown, then the file holds every service', async () => {
    signedInAsManager();
    const { user } = renderApp('/insights?view=outcomes');
    await user.click(await screen.findByRole('button', { name: 'Lataa CSV: Palvelut rinnakkain' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const lines = (await createObjectURL.mock.calls[0]![0].text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.slice(1).map((line: string) => line.split(',')[0])).toEqual(['Perhetyö', 'Kotipalvelu', 'Vertaisryhmä']);
  });

  it('when read in Swedish or English, then every outcome text has its translation', () => {
    const keysOf = (section: object, prefix = ''): string[] =>
      Object.entries(section).flatMap(([key, value]) =>
        typeof value === 'object' ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    const finnish = keysOf(fi.outcomes);
    expect(finnish.length).toBeGreaterThan(50);
    expect(keysOf(sv.outcomes)).toEqual(finnish);
    expect(keysOf(en.outcomes)).toEqual(finnish);
  });
});
