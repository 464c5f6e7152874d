import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceRoleSummarySchema, serviceRoleWorkersSchema, type EndServiceRole, type UpdateServiceRole } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidatePlan, queryKeys } from '../../../lib/query-keys';

const rolePath = (familyId: string, serviceRoleId: string) =>
  `/api/families/${encodeURIComponent(familyId)}/service-roles/${encodeURIComponent(serviceRoleId)}`;

/** The workers of the role's service: whom the role may name responsible. */
export function serviceRoleWorkersQueryOptions(familyId: string, serviceRoleId: string) {
  return queryOptions({
    queryKey: queryKeys.serviceRoleWorkers(familyId, serviceRoleId),
    queryFn: async ({ signal }) =>
      (await apiRequest(`${rolePath(familyId, serviceRoleId)}/workers`, { schema: serviceRoleWorkersSchema, signal })).workers,
  });
}

export type ServiceRoleChange =
  | { kind: 'update'; serviceRoleId: string; body: UpdateServiceRole }
  | { kind: 'end'; serviceRoleId: string; body: EndServiceRole };

/** Changes what a role is, or ends it, against the version it was loaded at; 409 carries the role as it is now. */
export function useChangeServiceRole(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ServiceRoleChange) =>
      change.kind === 'update'
        ? apiRequest(rolePath(familyId, change.serviceRoleId), {
            method: 'PATCH',
            body: change.body,
            schema: serviceRoleSummarySchema,
          })
        : apiRequest(`${rolePath(familyId, change.serviceRoleId)}/end`, {
            method: 'POST',
            body: change.body,
            schema: serviceRoleSummarySchema,
          }),
    onSuccess: () => invalidatePlan(queryClient, familyId),
  });
}
