import { EmptyState, SimpleGrid } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { familiesQueryOptions } from '../api/families.query';
import { FamilyCard } from './family-card';

export function FamilyList() {
  const { t } = useTranslation();
  const families = useQuery(familiesQueryOptions());

  if (families.isPending) return <LoadingState />;
  if (families.isError) return <ErrorState title={t('families.error')} onRetry={() => void families.refetch()} />;
  if (families.data.length === 0)
    return (
      <EmptyState
        icon={<IconUsersGroup aria-hidden />}
        withIndicatorBackground
        title={t('families.emptyTitle')}
        description={t('families.emptyDescription')}
      />
    );
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      component="ul"
      role="list"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {families.data.map((family) => (
        <li key={family.id}>
          <FamilyCard family={family} />
        </li>
      ))}
    </SimpleGrid>
  );
}
