import { useMutation, useQueryClient } from '@tanstack/react-query';
import { catalogueServiceSchema, type CatalogueService, type CreateService, type UpdateService } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';
import { serviceCatalogueQueryOptions } from './service-catalogue.query';

/** Puts the saved entry into the cached catalogue at once, then lets the server's order settle it. */
function useCatalogueUpdate() {
  const queryClient = useQueryClient();
  const { queryKey } = serviceCatalogueQueryOptions();
  return (saved: CatalogueService) => {
    queryClient.setQueryData(queryKey, (current) =>
      current?.some((service) => service.id === saved.id)
        ? current.map((service) => (service.id === saved.id ? saved : service))
        : [...(current ?? []), saved],
    );
    void queryClient.invalidateQueries({ queryKey });
  };
}

export function useCreateService() {
  const updateCatalogue = useCatalogueUpdate();
  return useMutation({
    mutationFn: (body: CreateService) => apiRequest('/api/services', { method: 'POST', body, schema: catalogueServiceSchema }),
    onSuccess: updateCatalogue,
  });
}

export function useUpdateService(serviceId: string) {
  const updateCatalogue = useCatalogueUpdate();
  return useMutation({
    mutationFn: (body: UpdateService) =>
      apiRequest(`/api/services/${encodeURIComponent(serviceId)}`, { method: 'PATCH', body, schema: catalogueServiceSchema }),
    onSuccess: updateCatalogue,
  });
}

/** Retires a service (plans keep it, nobody new joins it) or takes it back into use. */
export function useSetServiceRetired(serviceId: string) {
  const updateCatalogue = useCatalogueUpdate();
  return useMutation({
    mutationFn: (change: 'retire' | 'restore') =>
      apiRequest(`/api/services/${encodeURIComponent(serviceId)}/${change}`, { method: 'POST', schema: catalogueServiceSchema }),
    onSuccess: updateCatalogue,
  });
}
