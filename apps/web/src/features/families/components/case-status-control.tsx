import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { familyDetailSchema, type FamilyDetail } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { invalidatePlan } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { familyQueryOptions, useUpdateFamily } from '../api/family.query';
import { NamedModal } from '../../../components/named-modal';

type Wanted = Extract<FamilyDetail['status'], 'active' | 'closed'>;

/** The coordinator closes the case (after a plain confirmation) or opens a closed one again. */
export function CaseStatusControl({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const family = useQuery(familyQueryOptions(familyId));
  const update = useUpdateFamily(familyId);
  const conflict = useVersionConflict(familyDetailSchema);
  const [confirming, setConfirming] = useState(false);
  if (!family.data) return null;

  const closed = family.data.status === 'closed';
  const change = (status: Wanted, version: number) => {
    conflict.clear();
    update.mutate(
      { status, version },
      {
        onSuccess: () => setConfirming(false),
        onError: conflict.capture,
      },
    );
  };
  const wanted: Wanted = closed ? 'active' : 'closed';
  const current = conflict.current;
  const feedback = (
    <SaveProblem
      error={update.error}
      onRetry={() => change(wanted, update.variables?.version ?? family.data.version)}
      conflict={
        current && (
          <ConflictAlert
            pending={update.isPending}
            onReapply={current.status === wanted ? undefined : () => change(wanted, current.version)}
            reapplyLabel={wanted === 'closed' ? t('caseStatus.closeAnyway') : t('caseStatus.reopenAnyway')}
            onDiscard={() => {
              conflict.clear();
              update.reset();
              setConfirming(false);
              // The plan still shows the case as it was before the other change.
              invalidatePlan(queryClient, familyId);
            }}
          >
            <Text size="sm">{t('caseStatus.statusNow', { status: t(`familyStatus.${current.status}`) })}</Text>
          </ConflictAlert>
        )
      }
    />
  );

  if (closed)
    return (
      <Stack gap="xs">
        <Group>
          <Button
            variant="default"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            loading={update.isPending}
            onClick={() => change('active', family.data.version)}
          >
            {t('caseStatus.reopen')}
          </Button>
        </Group>
        {feedback}
      </Stack>
    );

  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconLock size={16} aria-hidden />}
        onClick={() => {
          update.reset();
          conflict.clear();
          setConfirming(true);
        }}
      >
        {t('caseStatus.close')}
      </Button>
      <NamedModal opened={confirming} onClose={() => setConfirming(false)} title={t('caseStatus.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('caseStatus.confirmText')}</Text>
          <Text size="sm">{t('caseStatus.confirmReopen')}</Text>
          {family.data.pendingHandover && (
            <Text size="sm">{t('caseStatus.confirmHandoverLapses', { name: family.data.pendingHandover.to.name })}</Text>
          )}
          {feedback}
          {!current && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)} disabled={update.isPending}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={update.isPending} onClick={() => change('closed', family.data.version)}>
                {t('caseStatus.confirmClose')}
              </Button>
            </Group>
          )}
        </Stack>
      </NamedModal>
    </>
  );
}
