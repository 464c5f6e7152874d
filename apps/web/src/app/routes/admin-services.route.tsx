import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { serviceCatalogueQueryOptions } from '../../features/service-catalogue/api/service-catalogue.query';
import { ServiceCatalogueTable } from '../../features/service-catalogue/components/service-catalogue-table';
import { ServiceForm } from '../../features/service-catalogue/components/service-form';
import { AdminSection } from '../admin-section';
import { NamedModal } from '../../components/named-modal';

/** The service catalogue: providers, units and unit costs, which the cost views price usage with. */
export function AdminServicesRoute() {
  const { t } = useTranslation();
  const catalogue = useQuery(serviceCatalogueQueryOptions());
  const [adding, setAdding] = useState(false);

  return (
    <AdminSection
      id="catalogue-title"
      title={t('catalogue.title')}
      intro={t('catalogue.intro')}
      action={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('catalogue.add')}
        </Button>
      }
    >
      {catalogue.isPending ? (
        <LoadingState />
      ) : catalogue.isError ? (
        <ErrorState title={t('catalogue.loadFailed')} onRetry={() => void catalogue.refetch()} />
      ) : (
        <ServiceCatalogueTable services={catalogue.data} />
      )}
      <NamedModal opened={adding} onClose={() => setAdding(false)} title={t('catalogue.addTitle')} size="xl">
        <ServiceForm onDone={() => setAdding(false)} />
      </NamedModal>
    </AdminSection>
  );
}
