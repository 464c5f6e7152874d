import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { familiesQueryOptions } from '../api/families.query';
import { FamilyGrid } from './family-grid';

/** The families the user belongs to or works with, for those without a workspace (family members). */
export function FamilyList() {
  const { t } = useTranslation();
  const families = useQuery(familiesQueryOptions());

  if (families.isPending) return <LoadingState />;
  if (families.isError) return <ErrorState title={t('families.error')} onRetry={() => void families.refetch()} />;
  return (
    <FamilyGrid
      families={families.data}
      emptyTitle={t('families.emptyTitle')}
      emptyDescription={t('families.emptyDescription')}
    />
  );
}
