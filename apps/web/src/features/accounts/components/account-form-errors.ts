import { isApiError } from '../../../lib/api-client';

/**
 * The translation key for a refusal the administrator can act on, or undefined for the generic
 * save error. The server decides; the form only names the reason.
 */
export function refusalMessageKey(error: unknown): string | undefined {
  if (isApiError(error, 'last_administrator')) return 'administration.errors.lastAdministrator';
  if (isApiError(error, 'coordinator_has_families')) return 'administration.errors.coordinatorHasFamilies';
  if (isApiError(error, 'worker_has_service_roles')) return 'administration.errors.workerHasServiceRoles';
  if (isApiError(error, 'service_retired')) return 'administration.errors.serviceRetired';
  return undefined;
}
