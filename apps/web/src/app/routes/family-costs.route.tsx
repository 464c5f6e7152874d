import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Plan } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { useFamilyRoom } from '../../features/realtime/hooks/use-family-room';
import {
  familyCostsQueryOptions,
  serviceUsageQueryOptions,
  usageSummaryQueryOptions,
} from '../../features/service-usage/api/service-usage.query';
import { FamilyCostsTable } from '../../features/service-usage/components/family-costs-table';
import { UsageForm } from '../../features/service-usage/components/usage-form';
import { UsageList } from '../../features/service-usage/components/usage-list';
import { UsageSummary } from '../../features/service-usage/components/usage-summary';
import { isApiError } from '../../lib/api-client';
import { localizeText, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { BackToPlanLink } from '../family-page-back-link';
import { refreshAfterEvent } from '../refresh-on-event';
import { useLeaveRevokedFamily } from '../use-leave-family';

/**
 * "Palvelut ja kustannukset": the coordinator sees what the family's services cost, month by
 * month, beside the reference costs of heavy services; a worker records and corrects their own
 * service's usage and sees its figures; the family sees the services it received, without prices.
 */
export function FamilyCostsRoute() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const queryClient = useQueryClient();
  const plan = useQuery(planQueryOptions(familyId));
  const leave = useLeaveRevokedFamily(familyId);
  useFamilyRoom(familyId, {
    onEvent: (event) => refreshAfterEvent(queryClient, event),
    onRevoked: leave,
  });
  const title = plan.data?.can.readUsageSummary ? t('usage.summary.title') : t('costs.title');
  usePageTitle(title);

  const header = (
    <Stack gap={4}>
      <div>
        <BackToPlanLink familyId={familyId} />
      </div>
      <Title order={1}>{title}</Title>
      {plan.data && <Text c="dimmed">{plan.data.family.name}</Text>}
    </Stack>
  );
  if (plan.isPending) return <LoadingState />;
  if (plan.isError) {
    const hidden = isApiError(plan.error, 'not_found') || isApiError(plan.error, 'validation_failed');
    return (
      <Stack gap="md">
        {header}
        <ErrorState
          title={hidden ? t('costs.notFound') : t('costs.loadFailed')}
          onRetry={hidden ? undefined : () => void plan.refetch()}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="xl" maw={1100}>
      {header}
      {plan.data.can.readUsageSummary && <FamilySummary familyId={familyId} />}
      {plan.data.can.readCosts && <ProfessionalCosts familyId={familyId} plan={plan.data} />}
    </Stack>
  );
}

function FamilySummary({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const summary = useQuery(usageSummaryQueryOptions(familyId));
  return (
    <Stack gap="sm">
      <Text>{t('usage.summary.intro')}</Text>
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <ErrorState title={t('costs.loadFailed')} onRetry={() => void summary.refetch()} />
      ) : (
        <UsageSummary summary={summary.data} />
      )}
    </Stack>
  );
}

function ProfessionalCosts({ familyId, plan }: { familyId: string; plan: Plan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const costs = useQuery(familyCostsQueryOptions(familyId));
  const usage = useQuery(serviceUsageQueryOptions(familyId));
  const recordable = plan.serviceRoles
    .filter((role) => role.can.recordUsage)
    .map((role) => ({ serviceRoleId: role.id, serviceName: localizeText(role.service.name, language) }));

  return (
    <>
      <Stack gap="sm" component="section" aria-labelledby="costs-table-title">
        <Title order={2} size="h3" id="costs-table-title">
          {t('costs.tableTitle')}
        </Title>
        {costs.isPending ? (
          <LoadingState />
        ) : costs.isError ? (
          <ErrorState title={t('costs.loadFailed')} onRetry={() => void costs.refetch()} />
        ) : (
          <FamilyCostsTable costs={costs.data} />
        )}
      </Stack>
      {recordable.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="usage-form-title">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h3" id="usage-form-title">
                {t('usage.form.title')}
              </Title>
              <Button
                component={Link}
                to={paths.usageCsv}
                variant="subtle"
                size="xs"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              >
                {t('usageCsv.title')}
              </Button>
            </Group>
            <UsageForm familyId={familyId} roles={recordable} />
          </Stack>
        </Paper>
      )}
      <Stack gap="sm" component="section" aria-labelledby="usage-list-title">
        <Title order={2} size="h3" id="usage-list-title">
          {t('usage.list.title')}
        </Title>
        {usage.isPending ? (
          <LoadingState />
        ) : usage.isError ? (
          <ErrorState title={t('costs.loadFailed')} onRetry={() => void usage.refetch()} />
        ) : (
          <UsageList familyId={familyId} usage={usage.data} correctable={new Set(recordable.map((role) => role.serviceRoleId))} />
        )}
      </Stack>
    </>
  );
}
