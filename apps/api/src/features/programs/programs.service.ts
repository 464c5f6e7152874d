import type {
  CreateProgram,
  NewProgramMetric,
  Program,
  ProgramList,
  ProgramReport,
  ProgramReportQuery,
  ProgramReportRows,
  ProgramReportRowsQuery,
  Role,
  UpdateProgram,
} from '@yhdessa/shared';
import { AppError, invalidField, notFound } from '../../core/app-error';
import { municipalityDate } from '../../core/clock';
import type { RouteContext } from '../../http/route';
import { versionConflict } from '../../http/versioned-change';
import { outcomesOf, presentProgram } from './program.presenter';
import { buildReportFigures, decidedRowsOf, type Period } from './program-report';
import {
  findEnrolmentDays,
  findExistingServiceIds,
  findProgram,
  insertPayers,
  insertProgram,
  listEnrolmentsOfEnrolledFamilies,
  listPrograms,
  replaceMetrics,
  sumCostOfEnrolledFamilies,
  updateProgramAt,
  type StoredProgram,
} from './programs.repository';

/**
 * Outcome-based contracts, as the organisation's managers set them up and follow them, and its
 * coordinators read them. A programme is the organisation's: another organisation's does not exist here.
 */
export type ProgramContext = RouteContext<{ kind: 'signed-in'; roles: readonly Role[] }>;

const isManager = (context: ProgramContext) => context.actor.role === 'manager';

async function requireProgram(programId: string, context: ProgramContext): Promise<StoredProgram> {
  const program = context.actor.organisationId ? await findProgram(context.actor.organisationId, programId, context.tx) : null;
  if (!program) throw notFound('programme');
  return program;
}

/** The audit row of a read across the programme's families: about no family, so familyId is null. */
const programRead = (context: ProgramContext, programId: string, detail: Record<string, unknown>) =>
  context.audit({
    familyId: null,
    action: 'read',
    resource: 'program',
    resourceId: programId,
    outcome: 'allowed',
    basis: context.actor.role,
    detail,
  });

export async function readPrograms(context: ProgramContext): Promise<ProgramList> {
  const { organisationId } = context.actor;
  const programs = organisationId ? await listPrograms(organisationId, context.tx) : [];
  return {
    programs: programs.map((program) => presentProgram(program, isManager(context))),
    can: { create: isManager(context) },
  };
}

export async function readProgram(programId: string, context: ProgramContext): Promise<Program> {
  return presentProgram(await requireProgram(programId, context), isManager(context));
}

/** Every placement service a metric names must be in the catalogue, or the outcome could never be missed. */
async function checkMetrics(metrics: readonly NewProgramMetric[], context: ProgramContext): Promise<void> {
  const named = metrics.flatMap((metric) =>
    metric.definition.kind === 'lives_at_home' ? metric.definition.placementServiceIds : [],
  );
  const existing = await findExistingServiceIds(named, context.tx);
  const errors = metrics.flatMap((metric, index) =>
    metric.definition.kind === 'lives_at_home' && metric.definition.placementServiceIds.some((id) => !existing.has(id))
      ? [{ path: `body.metrics.${index}.definition.placementServiceIds`, message: 'No such service in the catalogue.' }]
      : [],
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'A metric names a service that does not exist.', { errors });
}

export async function createProgram(body: CreateProgram, context: ProgramContext): Promise<Program> {
  const { organisationId } = context.actor;
  if (!organisationId) throw new AppError('forbidden', 'Only a manager of an organisation sets up its programmes.');
  await checkMetrics(body.metrics, context);
  const { payers, metrics, ...fields } = body;
  const { id } = await insertProgram({ ...fields, organisationId, createdBy: context.actor.accountId }, context.tx);
  await insertPayers(id, payers, context.tx);
  await replaceMetrics(id, metrics, context.tx);
  await context.audit({
    familyId: null,
    action: 'create',
    resource: 'program',
    resourceId: id,
    outcome: 'allowed',
    basis: context.actor.role,
    detail: { payers: payers.length, metrics: metrics.map((metric) => metric.definition.kind) },
  });
  return readProgram(id, context);
}

/** Payers may be added, never removed; metrics change only until the first family is enrolled. */
export async function updateProgram(programId: string, body: UpdateProgram, context: ProgramContext): Promise<Program> {
  const program = await requireProgram(programId, context);
  const { version, addPayers, metrics, ...fields } = body;
  if (program.version !== version) throw versionConflict('programme', presentProgram(program, true));
  if (metrics && program.anyEnrolment)
    throw new AppError('program_metrics_fixed', 'A family is enrolled: the metrics are part of the contract now.');
  if (metrics) await checkMetrics(metrics, context);
  // An enrolment outside the period would be a family in a contract that did not run on its day.
  const enrolled = await findEnrolmentDays(programId, context.tx);
  if (enrolled && fields.startsOn > enrolled.first)
    throw invalidField(
      'body.startsOn',
      `A family was enrolled on ${enrolled.first}: the programme starts on that day or before.`,
    );
  if (enrolled && fields.endsOn < enrolled.last)
    throw invalidField('body.endsOn', `A family was enrolled on ${enrolled.last}: the programme ends on that day or after.`);
  const updated = await updateProgramAt(programId, version, fields, context.tx);
  if (!updated) throw versionConflict('programme', presentProgram(await requireProgram(programId, context), true));
  await insertPayers(programId, addPayers, context.tx);
  if (metrics) await replaceMetrics(programId, metrics, context.tx);
  const changed = (Object.keys(fields) as Array<keyof typeof fields>).filter(
    (key) => JSON.stringify(fields[key]) !== JSON.stringify(program[key]),
  );
  await context.audit({
    familyId: null,
    action: 'update',
    resource: 'program',
    resourceId: programId,
    outcome: 'allowed',
    basis: context.actor.role,
    detail: { changed, addedPayers: addPayers.length, metricsReplaced: metrics !== undefined },
  });
  return readProgram(programId, context);
}

