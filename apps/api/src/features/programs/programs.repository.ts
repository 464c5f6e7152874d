import type {
  AssessmentDomain,
  EnrolmentEndReason,
  NewProgramMetric,
  ProgramMetricDefinition,
  ProgramTargetGroup,
} from '@yhdessa/shared';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { municipalityToday } from '../../core/clock';
import { queryRows, type Queryable } from '../../db/database';
import { familyMembers } from '../../db/tables/families';
import { programEnrolments, programMetrics, programPayers, programs } from '../../db/tables/programs';
import { services } from '../../db/tables/services';
import { unitCostOfUsage } from '../service-usage';
import type { EnrolmentFacts } from './program-outcomes';

// Programmes

export interface ProgramFields {
  name: string;
  provider: string;
  description: string;
  targetGroup: ProgramTargetGroup;
  startsOn: string;
  endsOn: string;
}

export interface StoredProgram extends ProgramFields {
  id: string;
  version: number;
  payers: Array<{ id: string; name: string }>;
  metrics: Array<NewProgramMetric & { id: string }>;
  /** Not counting families whose consent was withdrawn. */
  enrolledNow: number;
  enrolledEver: number;
  /** Any family was ever enrolled, consent withdrawn or not: the metrics are then part of a contract in force. */
  anyEnrolment: boolean;
}

const notWithdrawn = sql`${programEnrolments.endReason} is distinct from 'consent_withdrawn'`;

/** The organisation's programmes, or one of them, with payers, metrics and how many families are in. */
export async function listPrograms(organisationId: string, db: Queryable, onlyId?: string): Promise<StoredProgram[]> {
  const heads = await db
    .select()
    .from(programs)
    .where(and(eq(programs.organisationId, organisationId), onlyId ? eq(programs.id, onlyId) : undefined))
    .orderBy(asc(programs.startsOn), asc(programs.name), asc(programs.id));
  if (heads.length === 0) return [];
  const ids = heads.map((head) => head.id);
  const payers = await db
    .select()
    .from(programPayers)
    .where(inArray(programPayers.programId, ids))
    .orderBy(asc(programPayers.position));
  const metrics = await db
    .select()
    .from(programMetrics)
    .where(inArray(programMetrics.programId, ids))
    .orderBy(asc(programMetrics.position));
  const counts = await db
    .select({
      programId: programEnrolments.programId,
      now: sql<number>`(count(*) filter (where ${notWithdrawn} and (${programEnrolments.endedOn} is null or ${programEnrolments.endedOn} > ${municipalityToday})))::int`,
      ever: sql<number>`(count(*) filter (where ${notWithdrawn}))::int`,
      any: sql<number>`count(*)::int`,
    })
    .from(programEnrolments)
    .where(inArray(programEnrolments.programId, ids))
    .groupBy(programEnrolments.programId);
  return heads.map((head) => {
    const count = counts.find((row) => row.programId === head.id);
    return {
      id: head.id,
      name: head.name,
      provider: head.provider,
      description: head.description,
      targetGroup: head.targetGroup,
      startsOn: head.startsOn,
      endsOn: head.endsOn,
      version: head.version,
      payers: payers.filter((payer) => payer.programId === head.id).map(({ id, name }) => ({ id, name })),
      metrics: metrics
        .filter((metric) => metric.programId === head.id)
        .map(({ id, name, definition, baselineRate, targetRate, paymentCents }) => ({
          id,
          name,
          definition,
          baselineRate,
          targetRate,
          paymentCents,
        })),
      enrolledNow: count?.now ?? 0,
      enrolledEver: count?.ever ?? 0,
      anyEnrolment: (count?.any ?? 0) > 0,
    };
  });
}

export async function findProgram(organisationId: string, programId: string, db: Queryable): Promise<StoredProgram | null> {
  const [program] = await listPrograms(organisationId, db, programId);
  return program ?? null;
}

export async function insertProgram(
  values: ProgramFields & { organisationId: string; createdBy: string },
  db: Queryable,
): Promise<{ id: string }> {
  const [row] = await db.insert(programs).values(values).returning({ id: programs.id });
  return row!;
}

