import type { AssessmentDomain } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/database';
import type { ExperienceAnswer, GoalEnding, WellbeingMeter } from './outcome-figures';

/**
 * Cross-family reads, on purpose: what every family's case came to. Each returns rows with the
 * family's id, which never leaves the feature: only the figures built from them do.
 */

/** Every wellbeing meter of every family with its domain scores, oldest first. */
export async function listWellbeingMetersOfAllFamilies(db: Queryable): Promise<WellbeingMeter[]> {
  const rows = await queryRows<{
    family_id: string;
    member_id: string;
    taken_on: string;
    scores: Partial<Record<AssessmentDomain, number>>;
  }>(
    db,
    sql`select m.family_id, m.member_id, to_char(m.taken_on, 'YYYY-MM-DD') as taken_on,
          coalesce(jsonb_object_agg(s.domain, s.score) filter (where s.domain is not null), '{}'::jsonb) as scores
        from measurements m left join measurement_scores s on s.measurement_id = m.id
        group by m.id order by m.taken_on, m.created_at`,
  );
  return rows.map((row) => ({ familyId: row.family_id, memberId: row.member_id, takenOn: row.taken_on, scores: row.scores }));
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