/** The programme's enrolments whose consent stands, each with its outcomes as they stand today. */
async function decidedEnrolments(program: StoredProgram, today: string, context: ProgramContext) {
  const enrolments = await listEnrolmentsOfEnrolledFamilies(program, context.tx);
  return enrolments.map((enrolment) => ({
    ...enrolment,
    outcomes: new Map(
      outcomesOf(program.metrics, enrolment, today).map(({ metricId, ...outcome }) => [metricId, outcome] as const),
    ),
  }));
}

export async function readReport(programId: string, period: ProgramReportQuery, context: ProgramContext): Promise<ProgramReport> {
  const program = await requireProgram(programId, context);
  const enrolments = await decidedEnrolments(program, municipalityDate(), context);
  const cost = await sumCostOfEnrolledFamilies(programId, period, context.tx);
  await programRead(context, programId, { view: 'report', ...period });
  return {
    program: presentProgram(program, isManager(context)),
    ...period,
    ...buildReportFigures(program, enrolments, period, cost),
    generatedAt: new Date().toISOString(),
  };
}

function checkRowFilter(program: StoredProgram, query: ProgramReportRowsQuery): void {
  const errors = [
    ...(query.metricId && !program.metrics.some((metric) => metric.id === query.metricId)
      ? [{ path: 'query.metricId', message: 'No such metric in this programme.' }]
      : []),
    ...(query.payerId && !program.payers.some((payer) => payer.id === query.payerId)
      ? [{ path: 'query.payerId', message: 'No such payer in this programme.' }]
      : []),
  ];
  if (errors.length > 0) throw new AppError('validation_failed', 'The filter names what is not in this programme.', { errors });
}

const month = (day: string) => day.slice(0, 7);

/**
 * The rows behind a count. The manager gets a pseudonym fixed at enrolment and months, never the
 * family; a coordinator gets only the families they coordinate, named, each read audited in that
 * family's log, and how many rows of other coordinators' families are not shown.
 */
export async function readReportRows(
  programId: string,
  query: ProgramReportRowsQuery,
  context: ProgramContext,
): Promise<ProgramReportRows> {
  const program = await requireProgram(programId, context);
  checkRowFilter(program, query);
  const { from, to, ...filter } = query;
  const period: Period = { from, to };
  const enrolments = await decidedEnrolments(program, municipalityDate(), context);
  const metricIds = program.metrics.map((metric) => metric.id);
  const rows = decidedRowsOf(enrolments, metricIds, period, filter);
  if (isManager(context)) {
    await programRead(context, programId, { view: 'rows', ...query, rows: rows.length });
    return {
      view: 'pseudonymous',
      // In the programme's metric order, then by month and pseudonym: nothing tells the days apart.
      rows: rows
        .map((row) => ({
          pseudonym: row.enrolment.pseudonym,
          payerId: row.enrolment.payerId,
          metricId: row.metricId,
          status: row.status,
          enrolledMonth: month(row.enrolment.enrolledOn),
          decidedMonth: month(row.decidedOn),
        }))
        .sort(
          (a, b) =>
            metricIds.indexOf(a.metricId) - metricIds.indexOf(b.metricId) ||
            a.decidedMonth.localeCompare(b.decidedMonth) ||
            a.pseudonym.localeCompare(b.pseudonym),
        ),
    };
  }
  const own = rows.filter((row) => row.enrolment.coordinatorId === context.actor.accountId);
  await programRead(context, programId, { view: 'rows', ...query, rows: own.length, othersNotShown: rows.length - own.length });
  const families = new Map(own.map((row) => [row.enrolment.familyId, row.enrolment] as const));
  for (const [familyId, enrolment] of families)
    await context.audit({
      familyId,
      action: 'read',
      resource: 'program-enrolment',
      resourceId: enrolment.id,
      outcome: 'allowed',
      basis: 'coordinator',
      detail: { programId, from, to, rows: own.filter((row) => row.enrolment.familyId === familyId).length },
    });
  return {
    view: 'own-families',
    rows: own.map((row) => ({
      family: { id: row.enrolment.familyId, name: row.enrolment.familyName },
      payerId: row.enrolment.payerId,
      metricId: row.metricId,
      status: row.status,
      enrolledOn: row.enrolment.enrolledOn,
      decidedOn: row.decidedOn,
    })),
    othersNotShown: rows.length - own.length,
  };
}
