import { WELLBEING_FOLLOW_UP_DAYS, WELLBEING_IMPROVED_DOMAINS } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import type { ExperienceAnswer, GoalEnding, WellbeingChange } from './outcome-figures';

/**
 * Cross-family reads, on purpose: what every family's case came to. Each returns rows with the
 * family's id, which never leaves the feature: only the figures built from them do.
 */

/**
 * Each family's wellbeing change, worked out in the database (its test compares it with the meters
 * worked out row by row in test/insights-reference.ts): of each member, the first meter and the
 * latest (by day, then by when recorded) at least 90 days after it; of the family, the member whose
 * first meter is earliest (then the smaller id); the change in each domain answered in both.
 */
export async function listWellbeingChangesOfAllFamilies(db: Queryable): Promise<WellbeingChange[]> {
  return queryRows<WellbeingChange>(
    db,
    sql`with ends as (
        select distinct family_id, member_id, first_value(id) over w as baseline_id, first_value(taken_on) over w as baseline_on,
          last_value(id) over w as latest_id, last_value(taken_on) over w as latest_on
        from measurements
        window w as (partition by family_id, member_id order by taken_on, created_at
          rows between unbounded preceding and unbounded following)),
      pairs as (
        select distinct on (family_id) family_id, baseline_id, latest_id, latest_on from ends
        where latest_on - baseline_on >= ${WELLBEING_FOLLOW_UP_DAYS}
        order by family_id, baseline_on, member_id)
      select p.family_id as "familyId", extract(year from p.latest_on)::int as year,
        coalesce(jsonb_object_agg(b.domain, l.score - b.score) filter (where b.domain is not null), '{}'::jsonb) as changes,
        count(*) filter (where l.score - b.score >= 1) >= ${WELLBEING_IMPROVED_DOMAINS} as improved
      from pairs p
        left join (measurement_scores b join measurement_scores l on l.domain = b.domain)
          on b.measurement_id = p.baseline_id and l.measurement_id = p.latest_id
      group by p.family_id, p.latest_on`,
  );
}

/** Every goal of every family that has ended, however it ended. */
export async function listGoalEndingsOfAllFamilies(db: Queryable): Promise<GoalEnding[]> {
  const rows = await queryRows<{
    family_id: string;
    status: GoalEnding['status'];
    ended_on: string;
    attained_level: number | null;
  }>(
    db,
    sql`select family_id, status, to_char(ended_on, 'YYYY-MM-DD') as ended_on, attained_level
        from goals where status <> 'open'`,
  );
  return rows.map((row) => ({
    familyId: row.family_id,
    status: row.status,
    endedOn: row.ended_on,
    attainedLevel: row.attained_level,
  }));
}

/**
 * Every answered experience question of every family, on the day answered in Finland. The
 * family's words are not read: no figure uses them.
 */
export async function listExperienceAnswersOfAllFamilies(db: Queryable): Promise<ExperienceAnswer[]> {
  const rows = await queryRows<{
    family_id: string;
    answered_on: string;
    worked_together: number | null;
    no_retelling: number | null;
    would_recommend: number | null;
  }>(
    db,
    sql`select family_id, to_char(answered_at at time zone 'Europe/Helsinki', 'YYYY-MM-DD') as answered_on,
          worked_together, no_retelling, would_recommend
        from feedback_requests where answered_at is not null`,
  );
  return rows.map((row) => ({
    familyId: row.family_id,
    answeredOn: row.answered_on,
    workedTogether: row.worked_together,
    noRetelling: row.no_retelling,
    wouldRecommend: row.would_recommend,
  }));
}

/** The municipality of every family whose coordinator belongs to an organisation: that organisation. */
export async function listMunicipalitiesOfAllFamilies(
  db: Queryable,
): Promise<{ familyId: string; municipality: { id: string; name: string } }[]> {
  const rows = await queryRows<{ family_id: string; organisation_id: string; organisation_name: string }>(
    db,
    sql`select f.id as family_id, o.id as organisation_id, o.name as organisation_name
        from families f join accounts a on a.id = f.coordinator_id join organisations o on o.id = a.organisation_id`,
  );
  return rows.map((row) => ({ familyId: row.family_id, municipality: { id: row.organisation_id, name: row.organisation_name } }));
}
