import {
  DEFAULT_PAGE_SIZE,
  MIN_FAMILIES_PER_FIGURE,
  type CostCell,
  type InsightsOutcomes,
  type LocalizedText,
  type OutcomeGroup,
  type OutcomeServicePage,
  type OutcomeServicePageQuery,
} from '@yhdessa/shared';
import type { Queryable } from '../../db/database';
import { pageOfKeptList } from '../../http/cursor';
import type { CountedUsage, KeyedCostTable } from './cost-figures';
import { listEnrolmentSpansOfAllFamilies } from '../programs';
import { publishCostTables } from './insights.service';
import { buildOutcomeGroup, indexOutcomes, type OutcomeGroupSource } from './outcome-figures';
import {
  listExperienceAnswersOfAllFamilies,
  listGoalEndingsOfAllFamilies,
  listMunicipalitiesOfAllFamilies,
  listWellbeingChangesOfAllFamilies,
} from './outcomes.repository';
import { programGroups } from './program-groups';
import { countProgramUsage, listServiceYearsOfFamiliesWithOutcomes } from './usage-counts.repository';

const noCost: CostCell = { suppressed: false, costCents: 0, families: 0 };

/** A row's cost in a year (null: every year) as a published cost table shows it; none when it has no such row or year. */
const rowIndexes = new WeakMap<KeyedCostTable, Map<string, number>>();
const costIn =
  (keyed: KeyedCostTable, key: string) =>
  (year: number | null): CostCell => {
    const { table, rowKeys } = keyed;
    let indexes = rowIndexes.get(keyed);
    if (!indexes) rowIndexes.set(keyed, (indexes = new Map(rowKeys.map((rowKey, index) => [rowKey, index]))));
    const row = table.rows[indexes.get(key) ?? -1];
    if (!row) return noCost;
    if (year === null) return row.total;
    const column = table.columns.indexOf(String(year));
    return column < 0 ? noCost : row.cells[column]!;
  };

const finnish = new Intl.Collator('fi');
const byFinnishName = (a: { label: LocalizedText }, b: { label: LocalizedText }) => finnish.compare(a.label.fi, b.label.fi);

/** The outcome figures as kept per API instance: the services in page order, each with the id a cursor names. */
export interface OutcomeFigures {
  years: number[];
  /** Municipalities, then programmes. */
  groups: OutcomeGroup[];
  services: { id: string; group: OutcomeGroup }[];
  /** Each service's place in `services`. */
  serviceAt: Map<string, number>;
}

const SERVICE_ORDER = 'outcomes:services';

/**
 * What the families' cases came to, per municipality, programme (the organisation's) and service, in each year and in all:
 * wellbeing change, goal endings, experience, and the cost per outcome reached. Costs are the
 * cells of the published cost tables (with what they hide hidden), so no view gives away another's.
 * `organisationId`: the manager's, whose programmes are grouped; none without one.
 */
export async function computeOutcomes(
  db: Queryable,
  organisationId: string | null,
  counted: CountedUsage,
): Promise<OutcomeFigures> {
  const outcomes = indexOutcomes({
    changes: await listWellbeingChangesOfAllFamilies(db),
    endings: await listGoalEndingsOfAllFamilies(db),
    answers: await listExperienceAnswersOfAllFamilies(db),
  });
  const municipalityOf = new Map(
    (await listMunicipalitiesOfAllFamilies(db)).map(({ familyId, municipality }) => [familyId, municipality]),
  );
  const { years: usageYears, byServiceYear, byMunicipalityYear } = publishCostTables(counted);
  const years = [
    ...new Set([
      ...usageYears,
      ...outcomes.changes.map((change) => change.year),
      ...outcomes.endings.map((ending) => Number(ending.endedOn.slice(0, 4))),
      ...outcomes.answers.map((answer) => Number(answer.answeredOn.slice(0, 4))),
    ]),
  ].sort((a, b) => a - b);

  // Municipalities with the most families first: the one a manager most likely means opens first.
  const municipalities = new Map<string, { id: string; name: string; families: number }>();
  for (const { id, name } of municipalityOf.values())
    municipalities.set(id, { id, name, families: (municipalities.get(id)?.families ?? 0) + 1 });
  const municipalityGroups = [...municipalities.values()]
    .sort((a, b) => b.families - a.families || a.name.localeCompare(b.name, 'fi'))
    .map((municipality): OutcomeGroupSource => ({
      kind: 'municipality',
      label: { fi: municipality.name },
      includes: (familyId) => municipalityOf.get(familyId)?.id === municipality.id,
      costOf: costIn(byMunicipalityYear, municipality.id),
    }));
  // A family is in a service's group in the years it used the service: of those with an outcome, the ones that can count.
  const used = new Set<string>();
  const usersOf = new Map<string, Set<string>>();
  for (const { serviceId, familyId, year } of await listServiceYearsOfFamiliesWithOutcomes(db)) {
    used.add(`${serviceId}|${familyId}|${year}`);
    let users = usersOf.get(serviceId);
    if (!users) usersOf.set(serviceId, (users = new Set()));
    users.add(familyId);
  }
  // The services most families used first. A count too small to show counts as none, so the
  // order tells nothing of how small: those services go by name.
  const servedBy = (id: string) => {
    const served = counted.figures.get(`service:${id}|all`)?.families ?? 0;
    return served < MIN_FAMILIES_PER_FIGURE ? 0 : served;
  };
  const serviceOrder = [...counted.labels]
    .filter(([row]) => row.startsWith('service:') && counted.figures.has(`${row}|all`))
    .map(([row, label]) => {
      const id = row.slice('service:'.length);
      return { id, label, served: servedBy(id) };
    })
    .sort((a, b) => b.served - a.served || byFinnishName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const serviceGroups = serviceOrder.map(({ id, label }) => ({
    id,
    group: buildOutcomeGroup(
      {
        kind: 'service',
        label,
        includes: (familyId, year) => used.has(`${id}|${familyId}|${year}`),
        candidates: usersOf.get(id) ?? new Set(),
        costOf: costIn(byServiceYear, id),
      },
      years,
      outcomes,
    ),
  }));
  const spans = organisationId ? await listEnrolmentSpansOfAllFamilies(organisationId, db) : [];
  const programUsage = spans.length > 0 ? await countProgramUsage(db, organisationId!) : new Map();
  return {
    years,
    groups: [...municipalityGroups, ...programGroups(spans, programUsage, years)].map((group) =>
      buildOutcomeGroup(group, years, outcomes),
    ),
    services: serviceGroups,
    serviceAt: new Map(serviceGroups.map(({ id }, index) => [id, index])),
  };
}

/** A page of the service groups, after the cursor's service in their order as it is now; a stale or foreign cursor answers 400. */
export function pageOfServices(figures: OutcomeFigures, query: OutcomeServicePageQuery): OutcomeServicePage {
  const { items, nextCursor, count } = pageOfKeptList(
    {
      items: figures.services,
      order: SERVICE_ORDER,
      keyOf: (service) => service.id,
      placeOf: (id) => figures.serviceAt.get(id),
    },
    query,
  );
  return { groups: items.map((item) => item.group), nextCursor, count };
}

/** The answer of `/insights/outcomes`: every municipality and programme, and the first page of the services. */
export function presentOutcomes(figures: OutcomeFigures): InsightsOutcomes {
  return {
    years: figures.years,
    groups: figures.groups,
    services: pageOfServices(figures, { limit: DEFAULT_PAGE_SIZE }),
  };
}
