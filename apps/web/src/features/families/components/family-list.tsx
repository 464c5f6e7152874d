import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { familyPagesQueryOptions } from '../api/families.query';
import { FamilyPages } from './family-pages';

/** The families the user belongs to or works with, for those without a workspace (family members), by name. */
export function FamilyList() {
  const { t } = useTranslation();
  const pages = useInfiniteQuery(familyPagesQueryOptions({}));

  if (pages.isPending) return <LoadingState />;
  if (pages.isError && !pages.data) return <ErrorState title={t('families.error')} onRetry={() => void pages.refetch()} />;
  return <FamilyPages pages={pages} emptyTitle={t('families.emptyTitle')} emptyDescription={t('families.emptyDescription')} />;
}
