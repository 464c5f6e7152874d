import type { UsageCsvError, UsageCsvResult, UsageCsvRow } from '@yhdessa/shared';
import { authorizeFamily, familyAccessBasis } from '../../access/family-policy';
import { findFamilyRelation, type FamilyRelation } from '../../access/family-relation.repository';
import type { RouteContext } from '../../http/route';
import { findRoleIdOfService, findUsageRole, listServicesOfWorker } from './service-usage.repository';
import { storeUsage, usageRecordProblem } from './service-usage.service';
import { parseUsageCsv } from './usage-csv';
import { firstDayOf } from './usage-dates';

type WorkerContext = RouteContext<{ kind: 'signed-in'; roles: readonly ['worker'] }>;

interface CheckedRow {
  row: UsageCsvRow;
  serviceRoleId: string;
}

/**
 * Checks every row of a service's monthly usage file as the form would check it: the family
 * must be one the worker's service has an active role in, the role must have run in the month,
 * and the month must not be recorded yet. A family the worker cannot see is "unknown", whether
 * it exists or not.
 */
async function checkUsageCsv(text: string, context: WorkerContext, options: { lock: boolean }) {
  const parsed = parseUsageCsv(text);
  const errors: UsageCsvError[] = [...parsed.errors];
  const checked: CheckedRow[] = [];
  const ownServices = await listServicesOfWorker(context.actor.accountId, context.tx);
  const relations = new Map<string, FamilyRelation | null>();
  for (const row of parsed.rows) {
    const outcome = await rowProblem(row);
    if ('problem' in outcome) errors.push({ line: row.line, ...outcome });
    else checked.push({ row, serviceRoleId: outcome.serviceRoleId });
  }
  return { rows: parsed.rows, errors: errors.sort((a, b) => a.line - b.line), checked, relations };

  async function rowProblem(row: UsageCsvRow): Promise<Omit<UsageCsvError, 'line'> | { serviceRoleId: string }> {
    if (!ownServices.has(row.serviceId))
      return { problem: 'unknown_service', reason: 'Unknown service: you do not work in this service.' };
    if (!relations.has(row.familyId))
      relations.set(row.familyId, await findFamilyRelation(row.familyId, context.actor, context.tx));
    const relation = relations.get(row.familyId)!;
    if (!relation || familyAccessBasis(context.actor, relation) !== 'service-role')
      return { problem: 'unknown_family', reason: 'Unknown family: none of your services has an active role in it.' };
    const serviceRoleId = await findRoleIdOfService(row.serviceId, relation.actorServiceRoleIds, context.tx);
    if (!serviceRoleId)
      return { problem: 'not_active_in_month', reason: 'Not an active role: this service has no active role in this family.' };
    // The worker has an active role here: only a closed case refuses them.
    if (!authorizeFamily(context.actor, 'usage:record', relation, { serviceRoleId }).allowed)
      return { problem: 'case_closed', reason: 'The case is closed.' };
    const role = (await findUsageRole(row.familyId, serviceRoleId, context.tx, options))!;
    const problem = await usageRecordProblem(role, { period: 'month', usedOn: firstDayOf(row.month) }, context);
    if (problem?.code === 'validation_failed')
      return { problem: 'not_active_in_month', reason: `Not this service's active role in that month: ${problem.reason}` };
    if (problem) return { problem: 'already_recorded', reason: `Already recorded: ${problem.reason}` };
    return { serviceRoleId };
  }
}

/** Reads the file and reports every line at fault; nothing is stored. */
export async function previewUsageCsv(text: string, context: WorkerContext): Promise<UsageCsvResult> {
  const { rows, errors, relations } = await checkUsageCsv(text, context, { lock: false });
  // What the preview told about each family it could see is a read of that family's data.
  for (const [familyId, relation] of relations)
    if (relation && familyAccessBasis(context.actor, relation) === 'service-role')
      await context.audit({
        familyId,
        action: 'read',
        resource: 'service-usage',
        resourceId: familyId,
        outcome: 'allowed',
        basis: 'service-role',
        detail: { csvPreview: rows.filter((row) => row.familyId === familyId).map((row) => row.line) },
      });
  return { rows, errors, stored: false };
}

/** Stores the whole file, or nothing when any line is at fault (the request's one transaction). */
export async function importUsageCsv(text: string, context: WorkerContext): Promise<UsageCsvResult> {
  const { rows, errors, checked } = await checkUsageCsv(text, context, { lock: true });
  if (errors.length > 0) return { rows, errors, stored: false };
  for (const { row, serviceRoleId } of checked)
    await storeUsage(
      row.familyId,
      {
        serviceRoleId,
        serviceId: row.serviceId,
        period: 'month',
        usedOn: firstDayOf(row.month),
        units: row.units,
        note: row.note,
        source: 'csv',
      },
      'service-role',
      context,
    );
  return { rows, errors, stored: true };
}
