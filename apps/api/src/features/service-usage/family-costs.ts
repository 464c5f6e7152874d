import type { Month, MonthlyCost } from '@yhdessa/shared';
import { firstDayOf, lastDayOf, monthsThrough } from './usage-dates';

/** The priced usage of one service in one month (entries summed, each rounded to whole cents first). */
export interface MonthlyUsage {
  month: Month;
  serviceId: string;
  units: number;
  costCents: number;
}

/** When a service's role ran: from its start (or acceptance) through its end, open-ended when null. */
export interface RoleSpan {
  serviceId: string;
  from: string;
  to: string | null;
}

/**
 * The family's cost month by month from the first month through the last: per service, the
 * month's total, the running total since the first month, and how many services' roles ran in it.
 */
export function buildMonthlyCosts(
  first: Month,
  last: Month,
  usage: readonly MonthlyUsage[],
  roles: readonly RoleSpan[],
): { months: MonthlyCost[]; totalCents: number } {
  let cumulativeCents = 0;
  const months = monthsThrough(first, last).map((month) => {
    const services = usage
      .filter((entry) => entry.month === month)
      .map(({ serviceId, units, costCents }) => ({ serviceId, units, costCents }));
    const costCents = services.reduce((sum, service) => sum + service.costCents, 0);
    cumulativeCents += costCents;
    const running = roles.filter((role) => role.from <= lastDayOf(month) && (role.to === null || role.to >= firstDayOf(month)));
    return { month, services, costCents, cumulativeCents, serviceCount: new Set(running.map((role) => role.serviceId)).size };
  });
  return { months, totalCents: cumulativeCents };
}
