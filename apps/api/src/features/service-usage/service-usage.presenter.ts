import type { ServiceUsage } from '@yhdessa/shared';
import type { UsageRow } from './service-usage.repository';

const isoOf = (moment: string | Date) => new Date(moment).toISOString();

export function presentServiceUsage(row: UsageRow): ServiceUsage {
  return {
    id: row.id,
    serviceRoleId: row.serviceRoleId,
    service: { id: row.serviceId, name: row.serviceName, unit: row.serviceUnit },
    period: row.period,
    usedOn: row.usedOn,
    units: row.units,
    note: row.note,
    source: row.source,
    unitCostCents: row.unitCostCents,
    costCents: row.costCents,
    recordedBy: { id: row.recordedById, name: row.recordedByName },
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}
