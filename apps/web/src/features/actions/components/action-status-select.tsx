import { Alert, Box, Button, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { actionStatuses, type Action, type ActionStatus } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { PendingBadge } from '../../../components/pending-badge';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { usePendingEditStates } from '../../../lib/pending-edits';
import { actionStatusChange, isChangeOf, useChangeActionStatus } from '../api/update-action.mutation';

interface ActionStatusSelectProps {
  familyId: string;
  action: Action;
  /** Under the select, in the same column, e.g. editing the action. */
  children?: ReactNode;
  /** The family chooses among plain words ("Kesken"). */
  forFamily?: boolean;
}

function errorKey(error: unknown): string {
  if (isApiError(error, 'forbidden')) return 'actions.forbidden';
  if (isApiError(error, 'case_closed')) return 'actions.caseClosed';
  if (isApiError(error, 'not_found')) return 'actions.notFound';
  return 'actions.failed';
}

/** No answer came: the shared words for it say so. */
const unanswered = (error: unknown) => isApiError(error, 'timeout') || isApiError(error, 'unreachable');

function isActionStatus(value: string): value is ActionStatus {
  return (actionStatuses as readonly string[]).includes(value);
}

/**
 * Shows the chosen status while saving, and while it waits for the connection; after a refusal it
 * falls back to what the server has. The latest change to the action is read from the queue, so a
 * change made before a reload shows (and resolves) here the same way.
 */
export function ActionStatusSelect({ familyId, action, children, forFamily = false }: ActionStatusSelectProps) {
  const { t } = useTranslation();
  const statusLabel = (status: ActionStatus) =>
    forFamily ? t(`familyHome.actionStatus.${status}`) : t(`actionStatus.${status}`);
  const changeStatus = useChangeActionStatus(familyId);
  const latest = usePendingEditStates(actionStatusChange, isChangeOf(action.id)).at(-1);
  const attempted = latest?.variables.body.status;
  const sending = latest?.status === 'pending';
  const waiting = sending && latest.isPaused;
  const shown = (sending && attempted) || action.status;
  const failed = latest?.status === 'error' ? latest.error : null;
  const conflict = isApiError(failed, 'version_conflict');

  const change = (status: ActionStatus) => changeStatus(action.id, { status, version: action.version });

  return (
    <>
      <Stack gap={4} style={{ flex: '0 1 12rem', minWidth: '10rem' }}>
        <NativeSelect
          aria-label={t('actions.statusLabel', { title: action.title })}
          data={actionStatuses.map((status) => ({ value: status, label: statusLabel(status) }))}
          value={shown}
          onChange={(event) => {
            const status = event.currentTarget.value;
            if (isActionStatus(status) && status !== shown) change(status);
          }}
        />
        {waiting && <PendingBadge />}
        {children}
      </Stack>
      <VisuallyHidden role="status">
        {latest?.status === 'success' ? t('actions.saved', { status: statusLabel(action.status) }) : ''}
      </VisuallyHidden>
      {conflict && latest && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          role="alert"
          py="xs"
          style={{ flexBasis: '100%' }}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('actions.conflict')}</Text>
            {latest.variables.body.status !== action.status && (
              <Button
                size="xs"
                variant="outline"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => change(latest.variables.body.status)}
              >
                {t('actions.reapply', { status: statusLabel(latest.variables.body.status) })}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {failed && !conflict && latest && (
        <Box style={{ flexBasis: '100%' }}>
          <SaveError
            error={failed}
            message={unanswered(failed) ? undefined : t(errorKey(failed))}
            onRetry={() => change(latest.variables.body.status)}
          />
        </Box>
      )}
    </>
  );
}
