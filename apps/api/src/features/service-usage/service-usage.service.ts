import type {
  CorrectServiceUsage,
  FamilyCosts,
  FamilyParams,
  FamilyUsageSummary,
  RecordServiceUsage,
  ServiceUsage,
  ServiceUsageList,
  ServiceUsageParams,
} from '@yhdessa/shared';
import { readableUsage } from '../../access/family-policy';
import { refuseUnseen, requireFamilyPermission } from '../../access/require-family-permission';
import { AppError, notFound } from '../../core/app-error';
import type { RouteContext } from '../../http/route';
import { changeVersioned } from '../../http/versioned-change';
import { findCurrentReferenceCosts } from '../reference-costs';
import { buildMonthlyCosts } from './family-costs';
import { presentServiceUsage } from './service-usage.presenter';
import {
  correctUsageAt,
  findCaseSpan,
  findRecordedBetween,
  findUsage,
  findUsageRole,
  insertUsage,
  listRoleSpans,
  listUsage,
  listUsedServices,
  sumUsageByMonth,
  summariseUsage,
  type UsageRole,
  type UsageRow,
} from './service-usage.repository';
import { firstDayOf, lastDayOf, monthOf, takesUsage, usageDateProblem } from './usage-dates';

type FamilyContext = RouteContext<{ kind: 'family' }>;

const invalid = (path: string, message: string) => new AppError('validation_failed', message, { errors: [{ path, message }] });

/**
 * Why a day or a month cannot be recorded on the role, or null: the role must have run then, and
 * the day or month must not be recorded already (a month is recorded either day by day or as a
 * whole, once; a change to what is recorded is a correction of that entry).
 */
export async function usageRecordProblem(
  role: UsageRole,
  entry: Pick<RecordServiceUsage, 'period' | 'usedOn'>,
  context: { tx: FamilyContext['tx'] },
): Promise<{ code: 'validation_failed' | 'usage_already_recorded'; reason: string } | null> {
  const dateProblem = usageDateProblem(role, entry.period, entry.usedOn);
  if (dateProblem) return { code: 'validation_failed', reason: dateProblem };
  const month = monthOf(entry.usedOn);
  const recorded = await findRecordedBetween(role.id, firstDayOf(month), lastDayOf(month), context.tx);
  const clash = recorded.find((other) => entry.period === 'month' || other.period === 'month' || other.usedOn === entry.usedOn);
  if (!clash) return null;
  return {
    code: 'usage_already_recorded',
    reason:
      clash.period === 'month'
        ? 'This month is already recorded as a whole; correct that entry instead.'
        : entry.period === 'month'
          ? 'This month already has entries by day; correct those instead.'
          : 'This day is already recorded; correct that entry instead.',
  };
}

/** A service records what it provided on its own running role; the coordinator on any accepted role. */
export async function recordServiceUsage(
  familyId: string,
  body: RecordServiceUsage,
  context: FamilyContext,
): Promise<ServiceUsage> {
  const role = await findUsageRole(familyId, body.serviceRoleId, context.tx, { lock: true });
  if (!role) throw invalid('body.serviceRoleId', 'No such service role in this plan.');
  const basis = requireFamilyPermission(context, 'usage:record', {
    resource: 'service-usage',
    resourceId: body.serviceRoleId,
    target: { serviceRoleId: body.serviceRoleId },
    forbiddenDetail: "You can record usage only on your own service's role.",
  });
  if (!takesUsage(role.roleStatus)) throw invalid('body.serviceRoleId', 'Only an accepted service role takes usage.');
  const problem = await usageRecordProblem(role, body, context);
  if (problem?.code === 'validation_failed') throw invalid('body.usedOn', problem.reason);
  if (problem) throw new AppError('usage_already_recorded', problem.reason);
  const usage = await storeUsage(familyId, { ...body, serviceId: role.serviceId, source: 'form' }, basis, context);
  return presentServiceUsage(usage);
}

/** Stores an entry that passed every check, with its audit row and the family's event. */
export async function storeUsage(
  familyId: string,
  entry: RecordServiceUsage & { serviceId: string; source: 'form' | 'csv' },
  basis: string,
  context: Pick<FamilyContext, 'tx' | 'actor' | 'audit' | 'recordFamilyEvent'>,
): Promise<UsageRow> {
  const usage = await insertUsage(familyId, { ...entry, recordedBy: context.actor.accountId }, context.tx);
  await context.audit({
    familyId,
    action: 'create',
    resource: 'service-usage',
    resourceId: usage.id,
    outcome: 'allowed',
    basis,
    detail: {
      serviceRoleId: usage.serviceRoleId,
      period: usage.period,
      usedOn: usage.usedOn,
      units: usage.units,
      source: entry.source,
    },
  });
  await context.recordFamilyEvent(
    { type: 'usage.recorded', familyId, id: usage.id, version: usage.version },
    { serviceRoleId: usage.serviceRoleId },
  );
  return usage;
}

