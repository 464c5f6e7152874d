import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlayerStop } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { serviceRoleSummarySchema, type ServiceRole } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { invalidatePlan } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { useChangeServiceRole } from '../api/service-role.mutations';
import { ServiceRoleForm } from './service-role-form';
import { ServiceRoleState } from './service-role-state';
import { NamedModal } from '../../../components/named-modal';

interface ServiceRoleControlsProps {
  familyId: string;
  role: ServiceRole;
  serviceName: string;
  /** Only the coordinator ends a role. */
  canEnd: boolean;
  /** Only the coordinator sets when a role starts and ends. */
  canSetDates: boolean;
}

/** On a service's card: change what the role is, and (the coordinator) end it. */
export function ServiceRoleControls({ familyId, role, serviceName, canEnd, canSetDates }: ServiceRoleControlsProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  if (editing)
    return (
      <Paper withBorder p="sm" className="no-print">
        <ServiceRoleForm
          familyId={familyId}
          role={role}
          serviceName={serviceName}
          canSetDates={canSetDates}
          onDone={() => setEditing(false)}
        />
      </Paper>
    );
  return (
    <Group gap="xs" className="no-print">
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPencil size={14} aria-hidden />}
        aria-label={t('serviceRole.editNamed', { service: serviceName })}
        onClick={() => setEditing(true)}
      >
        {t('serviceRole.edit')}
      </Button>
      {canEnd && (
        <>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconPlayerStop size={14} aria-hidden />}
            aria-label={t('serviceRole.endNamed', { service: serviceName })}
            onClick={() => setEnding(true)}
          >
            {t('serviceRole.end')}
          </Button>
          <NamedModal
            opened={ending}
            onClose={() => setEnding(false)}
            title={t('serviceRole.endTitle', { service: serviceName })}
          >
            {ending && <EndServiceRole familyId={familyId} role={role} onDone={() => setEnding(false)} />}
          </NamedModal>
        </>
      )}
    </Group>
  );
}

interface EndServiceRoleProps {
  familyId: string;
  role: ServiceRole;
  onDone: () => void;
}

function EndServiceRole({ familyId, role, onDone }: EndServiceRoleProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const end = useChangeServiceRole(familyId);
  const conflict = useVersionConflict(serviceRoleSummarySchema);
  const send = (version: number) => {
    conflict.clear();
    end.mutate({ kind: 'end', serviceRoleId: role.id, body: { version } }, { onSuccess: onDone, onError: conflict.capture });
  };
  const current = conflict.current;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('serviceRole.endText')}</Text>
      <Text size="sm">{t('serviceRole.endKeeps')}</Text>
      <SaveProblem
        error={end.error}
        onRetry={() => end.variables && send(end.variables.body.version)}
        conflict={
          current && (
            <ConflictAlert
              pending={end.isPending}
              onReapply={current.status === 'ended' ? undefined : () => send(current.version)}
              reapplyLabel={t('serviceRole.endAnyway')}
              onDiscard={() => {
                // The plan still shows the role as it was before the other change.
                invalidatePlan(queryClient, familyId);
                onDone();
              }}
            >
              <ServiceRoleState role={current} />
            </ConflictAlert>
          )
        }
      />
      {!current && (
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={end.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={end.isPending} onClick={() => send(role.version)}>
            {t('serviceRole.endConfirm')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
