import { Alert, Button, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { actionStatuses, type Action, type ActionStatus, type UpdateActionStatus } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useUpdateAction } from '../api/update-action.mutation';

interface ActionStatusSelectProps {
  familyId: string;
  action: Action;
  /** Under the select, in the same column, e.g. editing the action. */
  children?: ReactNode;
  /** The family chooses among plain words ("Kesken"). */
  forFamily?: boolean;
}

function errorKey(error: unknown): string {
  if (isApiError(error, 'version_conflict')) return 'actions.conflict';
  if (isApiError(error, 'forbidden')) return 'actions.forbidden';
  if (isApiError(error, 'case_closed')) return 'actions.caseClosed';
  if (isApiError(error, 'not_found')) return 'actions.notFound';
  return 'actions.failed';
}

function isActionStatus(value: string): value is ActionStatus {
  return (actionStatuses as readonly string[]).includes(value);
}

/** Shows the chosen status while saving; after a refusal it falls back to what the server has. */
export function ActionStatusSelect({ familyId, action, children, forFamily = false }: ActionStatusSelectProps) {
  const { t } = useTranslation();
  const statusLabel = (status: ActionStatus) =>
    forFamily ? t(`familyHome.actionStatus.${status}`) : t(`actionStatus.${status}`);
  const update = useUpdateAction(familyId);
  const shown = (update.isPending && update.variables.body.status) || action.status;
  const attempted = update.variables?.body.status;
  const canReapply = isApiError(update.error, 'version_conflict') && attempted !== undefined && attempted !== action.status;

  const change = (status: ActionStatus) =>
    update.mutate({ actionId: action.id, body: { status, version: action.version } satisfies UpdateActionStatus });

  return (
    <>
      <Stack gap={4} style={{ flex: '0 1 12rem', minWidth: '10rem' }}>
        <NativeSelect
          aria-label={t('actions.statusLabel', { title: action.title })}
          data={actionStatuses.map((status) => ({ value: status, label: statusLabel(status) }))}
          value={shown}
          onChange={(event) => {
            const status = event.currentTarget.value;
            if (isActionStatus(status) && status !== action.status) change(status);
          }}
        />
        {children}
      </Stack>
      <VisuallyHidden role="status">
        {update.isSuccess ? t('actions.saved', { status: statusLabel(action.status) }) : ''}
      </VisuallyHidden>
      {update.isError && (
        <Alert
          color={isApiError(update.error, 'version_conflict') ? 'blue' : 'red'}
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          role="alert"
          py="xs"
          style={{ flexBasis: '100%' }}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t(errorKey(update.error))}</Text>
            {canReapply && (
              <Button
                size="xs"
                variant="outline"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => change(attempted)}
              >
                {t('actions.reapply', { status: statusLabel(attempted) })}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
    </>
  );
}
