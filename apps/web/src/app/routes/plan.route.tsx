import { Anchor, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { ActionStatusSelect } from '../../features/actions/components/action-status-select';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { familiesQueryKey } from '../../features/families/api/families.query';
import { applyFamilyEventToPlan, refreshPlan, storePlanAction } from '../../features/plans/api/plan-cache';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { PlanView } from '../../features/plans/components/plan-view';
import { LiveIndicator } from '../../features/realtime/components/live-indicator';
import { useFamilyRoom } from '../../features/realtime/hooks/use-family-room';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { FamilyDataLinks } from '../family-data-links';
import { useLeaveRevokedFamily } from '../use-leave-family';

/** The shared plan, its action status controls, and live updates from the family's room. */
export function PlanRoute() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const queryClient = useQueryClient();
  const plan = useQuery(planQueryOptions(familyId));
  const currentUser = useQuery(currentUserQueryOptions());
  const leave = useLeaveRevokedFamily(familyId);
  const { connected } = useFamilyRoom(familyId, {
    // Any change, a withdrawn consent too, refetches what this user may still see.
    onEvent: (event) => void applyFamilyEventToPlan(queryClient, event),
    onJoined: () => void refreshPlan(queryClient, familyId),
    // The plan is dropped at once and the user is told plainly why it went.
    onRevoked: leave,
  });
  usePageTitle(plan.data?.family.name ?? t('plan.pageTitle'));

  const storeAction = (action: Action) => {
    storePlanAction(queryClient, familyId, action);
    // The list's open and overdue counts follow from action statuses.
    void queryClient.invalidateQueries({ queryKey: familiesQueryKey });
  };

  const backLink = (
    <Anchor
      component={Link}
      to={paths.families}
      size="sm"
      mih={44}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={16} aria-hidden />
      {t('app.backToFamilies')}
    </Anchor>
  );

  if (plan.isPending) return <LoadingState />;
  const hidden = isApiError(plan.error, 'not_found') || isApiError(plan.error, 'validation_failed');
  // A failed background refetch keeps the plan on screen; losing access does not.
  if (plan.isError && (hidden || !plan.data)) {
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        <ErrorState
          title={hidden ? t('plan.notFound') : t('plan.loadFailed')}
          onRetry={hidden ? undefined : () => void plan.refetch()}
        />
      </Stack>
    );
  }
  const closed = plan.data.family.status === 'closed';
  return (
    <Stack gap="md">
      <div>{backLink}</div>
      <PlanView
        plan={plan.data}
        headerExtra={<LiveIndicator connected={connected} />}
        toolbar={currentUser.data && <FamilyDataLinks familyId={familyId} role={currentUser.data.role} />}
        renderActionStatus={(action) => (
          <ActionStatusSelect familyId={familyId} action={action} disabled={closed} onStored={storeAction} />
        )}
      />
    </Stack>
  );
}