/** Adds payers after the existing ones, in the order given. */
export async function insertPayers(programId: string, names: readonly string[], db: Queryable): Promise<void> {
  if (names.length === 0) return;
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${programPayers.position}), -1)::int` })
    .from(programPayers)
    .where(eq(programPayers.programId, programId));
  await db.insert(programPayers).values(names.map((name, index) => ({ programId, name, position: last!.position + 1 + index })));
}

/** Sets the metrics; only while no family was ever enrolled, so no outcome has been counted against the old ones. */
export async function replaceMetrics(programId: string, metrics: readonly NewProgramMetric[], db: Queryable): Promise<void> {
  await db.delete(programMetrics).where(eq(programMetrics.programId, programId));
  await db.insert(programMetrics).values(metrics.map((metric, position) => ({ programId, position, ...metric })));
}

/** Changes the programme if it is still at `basedOnVersion`; null when it is not. */
export async function updateProgramAt(programId: string, basedOnVersion: number, fields: ProgramFields, db: Queryable) {
  const [row] = await db
    .update(programs)
    .set({ ...fields, version: sql`${programs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programs.id, programId), eq(programs.version, basedOnVersion)))
    .returning({ id: programs.id, version: programs.version });
  return row ?? null;
}

/** Which of the ids are services in the catalogue. */
export async function findExistingServiceIds(ids: readonly string[], db: Queryable): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .where(inArray(services.id, [...ids]));
  return new Set(rows.map((row) => row.id));
}

// Enrolments and their facts

export interface StoredEnrolment {
  id: string;
  programId: string;
  familyId: string;
  familyName: string;
  coordinatorId: string;
  payerId: string;
  pseudonym: string;
  enrolledOn: string;
  consentGivenBy: { id: string; name: string };
  consentGivenOn: string;
  endedOn: string | null;
  endReason: EnrolmentEndReason | null;
  version: number;
}

export type EnrolmentWithFacts = StoredEnrolment & { facts: EnrolmentFacts };

async function listEnrolmentsWhere(where: SQL, db: Queryable): Promise<StoredEnrolment[]> {
  return queryRows<StoredEnrolment>(
    db,
    sql`select e.id, e.program_id as "programId", e.family_id as "familyId", f.name as "familyName",
          f.coordinator_id as "coordinatorId", e.payer_id as "payerId", e.pseudonym,
          e.enrolled_on::text as "enrolledOn", json_build_object('id', m.id, 'name', m.name) as "consentGivenBy",
          e.consent_given_on::text as "consentGivenOn", e.ended_on::text as "endedOn", e.end_reason as "endReason", e.version
        from program_enrolments e
        join families f on f.id = e.family_id
        join family_members m on m.id = e.consent_given_by
        where ${where}
        order by e.enrolled_on, e.created_at, e.id`,
  );
}

/**
 * The facts the outcomes are computed from, for the families of the enrolments given, in one query
 * per kind of fact (never one per family): usage of the placement services, wellbeing meters with
 * their scores, and goals as they have ended (a reopened goal is open again, so it is not here).
 */
async function withFacts(
  enrolments: StoredEnrolment[],
  placementServiceIds: readonly string[],
  db: Queryable,
): Promise<EnrolmentWithFacts[]> {
  const familyIds = [...new Set(enrolments.map((enrolment) => enrolment.familyId))];
  if (familyIds.length === 0) return [];
  const usage = placementServiceIds.length
    ? await queryRows<{ familyId: string; serviceId: string; usedOn: string; period: 'day' | 'month' }>(
        db,
        sql`select family_id as "familyId", service_id as "serviceId", used_on::text as "usedOn", period
            from service_usage where family_id in ${familyIds} and service_id in ${[...placementServiceIds]}`,
      )
    : [];
  const scores = await queryRows<{
    familyId: string;
    measurementId: string;
    memberId: string;
    takenOn: string;
    domain: AssessmentDomain;
    score: number;
  }>(
    db,
    sql`select m.family_id as "familyId", m.id as "measurementId", m.member_id as "memberId", m.taken_on::text as "takenOn",
          s.domain, s.score
        from measurements m join measurement_scores s on s.measurement_id = m.id
        where m.family_id in ${familyIds}
        order by m.taken_on, m.created_at, m.id`,
  );
  const endings = await queryRows<{
    familyId: string;
    status: 'reached' | 'partly_reached' | 'not_reached' | 'dropped';
    endedOn: string;
    attainedLevel: number | null;
    hasScale: boolean;
  }>(
    db,
    sql`select family_id as "familyId", status, ended_on::text as "endedOn", attained_level as "attainedLevel",
          attainment_scale is not null as "hasScale"
        from goals where family_id in ${familyIds} and status <> 'open'`,
  );
  const measurementsOf = (familyId: string) => {
    const byId = new Map<string, EnrolmentFacts['measurements'][number]>();
    for (const row of scores.filter((score) => score.familyId === familyId)) {
      const meter = byId.get(row.measurementId) ?? { memberId: row.memberId, takenOn: row.takenOn, scores: {} };
      meter.scores[row.domain] = row.score;
      byId.set(row.measurementId, meter);
    }
    return [...byId.values()];
  };
  return enrolments.map((enrolment) => ({
    ...enrolment,
    facts: {
      enrolledOn: enrolment.enrolledOn,
      endedOn: enrolment.endedOn,
      endReason: enrolment.endReason,
      usage: usage
        .filter((row) => row.familyId === enrolment.familyId)
        .map(({ serviceId, usedOn, period }) => ({ serviceId, usedOn, period })),
      measurements: measurementsOf(enrolment.familyId),
      goalEndings: endings
        .filter((row) => row.familyId === enrolment.familyId)
        .map(({ status, endedOn, attainedLevel, hasScale }) => ({ status, endedOn, attainedLevel, hasScale })),
    },
  }));
}

