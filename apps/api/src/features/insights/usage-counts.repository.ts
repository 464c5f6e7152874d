import type { CostPerFamily, LocalizedText } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import { unitCostOfUsage } from '../service-usage';
import type { CountedCohort } from './change-figures';
import { spreadOfFamilies, type CountedFigure, type CountedUsage } from './cost-figures';
import type { CountedProgramUsage } from './program-groups';

/**
 * Every usage row of every family, priced by its service's price period with the latest start on or
 * before the day used (none: no cost), with its provider (the service's organisation), its family's
 * municipality (the coordinator's organisation) and its month and year. The price is looked up once
 * per service and day (a lateral subquery the planner memoizes), not once per row.
 */
const pricedUsage = sql`
  select u.family_id, u.service_id, s.organisation_id, c.organisation_id as municipality_id, u.used_on, u.period,
    date_trunc('month', u.used_on)::date as month, extract(year from u.used_on)::int as year,
    round(u.units * p.unit_cost_cents)::bigint as cost_cents
  from service_usage u
  join services s on s.id = u.service_id
  join families f on f.id = u.family_id
  left join accounts c on c.id = f.coordinator_id
  -- offset 0 keeps the price a subquery of its own, which the planner memoizes by service and day.
  cross join lateral (select ${unitCostOfUsage('u')} as unit_cost_cents offset 0) p`;

/** What one group of usage rows (a service's in a month, of the families of a municipality) adds to the figures. */
interface UsageGroup {
  service_id: string;
  organisation_id: string;
  municipality_id: string | null;
  month: string;
  /** Of the rows, how many are their family's first in the service's month, year and in all; in the provider's month and year; in the month, the year and in all. */
  service_month: number;
  service_year: number;
  service_all: number;
  organisation_month: number;
  organisation_year: number;
  family_month: number;
  family_year: number;
  family_all: number;
  cost_cents: string;
  first_used_on: string;
}

/**
 * A cross-family read, on purpose, of counts only: every figure the cost tables can show (each
 * service, provider and municipality by month, year and in all, and all of them together), with the
 * families it is drawn from and what it cost. No usage row leaves the database: a family counts once
 * in a figure however many of its rows the figure adds up, so the rows are ordered by family and
 * service (provider, nothing) and day, and a row is marked when the row before it (`lag`) is of
 * another family, service or month: the first of its family in a figure. The marks and costs are
 * added up by service, month and municipality; a figure is the sum of the groups it covers.
 * The cost per family is left to `countCostPerFamily`: only the cost view shows it, of one year.
 */
export async function countUsageOfAllFamilies(db: Queryable): Promise<CountedUsage> {
  // A plan's compilation costs more than it saves here, and the one grouping by service, month and
  // municipality fits in memory, not in the default 4 MB. Both are set for this transaction only.
  await db.execute(sql`set local jit = off`);
  await db.execute(sql`set local work_mem = '64MB'`);
  const groups = await queryRows<UsageGroup>(
    db,
    sql`with by_service as (
        -- The order of service_usage_family_service_idx: read in it, this order needs no sort.
        select *, lag(family_id) over w as before_family, lag(service_id) over w as before_service,
          lag(used_on) over w as before_day
        from (${pricedUsage}) priced window w as (order by family_id, service_id, used_on)),
      by_organisation as (
        select *, lag(family_id) over w as organisation_family, lag(organisation_id) over w as before_organisation,
          lag(used_on) over w as organisation_day
        from by_service window w as (order by family_id, organisation_id, used_on)),
      marked as (
        select *,
          before_family is distinct from family_id or before_service is distinct from service_id as new_service,
          organisation_family is distinct from family_id or before_organisation is distinct from organisation_id
            as new_organisation,
          lag(family_id) over w is distinct from family_id as new_family, lag(used_on) over w as family_day
        from by_organisation window w as (order by family_id, used_on))
      select service_id, organisation_id, municipality_id, to_char(month, 'YYYY-MM') as month,
        count(*) filter (where new_service or date_trunc('month', before_day) <> month)::int as service_month,
        count(*) filter (where new_service or extract(year from before_day) <> year)::int as service_year,
        count(*) filter (where new_service)::int as service_all,
        count(*) filter (where new_organisation or date_trunc('month', organisation_day) <> month)::int as organisation_month,
        count(*) filter (where new_organisation or extract(year from organisation_day) <> year)::int as organisation_year,
        count(*) filter (where new_family or date_trunc('month', family_day) <> month)::int as family_month,
        count(*) filter (where new_family or extract(year from family_day) <> year)::int as family_year,
        count(*) filter (where new_family)::int as family_all,
        sum(cost_cents)::text as cost_cents, to_char(min(used_on), 'YYYY-MM-DD') as first_used_on
      from marked group by service_id, organisation_id, municipality_id, month`,
  );
  const figures = new Map<string, CountedFigure>();
  const add = (name: string, families: number, group: UsageGroup) => {
    const value = Number(group.cost_cents);
    const firstSeen = `${group.first_used_on}${group.service_id}`;
    const figure = figures.get(name);
    if (!figure) figures.set(name, { families, value, firstSeen });
    else {
      figure.families += families;
      figure.value += value;
      if (firstSeen < figure.firstSeen) figure.firstSeen = firstSeen;
    }
  };
  for (const group of groups) {
    const [month, year] = [`month:${group.month}`, `year:${group.month.slice(0, 4)}`];
    const [service, organisation] = [`service:${group.service_id}`, `organisation:${group.organisation_id}`];
    const municipality = `municipality:${group.municipality_id ?? 'none'}`;
    add(`${service}|${month}`, group.service_month, group);
    add(`${service}|${year}`, group.service_year, group);
    add(`${service}|all`, group.service_all, group);
    add(`${organisation}|${month}`, group.organisation_month, group);
    add(`${organisation}|${year}`, group.organisation_year, group);
    add(`${municipality}|${year}`, group.family_year, group);
    add(`${municipality}|all`, group.family_all, group);
    add(`all|${month}`, group.family_month, group);
    add(`all|${year}`, group.family_year, group);
    add('all|all', group.family_all, group);
  }
  const years = [...new Set(groups.map((group) => Number(group.month.slice(0, 4))))].sort((a, b) => a - b);
  return { years, labels: await listRowLabels(db), figures };
}

