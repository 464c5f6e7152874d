import { queryOptions } from '@tanstack/react-query';
import { demoAccountSchema, type DemoAccount } from '@yhdessa/shared';
import { z } from 'zod';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Outside demo mode the route does not exist (404): there is simply nothing to offer. */
async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  try {
    return await apiRequest('/api/demo/accounts', { schema: z.array(demoAccountSchema) });
  } catch (error) {
    if (isApiError(error, 'not_found')) return [];
    throw error;
  }
}

export function demoAccountsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.demoAccounts, queryFn: fetchDemoAccounts, staleTime: Infinity, retry: false });
}