const placementServicesOf = (definitions: readonly ProgramMetricDefinition[]) => [
  ...new Set(definitions.flatMap((definition) => (definition.kind === 'lives_at_home' ? definition.placementServiceIds : []))),
];

/**
 * A cross-family read, on purpose: every enrolment of the programme whose consent stands, with its
 * family's facts, to compute the contract's report. Only counts and the rows the caller may see of
 * them leave the feature.
 */
export async function listEnrolmentsOfEnrolledFamilies(program: StoredProgram, db: Queryable): Promise<EnrolmentWithFacts[]> {
  const enrolments = await listEnrolmentsWhere(
    sql`e.program_id = ${program.id} and e.end_reason is distinct from 'consent_withdrawn'`,
    db,
  );
  return withFacts(enrolments, placementServicesOf(program.metrics.map((metric) => metric.definition)), db);
}

/** The family's enrolments in any programme (consent withdrawn or not), each with its programme, and the family's facts. */
export async function listEnrolmentsOfFamily(familyId: string, db: Queryable, onlyId?: string) {
  const enrolments = await listEnrolmentsWhere(
    onlyId ? sql`e.family_id = ${familyId} and e.id = ${onlyId}` : sql`e.family_id = ${familyId}`,
    db,
  );
  if (enrolments.length === 0) return [];
  const programIds = [...new Set(enrolments.map((enrolment) => enrolment.programId))];
  const heads = await db
    .select({ id: programs.id, name: programs.name, provider: programs.provider })
    .from(programs)
    .where(inArray(programs.id, programIds));
  const payers = await db.select().from(programPayers).where(inArray(programPayers.programId, programIds));
  const metrics = await db
    .select()
    .from(programMetrics)
    .where(inArray(programMetrics.programId, programIds))
    .orderBy(asc(programMetrics.position));
  const withTheirFacts = await withFacts(enrolments, placementServicesOf(metrics.map((metric) => metric.definition)), db);
  return withTheirFacts.map((enrolment) => ({
    ...enrolment,
    program: {
      ...heads.find((head) => head.id === enrolment.programId)!,
      metrics: metrics
        .filter((metric) => metric.programId === enrolment.programId)
        .map(({ id, name, definition, baselineRate, targetRate, paymentCents }) => ({
          id,
          name,
          definition,
          baselineRate,
          targetRate,
          paymentCents,
        })),
    },
    payer: payers.find((payer) => payer.id === enrolment.payerId)!,
  }));
}
export type FamilyEnrolment = Awaited<ReturnType<typeof listEnrolmentsOfFamily>>[number];

export async function findEnrolmentOfFamily(familyId: string, enrolmentId: string, db: Queryable) {
  const [row] = await listEnrolmentsOfFamily(familyId, db, enrolmentId);
  return row ?? null;
}

/** Programmes of the organisation open to enrolment today, the family not in them now. */
export async function listProgramsOpenToFamily(organisationId: string, familyId: string, db: Queryable) {
  return db
    .select({ id: programs.id })
    .from(programs)
    .where(
      and(
        eq(programs.organisationId, organisationId),
        sql`${municipalityToday} between ${programs.startsOn} and ${programs.endsOn}`,
        sql`not exists (select 1 from program_enrolments e where e.program_id = ${programs.id}
          and e.family_id = ${familyId} and e.ended_on is null)`,
      ),
    );
}

/** The family's members, as enrolment needs them: who may consent, and the children's birth years. */
export async function listMembersOfFamily(familyId: string, db: Queryable) {
  return db
    .select({
      id: familyMembers.id,
      name: familyMembers.name,
      relation: familyMembers.relation,
      birthYear: familyMembers.birthYear,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId));
}

