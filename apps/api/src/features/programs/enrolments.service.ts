import type { EndEnrolment, EnrolFamily, ProgramEnrolment, ProgramEnrolmentList } from '@yhdessa/shared';
import { authorizeFamily, type FamilyPermission } from '../../access/family-policy';
import { requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, invalidField, notFound } from '../../core/app-error';
import { municipalityDate } from '../../core/clock';
import type { RouteContext } from '../../http/route';
import { changeVersioned } from '../../http/versioned-change';
import { presentEnrolment } from './program.presenter';
import { newPseudonym } from './pseudonym';
import {
  endEnrolmentAt,
  findEnrolmentOfFamily,
  findProgram,
  findEnrolmentHistory,
  insertEnrolment,
  listEnrolmentsOfFamily,
  listMembersOfFamily,
  listPrograms,
  listProgramsOpenToFamily,
  type FamilyEnrolment,
  type StoredProgram,
} from './programs.repository';

/**
 * A family in an outcome-based programme: its coordinator enrols it with a guardian's consent and
 * records when it leaves; a guardian (or the coordinator for them) withdraws the consent, which
 * takes the family out of every report. Services are not told of it.
 */
type FamilyContext = RouteContext<{ kind: 'family' }>;
interface EnrolmentParams {
  familyId: string;
  enrolmentId: string;
}

const may = (context: FamilyContext, permission: FamilyPermission) =>
  authorizeFamily(context.actor, permission, context.family.relation).allowed;

const present = (context: FamilyContext, today: string) => (enrolment: FamilyEnrolment) =>
  presentEnrolment(enrolment, today, {
    end: enrolment.endedOn === null && may(context, 'program-enrolment:end'),
    withdrawConsent: enrolment.endReason !== 'consent_withdrawn' && may(context, 'program-consent:withdraw'),
  });

/** Age by birth year in the enrolment year, as the target group is defined. */
const inTargetGroup = (program: StoredProgram, children: ReadonlyArray<{ birthYear: number | null }>, day: string) => {
  const year = Number(day.slice(0, 4));
  const { childAgeMin, childAgeMax } = program.targetGroup;
  return children.some(
    (child) => child.birthYear !== null && year - child.birthYear >= childAgeMin && year - child.birthYear <= childAgeMax,
  );
};

async function openProgramsFor(familyId: string, context: FamilyContext, today: string) {
  const { organisationId } = context.actor;
  if (!organisationId || !may(context, 'program-enrolment:enrol')) return [];
  const open = new Set((await listProgramsOpenToFamily(organisationId, familyId, context.tx)).map((row) => row.id));
  if (open.size === 0) return [];
  const children = (await listMembersOfFamily(familyId, context.tx)).filter((member) => member.relation === 'child');
  return (await listPrograms(organisationId, context.tx))
    .filter((program) => open.has(program.id) && inTargetGroup(program, children, today))
    .map(({ id, name, provider, payers, targetGroup }) => ({ id, name, provider, payers, targetGroup }));
}

export async function readEnrolments(familyId: string, context: FamilyContext): Promise<ProgramEnrolmentList> {
  const basis = requireFamilyPermission(context, 'program-enrolment:read', {
    resource: 'program-enrolment',
    resourceId: familyId,
    hideWhenForbidden: true,
  });
  const today = municipalityDate();
  const enrolments = await listEnrolmentsOfFamily(familyId, context.tx);
  await context.audit({
    familyId,
    action: 'read',
    resource: 'program-enrolment',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { count: enrolments.length },
  });
  return {
    enrolments: enrolments.map(present(context, today)),
    open: await openProgramsFor(familyId, context, today),
    can: { enrol: may(context, 'program-enrolment:enrol') },
  };
}

