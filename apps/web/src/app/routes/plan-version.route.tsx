import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { planVersionQueryOptions } from '../../features/plan-versions/api/plan-versions.query';
import { PlanVersionView } from '../../features/plan-versions/components/plan-version-view';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { BackToPlanLink } from '../family-page-back-link';

/** One frozen version of the plan, as far as the reader may see it today; nothing on it can be changed. */
export function PlanVersionRoute() {
  const { t } = useTranslation();
  const { familyId = '', version: versionParam = '' } = useParams();
  const versionNumber = Number(versionParam);
  const valid = Number.isInteger(versionNumber) && versionNumber > 0;
  const version = useQuery({ ...planVersionQueryOptions(familyId, versionNumber), enabled: valid });
  usePageTitle(t('versionsAndPrint.pageTitle', { version: versionParam }));

  const missing = !valid || isApiError(version.error, 'not_found') || isApiError(version.error, 'validation_failed');
  return (
    <Stack gap="md">
      <div className="no-print">
        <BackToPlanLink familyId={familyId} />
      </div>
      {missing ? (
        <ErrorState title={t('versionsAndPrint.notFound')} />
      ) : version.isPending ? (
        <LoadingState />
      ) : version.isError ? (
        <ErrorState title={t('versionsAndPrint.loadFailed')} onRetry={() => void version.refetch()} />
      ) : (
        <PlanVersionView version={version.data} />
      )}
    </Stack>
  );
}
