import { Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalizedText } from '@yhdessa/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { consentsQueryOptions } from '../../features/consents/api/consents.query';
import { ConsentBoard, type ConsentReadOnlyReason } from '../../features/consents/components/consent-board';
import { ConsentHistory } from '../../features/consents/components/consent-history';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { PresencePreferenceChoice } from '../../features/realtime/components/presence-preference-choice';
import { useFamilyRoom } from '../../features/realtime/hooks/use-family-room';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { BackToPlanLink } from '../family-page-back-link';
import { refreshAfterEvent } from '../refresh-on-event';
import { useLeaveRevokedFamily } from '../use-leave-family';

/** "Mitä palvelut näkevät": per service and plan part, what the family lets it see, and who changed it when. */
export function ConsentsRoute() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const queryClient = useQueryClient();
  const currentUser = useQuery(currentUserQueryOptions());
  const plan = useQuery(planQueryOptions(familyId));
  const consents = useQuery(consentsQueryOptions(familyId));
  const leave = useLeaveRevokedFamily(familyId);
  useFamilyRoom(familyId, {
    // Another guardian's decision shows here at once.
    onEvent: (event) => refreshAfterEvent(queryClient, event),
    onRevoked: leave,
  });
  usePageTitle(t('consents.title'));

  const serviceNames = useMemo(() => {
    const names: Record<string, LocalizedText> = {};
    for (const role of plan.data?.serviceRoles ?? []) names[role.service.id] = role.service.name;
    return names;
  }, [plan.data]);

  const header = (
    <Stack gap={4}>
      <div>
        <BackToPlanLink familyId={familyId} />
      </div>
      <Title order={1}>{t('consents.title')}</Title>
      {plan.data && <Text c="dimmed">{plan.data.family.name}</Text>}
    </Stack>
  );

  if (consents.isPending || plan.isPending) return <LoadingState />;
  if (consents.isError || plan.isError) {
    const error = consents.error ?? plan.error;
    const hidden = isApiError(error, 'not_found') || isApiError(error, 'validation_failed');
    return (
      <Stack gap="md" maw={760}>
        {header}
        <ErrorState
          title={hidden ? t('consents.notFound') : t('consents.loadFailed')}
          onRetry={
            hidden
              ? undefined
              : () => {
                  void consents.refetch();
                  void plan.refetch();
                }
          }
        />
      </Stack>
    );
  }

  const family = currentUser.data?.role === 'family';
  const closed = plan.data.family.status === 'closed';
  const readOnly: ConsentReadOnlyReason | undefined = closed ? 'closed' : !family ? 'professional' : undefined;
  // The coordinator may keep a service from the others too; a young member learns from the server that they may not.
  const mayHide = !closed && (family || currentUser.data?.role === 'coordinator');

  return (
    <Stack gap="lg" maw={760}>
      {header}
      <Stack gap="xs">
        <Text>{family ? t('consents.intro') : t('consents.introProfessional')}</Text>
        <Text size="sm">{family ? t('consents.immediate') : t('consents.immediateProfessional')}</Text>
        <Text size="sm">{t('consents.coordinatorSeesAll', { name: plan.data.family.coordinator.name })}</Text>
      </Stack>
      <ConsentBoard
        familyId={familyId}
        consents={consents.data}
        serviceNames={serviceNames}
        readOnly={readOnly}
        mayHide={mayHide}
      />
      {family && <PresencePreferenceChoice familyId={familyId} coordinatorName={plan.data.family.coordinator.name} />}
      <Stack component="section" aria-labelledby="consent-history" gap="sm">
        <Title order={2} size="h3" id="consent-history">
          {t('consents.historyTitle')}
        </Title>
        <ConsentHistory history={consents.data.history} serviceNames={serviceNames} />
      </Stack>
    </Stack>
  );
}