export async function enrolFamily(familyId: string, body: EnrolFamily, context: FamilyContext): Promise<ProgramEnrolment> {
  const basis = requireFamilyPermission(context, 'program-enrolment:enrol', {
    resource: 'program-enrolment',
    resourceId: familyId,
    hideWhenForbidden: !may(context, 'program-enrolment:read'),
    forbiddenDetail: "Only the family's coordinator enrols it in a programme.",
  });
  const { tx } = context;
  const today = municipalityDate();
  const program = context.actor.organisationId ? await findProgram(context.actor.organisationId, body.programId, tx) : null;
  if (!program) throw notFound('programme');
  if (!program.payers.some((payer) => payer.id === body.payerId))
    throw invalidField('body.payerId', 'No such payer in this programme.');
  if (body.enrolledOn > today) throw invalidField('body.enrolledOn', 'The day is in the future.');
  if (body.enrolledOn < program.startsOn || body.enrolledOn > program.endsOn)
    throw invalidField('body.enrolledOn', `The programme runs from ${program.startsOn} to ${program.endsOn}.`);
  if (body.consentGivenOn > body.enrolledOn)
    throw invalidField('body.consentGivenOn', 'The guardian consents before the family is enrolled, or on the day.');
  const members = await listMembersOfFamily(familyId, tx);
  const guardian = members.find((member) => member.id === body.consentGivenBy && member.relation === 'guardian');
  if (!guardian) throw invalidField('body.consentGivenBy', 'Consent is given by a guardian of the family.');
  if (
    !inTargetGroup(
      program,
      members.filter((member) => member.relation === 'child'),
      body.enrolledOn,
    )
  )
    throw new AppError('not_in_target_group', 'No child of the family is of the age the programme is for in the enrolment year.');
  const history = await findEnrolmentHistory(familyId, program.id, tx);
  if (history.open) throw new AppError('already_enrolled', 'The family is in this programme already.');
  // Two enrolments over the same days would count the family's outcomes twice, and be paid twice.
  if (history.lastEndedOn !== null && body.enrolledOn <= history.lastEndedOn)
    throw invalidField(
      'body.enrolledOn',
      `The family was in this programme until ${history.lastEndedOn}: a new enrolment starts after it.`,
    );
  const { id, version } = await insertEnrolment(
    familyId,
    { ...body, pseudonym: newPseudonym(), recordedBy: context.actor.accountId },
    tx,
  );
  await context.audit({
    familyId,
    action: 'create',
    resource: 'program-enrolment',
    resourceId: id,
    outcome: 'allowed',
    basis,
    detail: { programId: program.id, payerId: body.payerId, enrolledOn: body.enrolledOn, consentGivenOn: body.consentGivenOn },
  });
  await context.recordFamilyEvent({ type: 'program.enrolled', familyId, id, version });
  return present(context, today)((await findEnrolmentOfFamily(familyId, id, tx))!);
}

async function requireEnrolment({ familyId, enrolmentId }: EnrolmentParams, context: FamilyContext) {
  const enrolment = await findEnrolmentOfFamily(familyId, enrolmentId, context.tx);
  if (!enrolment) throw notFound('enrolment');
  return enrolment;
}

export async function endEnrolment(
  params: EnrolmentParams,
  body: EndEnrolment,
  context: FamilyContext,
): Promise<ProgramEnrolment> {
  const basis = requireFamilyPermission(context, 'program-enrolment:end', {
    resource: 'program-enrolment',
    resourceId: params.enrolmentId,
    hideWhenForbidden: !may(context, 'program-enrolment:read'),
    forbiddenDetail: "Only the family's coordinator records that it left a programme.",
  });
  const enrolment = await requireEnrolment(params, context);
  const today = municipalityDate();
  if (enrolment.endedOn !== null) throw new AppError('enrolment_ended', 'The enrolment has ended already.');
  if (body.endedOn > today) throw invalidField('body.endedOn', 'The day is in the future.');
  if (body.endedOn < enrolment.enrolledOn) throw invalidField('body.endedOn', 'The enrolment cannot end before it began.');
  await changeVersioned(context, {
    familyId: params.familyId,
    resource: 'program-enrolment',
    resourceId: params.enrolmentId,
    versionNow: enrolment.version,
    basedOn: body.version,
    update: () =>
      endEnrolmentAt(
        params.familyId,
        params.enrolmentId,
        { endedOn: body.endedOn, endReason: body.reason, basedOnVersion: body.version },
        context.tx,
      ),
    current: () => Promise.resolve(present(context, today)(enrolment)),
    basis,
    detail: () => ({ endedOn: body.endedOn, reason: body.reason }),
    event: 'program.ended',
  });
  return present(context, today)(await requireEnrolment(params, context));
}

/**
 * The guardian takes the consent back: the enrolment ends today (or keeps the day it ended) with
 * reason `consent_withdrawn`, and from then on the family is in no report or trace, for any period.
 */
export async function withdrawConsent(
  params: EnrolmentParams,
  body: { version: number },
  context: FamilyContext,
): Promise<ProgramEnrolment> {
  const basis = requireFamilyPermission(context, 'program-consent:withdraw', {
    resource: 'program-enrolment',
    resourceId: params.enrolmentId,
    hideWhenForbidden: !may(context, 'program-enrolment:read'),
    forbiddenDetail: 'Only a guardian of the family, or its coordinator for them, withdraws the consent.',
  });
  const enrolment = await requireEnrolment(params, context);
  const today = municipalityDate();
  if (enrolment.endReason === 'consent_withdrawn')
    throw new AppError('enrolment_ended', 'The consent has been withdrawn already.');
  await changeVersioned(context, {
    familyId: params.familyId,
    resource: 'program-enrolment',
    resourceId: params.enrolmentId,
    versionNow: enrolment.version,
    basedOn: body.version,
    update: () =>
      endEnrolmentAt(
        params.familyId,
        params.enrolmentId,
        { endedOn: enrolment.endedOn ?? today, endReason: 'consent_withdrawn', basedOnVersion: body.version },
        context.tx,
      ),
    current: () => Promise.resolve(present(context, today)(enrolment)),
    basis,
    detail: () => ({ consentWithdrawn: true, endedOn: enrolment.endedOn ?? today, endedBefore: enrolment.endReason }),
    event: 'program.ended',
  });
  return present(context, today)(await requireEnrolment(params, context));
}
