import type { Month, ServiceRoleStatus, UsagePeriod } from '@yhdessa/shared';

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monthOf = (date: string): Month => date.slice(0, 7);
export const firstDayOf = (month: Month): string => `${month}-01`;

export function lastDayOf(month: Month): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

export function nextMonth(month: Month): Month {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** Every month from `first` through `last`, oldest first. */
export function monthsThrough(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}

/** The days an entry covers: its day, or its whole month. */
export function daysCovered(period: UsagePeriod, usedOn: string): { first: string; last: string } {
  return period === 'day' ? { first: usedOn, last: usedOn } : { first: usedOn, last: lastDayOf(monthOf(usedOn)) };
}

/** When a service's role ran in a family's case, and today, all as `YYYY-MM-DD` in the municipality. */
export interface UsageWindow {
  /** A role that was accepted (and may have ended since) takes usage; invited or declined ones do not. */
  roleStatus: ServiceRoleStatus;
  startsOn: string | null;
  endsOn: string | null;
  /** The day the case opened. */
  openedOn: string;
  today: string;
}

/**
 * Why usage on this day (or in this month) cannot be recorded on the role, or null when it can:
 * it must have happened, after the case opened, while the role ran. A month counts when the
 * role ran on at least one of its days.
 */
export function usageDateProblem(window: UsageWindow, period: UsagePeriod, usedOn: string): string | null {
  const { first, last } = daysCovered(period, usedOn);
  if (first > window.today) return period === 'day' ? 'The day is in the future.' : 'The month has not begun.';
  if (last < window.openedOn) return 'The case was not open yet.';
  if (window.startsOn !== null && last < window.startsOn) return "The service's role had not started yet.";
  if (window.endsOn !== null && first > window.endsOn) return "The service's role had ended.";
  return null;
}

/** Only a role the service accepted takes usage: an invitation or a declined one never ran. */
export const takesUsage = (status: ServiceRoleStatus): boolean => status === 'accepted' || status === 'ended';
