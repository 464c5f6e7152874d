import type { Program, ProgramEnrolment, ProgramMetric } from '@yhdessa/shared';
import { decideOutcome } from './program-outcomes';
import type { FamilyEnrolment, StoredProgram } from './programs.repository';

export function presentProgram(program: StoredProgram, isManager: boolean): Program {
  const { anyEnrolment, ...shown } = program;
  return { ...shown, can: { edit: isManager, changeMetrics: isManager && !anyEnrolment } };
}

/** Each metric's outcome for one enrolment, as it stands today. */
export const outcomesOf = (metrics: readonly ProgramMetric[], enrolment: { facts: FamilyEnrolment['facts'] }, today: string) =>
  metrics.map((metric) => ({ metricId: metric.id, ...decideOutcome(enrolment.facts, metric.definition, today) }));

export function presentEnrolment(
  enrolment: FamilyEnrolment,
  today: string,
  can: { end: boolean; withdrawConsent: boolean },
): ProgramEnrolment {
  return {
    id: enrolment.id,
    program: enrolment.program,
    payer: { id: enrolment.payer.id, name: enrolment.payer.name },
    enrolledOn: enrolment.enrolledOn,
    consentGivenBy: enrolment.consentGivenBy,
    consentGivenOn: enrolment.consentGivenOn,
    endedOn: enrolment.endedOn,
    endReason: enrolment.endReason,
    outcomes: outcomesOf(enrolment.program.metrics, enrolment, today),
    version: enrolment.version,
    can,
  };
}