/** The first and last day a family was enrolled in the programme on; null when none ever was. */
export async function findEnrolmentDays(programId: string, db: Queryable): Promise<{ first: string; last: string } | null> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(
    db,
    sql`select to_char(min(enrolled_on), 'YYYY-MM-DD') as first, to_char(max(enrolled_on), 'YYYY-MM-DD') as last
        from program_enrolments where program_id = ${programId}`,
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** The family's enrolments in the programme: whether one is still open, and the last day of those ended. */
export async function findEnrolmentHistory(
  familyId: string,
  programId: string,
  db: Queryable,
): Promise<{ open: boolean; lastEndedOn: string | null }> {
  const [row] = await queryRows<{ open: boolean; last_ended_on: string | null }>(
    db,
    sql`select coalesce(bool_or(ended_on is null), false) as open, to_char(max(ended_on), 'YYYY-MM-DD') as last_ended_on
        from program_enrolments where family_id = ${familyId} and program_id = ${programId}`,
  );
  return { open: row?.open ?? false, lastEndedOn: row?.last_ended_on ?? null };
}

export async function insertEnrolment(
  familyId: string,
  values: {
    programId: string;
    payerId: string;
    pseudonym: string;
    enrolledOn: string;
    consentGivenBy: string;
    consentGivenOn: string;
    recordedBy: string;
  },
  db: Queryable,
) {
  const [row] = await db
    .insert(programEnrolments)
    .values({ familyId, ...values })
    .returning({ id: programEnrolments.id, version: programEnrolments.version });
  return row!;
}

/** Ends the enrolment (or marks its consent withdrawn) if it is still at `basedOnVersion`; null when it is not. */
export async function endEnrolmentAt(
  familyId: string,
  enrolmentId: string,
  change: { endedOn: string; endReason: EnrolmentEndReason; basedOnVersion: number },
  db: Queryable,
) {
  const [row] = await db
    .update(programEnrolments)
    .set({ endedOn: change.endedOn, endReason: change.endReason, version: sql`${programEnrolments.version} + 1` })
    .where(
      and(
        eq(programEnrolments.familyId, familyId),
        eq(programEnrolments.id, enrolmentId),
        eq(programEnrolments.version, change.basedOnVersion),
      ),
    )
    .returning({ id: programEnrolments.id, version: programEnrolments.version });
  return row ?? null;
}

/**
 * A cross-family read, on purpose: what the services of the programme's families cost in the
 * period while they were enrolled (consent standing), priced as the cost views price usage. A
 * month's usage counts when its month overlaps the enrolment within the period; each usage once,
 * even if the family was enrolled twice.
 */
export async function sumCostOfEnrolledFamilies(programId: string, period: { from: string; to: string }, db: Queryable) {
  const [row] = await queryRows<{ cost: string }>(
    db,
    sql`select coalesce(sum(round(u.units * ${unitCostOfUsage('u')})), 0)::bigint as cost
        from service_usage u
        where exists (
          select 1 from program_enrolments e
          where e.program_id = ${programId} and e.family_id = u.family_id
            and e.end_reason is distinct from 'consent_withdrawn'
            and u.used_on <= least(${period.to}::date, coalesce(e.ended_on - 1, ${period.to}::date))
            and (case when u.period = 'month' then (u.used_on + interval '1 month' - interval '1 day')::date else u.used_on end)
              >= greatest(${period.from}::date, e.enrolled_on))`,
  );
  return Number(row!.cost);
}

export interface EnrolmentSpan {
  program: { id: string; name: string };
  familyId: string;
  enrolledOn: string;
  /** The last day in the programme; null while enrolled. */
  endedOn: string | null;
}

/**
 * A cross-family read, on purpose, for the manager's outcome figures per programme: when each
 * family of the organisation's programmes was in, leaving out families that withdrew their consent.
 * Only aggregates of these rows ever leave the insights feature.
 */
export async function listEnrolmentSpansOfAllFamilies(organisationId: string, db: Queryable): Promise<EnrolmentSpan[]> {
  const rows = await queryRows<{
    program_id: string;
    program_name: string;
    family_id: string;
    enrolled_on: string;
    ended_on: string | null;
  }>(
    db,
    sql`select p.id as program_id, p.name as program_name, e.family_id,
          to_char(e.enrolled_on, 'YYYY-MM-DD') as enrolled_on, to_char(e.ended_on, 'YYYY-MM-DD') as ended_on
        from program_enrolments e join programs p on p.id = e.program_id
        where p.organisation_id = ${organisationId} and e.end_reason is distinct from 'consent_withdrawn'
        order by p.name, e.enrolled_on`,
  );
  return rows.map((row) => ({
    program: { id: row.program_id, name: row.program_name },
    familyId: row.family_id,
    enrolledOn: row.enrolled_on,
    endedOn: row.ended_on,
  }));
}