/** A correction is a new version of the entry, with what it was and what it became in the audit. */
export async function correctServiceUsage(
  { familyId, usageId }: ServiceUsageParams,
  { version, ...change }: CorrectServiceUsage,
  context: FamilyContext,
): Promise<ServiceUsage> {
  const usage = await findUsage(familyId, usageId, context.tx);
  if (!usage) throw notFound('service usage');
  const scope = readableUsage(context.actor, context.family.relation);
  if (scope !== 'any' && !scope.includes(usage.serviceRoleId))
    throw refuseUnseen(context, { resource: 'service-usage', resourceId: usageId });
  const basis = requireFamilyPermission(context, 'usage:record', {
    resource: 'service-usage',
    resourceId: usageId,
    target: { serviceRoleId: usage.serviceRoleId },
  });
  const corrected = await changeVersioned(context, {
    familyId,
    resource: 'service-usage',
    resourceId: usageId,
    versionNow: usage.version,
    basedOn: version,
    update: () =>
      correctUsageAt(familyId, usageId, { ...change, updatedBy: context.actor.accountId, basedOnVersion: version }, context.tx),
    current: async () => presentServiceUsage((await findUsage(familyId, usageId, context.tx)) ?? usage),
    basis,
    detail: (after) => ({
      before: { units: usage.units, note: usage.note, costCents: usage.costCents },
      after: { units: after.units, note: after.note, costCents: after.costCents },
    }),
    event: { type: 'usage.updated', subject: (after) => ({ serviceRoleId: after.serviceRoleId }) },
  });
  return presentServiceUsage(corrected);
}

/** Newest first: the coordinator reads all of the family's usage, a service its own. */
export async function readServiceUsage({ familyId }: FamilyParams, context: FamilyContext): Promise<ServiceUsageList> {
  const basis = requireFamilyPermission(context, 'usage:read', { resource: 'service-usage', resourceId: familyId });
  const scope = readableUsage(context.actor, context.family.relation);
  const usage = await listUsage(familyId, scope, context.tx);
  await context.audit({
    familyId,
    action: 'read',
    resource: 'service-usage',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { count: usage.length, serviceRoles: scope },
  });
  return { usage: usage.map(presentServiceUsage) };
}

/**
 * The family's cost month by month since the case opened, through this month (a closed case:
 * through its last usage), beside the reference yearly costs of the heavy services.
 */
export async function readFamilyCosts({ familyId }: FamilyParams, context: FamilyContext): Promise<FamilyCosts> {
  const basis = requireFamilyPermission(context, 'usage:read', { resource: 'family-costs', resourceId: familyId });
  const scope = readableUsage(context.actor, context.family.relation);
  const { tx } = context;
  const span = await findCaseSpan(familyId, tx);
  const usage = await sumUsageByMonth(familyId, scope, tx);
  const firstMonth = monthOf(span.openedOn);
  const lastUsageMonth = usage.at(-1)?.month ?? firstMonth;
  const endMonth = span.closed ? lastUsageMonth : monthOf(span.today);
  const costs = buildMonthlyCosts(
    firstMonth,
    endMonth > lastUsageMonth ? endMonth : lastUsageMonth,
    usage,
    await listRoleSpans(familyId, scope, tx),
  );
  await context.audit({
    familyId,
    action: 'read',
    resource: 'family-costs',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { serviceRoles: scope },
  });
  return {
    scope: scope === 'any' ? 'family' : 'own-services',
    openedOn: span.openedOn,
    services: await listUsedServices(familyId, scope, tx),
    ...costs,
    referenceCosts: await findCurrentReferenceCosts(tx),
  };
}

/** What the family sees of its services: names, units and months, no prices. */
export async function readUsageSummary({ familyId }: FamilyParams, context: FamilyContext): Promise<FamilyUsageSummary> {
  const basis = requireFamilyPermission(context, 'usage-summary:read', { resource: 'service-usage', resourceId: familyId });
  const rows = await summariseUsage(familyId, context.tx);
  const byService = new Map<string, FamilyUsageSummary['services'][number]>();
  for (const row of rows) {
    const entry = byService.get(row.serviceId) ?? {
      service: { id: row.serviceId, name: row.serviceName, unit: row.serviceUnit },
      months: [],
    };
    entry.months.push({ month: row.month, units: row.units });
    byService.set(row.serviceId, entry);
  }
  await context.audit({
    familyId,
    action: 'read',
    resource: 'service-usage',
    resourceId: familyId,
    outcome: 'allowed',
    basis,
    detail: { summary: true },
  });
  return { services: [...byService.values()] };
}
