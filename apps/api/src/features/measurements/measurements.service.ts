import type {
  CorrectMeasurement,
  Measurement,
  MeasurementList,
  MeasurementParams,
  MeasurementPrompt,
  RecordMeasurement,
} from '@yhdessa/shared';
import { authorizeFamily, type FamilyPermission, type FamilyTarget } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { changeVersioned } from '../../http/versioned-change';
import { presentMeasurement } from './measurement.presenter';
import {
  correctMeasurementAt,
  findLastReviewCompletion,
  findMeasurement,
  insertMeasurement,
  isAfterToday,
  listMeasurements,
  type MeasurementWithScores,
} from './measurements.repository';

/**
 * The family's own wellbeing meter. The family fills it in; the coordinator, and a service the
 * family shares its measurements with, read it. A measurement is the family's record of how
 * things felt that day: only its author corrects it, and only on that day.
 */
type FamilyContext = RouteContext<{ kind: 'family' }>;

const may = (context: FamilyContext, permission: FamilyPermission, target?: FamilyTarget) =>
  authorizeFamily(context.actor, permission, context.family.relation, target).allowed;

const mayCorrect = (context: FamilyContext, row: MeasurementWithScores) =>
  row.madeToday && may(context, 'measurement:correct', { authorId: row.measurement.recordedBy });

const present = (context: FamilyContext) => (row: MeasurementWithScores) => presentMeasurement(row, mayCorrect(context, row));

/** The first meter until one exists; after a completed review, a new one until one is made after it. A closed case asks nothing. */
function promptOf(rows: MeasurementWithScores[], reviewCompletedAt: Date | null, closed: boolean): MeasurementPrompt | null {
  if (closed) return null;
  if (rows.length === 0) return { occasion: 'start' };
  if (reviewCompletedAt && rows.every((row) => row.measurement.createdAt <= reviewCompletedAt))
    return { occasion: 'review', reviewCompletedAt: reviewCompletedAt.toISOString() };
  return null;
}

export async function readMeasurements(familyId: string, context: FamilyContext): Promise<MeasurementList> {
  const basis = requireFamilyPermission(context, 'measurement:read', {
    resource: 'measurement',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const rows = await listMeasurements(familyId, context.tx);
  const reviewCompletedAt = await findLastReviewCompletion(familyId, context.tx);
  await context.audit({
    familyId,
    action: 'read',
    resource: 'measurement',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { count: rows.length },
  });
  return {
    measurements: rows.map(present(context)),
    prompt: promptOf(rows, reviewCompletedAt, context.family.relation.status === 'closed'),
    can: { record: may(context, 'measurement:record') },
  };
}

const futureDay = () =>
  new AppError('validation_failed', 'The day is in the future.', {
    errors: [{ path: 'body.takenOn', message: 'The day is in the future.' }],
  });

export async function recordMeasurement(familyId: string, body: RecordMeasurement, context: FamilyContext): Promise<Measurement> {
  const basis = requireFamilyPermission(context, 'measurement:record', {
    resource: 'measurement',
    resourceId: familyId,
    hideWhenForbidden: !may(context, 'measurement:read'),
    forbiddenDetail: 'Only the family fills in its wellbeing meter.',
  });
  if (await isAfterToday(body.takenOn, context.tx)) throw futureDay();
  // The policy lets only a member of the family record, so the member is there.
  const member = context.family.relation.actorMember!;
  const row = await insertMeasurement(
    familyId,
    { ...body, memberId: member.id, recordedBy: context.actor.accountId },
    context.tx,
  );
  await context.audit({
    familyId,
    action: 'create',
    resource: 'measurement',
    resourceId: row.id,
    outcome: 'allowed',
    basis,
    detail: { occasion: body.occasion, respondentVersion: body.respondentVersion, domains: body.scores.map((s) => s.domain) },
  });
  await context.recordFamilyEvent({ type: 'measurement.recorded', familyId, id: row.id, version: row.version });
  return present(context)((await findMeasurement(familyId, row.id, context.tx))!);
}

const scoreMap = (scores: { domain: string; score: number }[]) => Object.fromEntries(scores.map((s) => [s.domain, s.score]));

/**
 * The author corrects their answer on the day they gave it; the audit row keeps the scores before
 * and after, so a correction is never silent. From the next day on the measurement is final.
 */
export async function correctMeasurement(
  { familyId, measurementId }: MeasurementParams,
  { version, ...change }: CorrectMeasurement,
  context: FamilyContext,
): Promise<Measurement> {
  const { tx } = context;
  const measurement = await findMeasurement(familyId, measurementId, tx);
  if (!measurement) throw notFound('measurement');
  const basis = requireFamilyPermission(context, 'measurement:correct', {
    resource: 'measurement',
    resourceId: measurementId,
    target: { authorId: measurement.measurement.recordedBy },
    hideWhenForbidden: !may(context, 'measurement:read'),
    forbiddenDetail: 'Only the family member who filled in the measurement corrects it.',
  });
  if (!measurement.madeToday)
    throw new AppError('measurement_final', 'A measurement can be corrected only on the day it was made.');
  await changeVersioned(context, {
    familyId,
    resource: 'measurement',
    resourceId: measurementId,
    versionNow: measurement.measurement.version,
    basedOn: version,
    update: () => correctMeasurementAt(familyId, measurementId, { ...change, basedOnVersion: version }, tx),
    current: async () => present(context)((await findMeasurement(familyId, measurementId, tx)) ?? measurement),
    basis,
    detail: () => ({
      scores: { from: scoreMap(measurement.scores), to: scoreMap(change.scores) },
      respondentVersion: { from: measurement.measurement.respondentVersion, to: change.respondentVersion },
      commentChanged: measurement.measurement.comment !== change.comment,
    }),
    event: 'measurement.updated',
  });
  return present(context)((await findMeasurement(familyId, measurementId, tx))!);
}