/** The label of every row a cost table can have: each service, provider and municipality, and the families without one. */
async function listRowLabels(db: Queryable): Promise<Map<string, LocalizedText>> {
  const rows = await queryRows<{ row: string; label: LocalizedText }>(
    db,
    sql`select 'service:' || id as row, name as label from services
      union all select kind || id, jsonb_build_object('fi', name) from organisations, unnest(array['organisation:', 'municipality:']) kind
      union all select 'municipality:none', jsonb_build_object('fi', '')`,
  );
  return new Map(rows.map((row) => [row.row, row.label]));
}

/** The quartiles of what each family with usage in the year cost in total, as `quartiles` takes them. */
export async function countCostPerFamily(db: Queryable, year: number): Promise<CostPerFamily> {
  const [row] = await queryRows<{ families: number; quartiles: number[] | null }>(
    db,
    sql`select count(*)::int as families,
        percentile_cont(array[0.25, 0.5, 0.75]) within group (order by total_cents) as quartiles
      from (select family_id, sum(cost_cents)::float8 as total_cents from (${pricedUsage}) priced
        where used_on >= make_date(${year}::int, 1, 1) and used_on < make_date(${year}::int + 1, 1, 1) group by family_id) totals`,
  );
  return spreadOfFamilies(row!.families, () => {
    const [lower, median, upper] = row!.quartiles!.map(Math.round) as [number, number, number];
    return { lower, median, upper };
  });
}

/** The month a family's case opened, in Finland. */
const openedIn = sql`date_trunc('month', f.created_at at time zone 'Europe/Helsinki')::date`;

/** A cross-family read, on purpose, of counts only: the cohort of `opened` and its usage in its first two case years. */
export async function countCohortUsage(db: Queryable, opened: number): Promise<CountedCohort> {
  const cohort = sql`select f.id as family_id, ${openedIn} as opened_in from families f
    where f.created_at at time zone 'Europe/Helsinki' >= make_date(${opened}::int, 1, 1)
      and f.created_at at time zone 'Europe/Helsinki' < make_date(${opened}::int + 1, 1, 1)`;
  const [size] = await queryRows<{ families: number }>(db, sql`select count(*)::int as families from (${cohort}) cohort`);
  const rows = await queryRows<{
    service_id: string | null;
    label: LocalizedText | null;
    case_year: number;
    families: number;
    cost_cents: string;
    first_seen: string;
  }>(
    db,
    sql`with in_case_years as (
        select u.family_id, u.service_id, u.used_on, u.cost_cents,
          ((extract(year from u.used_on) - extract(year from c.opened_in)) * 12
            + extract(month from u.used_on) - extract(month from c.opened_in))::int / 12 as case_year
        from (${pricedUsage}) u join (${cohort}) c using (family_id)
        where u.used_on >= c.opened_in and u.used_on < c.opened_in + interval '24 months')
      select service_id, s.name as label, case_year, count(distinct family_id)::int as families, sum(cost_cents)::text as cost_cents,
        min(to_char(used_on, 'YYYY-MM-DD') || service_id::text collate "C") as first_seen
      from in_case_years left join services s on s.id = service_id
      group by grouping sets ((service_id, s.name, case_year), (case_year))`,
  );
  const services = new Map<string, CountedCohort['services'][number]>();
  for (const row of rows) {
    const known = services.get(row.service_id ?? '');
    if (row.service_id !== null && (!known || row.first_seen < known.firstSeen))
      services.set(row.service_id, { id: row.service_id, label: row.label!, firstSeen: row.first_seen });
  }
  return {
    opened,
    families: size!.families,
    services: [...services.values()],
    figures: new Map(
      rows.map((row) => [
        `${row.service_id ?? 'all'}|${row.case_year}`,
        { families: row.families, value: Number(row.cost_cents) },
      ]),
    ),
  };
}

/** A cross-family read, on purpose: the last month a case opened in, in Finland, of each year. */
export async function listLastCaseOpenings(db: Queryable): Promise<{ openedIn: string }[]> {
  return queryRows<{ openedIn: string }>(
    db,
    sql`select to_char(max(${openedIn}), 'YYYY-MM') as "openedIn" from families f group by extract(year from ${openedIn})`,
  );
}

/**
 * A cross-family read, on purpose, of counts only: for each programme of the organisation, by year
 * and in every year, what its families' usage cost while enrolled (a month's usage when the month
 * overlaps the enrolment) and from how many families, and how many families had usage outside it.
 */
export async function countProgramUsage(db: Queryable, organisationId: string): Promise<CountedProgramUsage> {
  const rows = await queryRows<{
    program_id: string;
    year: number | null;
    families: number;
    cost_cents: string | null;
    families_outside: number;
  }>(
    db,
    sql`with spans as (
        select e.program_id, e.family_id, e.enrolled_on, e.ended_on
        from program_enrolments e join programs p on p.id = e.program_id
        where p.organisation_id = ${organisationId} and e.end_reason is distinct from 'consent_withdrawn'),
      placed as (
        select sp.program_id, u.family_id, u.year, u.cost_cents,
          exists (select 1 from spans s where s.program_id = sp.program_id and s.family_id = u.family_id
            and s.enrolled_on <= case when u.period = 'day' then u.used_on else (u.month + interval '1 month - 1 day')::date end
            and (s.ended_on is null or s.ended_on >= u.used_on)) as enrolled
        from (${pricedUsage}) u cross join (select distinct program_id from spans) sp)
      select program_id, year, count(distinct family_id) filter (where enrolled)::int as families,
        sum(cost_cents) filter (where enrolled)::text as cost_cents,
        count(distinct family_id) filter (where not enrolled)::int as families_outside
      from placed group by grouping sets ((program_id, year), (program_id))`,
  );
  const counted: CountedProgramUsage = new Map();
  for (const row of rows) {
    const periods = counted.get(row.program_id) ?? new Map();
    periods.set(row.year, { families: row.families, value: Number(row.cost_cents ?? 0), familiesOutside: row.families_outside });
    counted.set(row.program_id, periods);
  }
  return counted;
}

/**
 * A cross-family read, on purpose: which services each family used in each year, of the families
 * with an outcome that year (a wellbeing meter, a goal ended, an answer): a service's outcome
 * figures count a family's outcome of a year when it used the service that year, and only those
 * families can have one.
 */
export async function listServiceYearsOfFamiliesWithOutcomes(
  db: Queryable,
): Promise<{ serviceId: string; familyId: string; year: number }[]> {
  return queryRows<{ serviceId: string; familyId: string; year: number }>(
    db,
    sql`with outcome_years as (
        select family_id, extract(year from taken_on)::int as year from measurements
        union select family_id, extract(year from ended_on)::int from goals where status <> 'open'
        union select family_id, extract(year from answered_at at time zone 'Europe/Helsinki')::int
          from feedback_requests where answered_at is not null)
      select distinct u.service_id as "serviceId", u.family_id as "familyId", extract(year from u.used_on)::int as year
      from service_usage u join outcome_years o on o.family_id = u.family_id and o.year = extract(year from u.used_on)::int`,
  );
}
