import { Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PendingEditFailure, PendingEditProgress } from '../../../components/pending-badge';
import { formatDate, useLanguage } from '../../../lib/locale';
import { discardPendingEdit, usePendingEdit, usePendingEditStates } from '../../../lib/pending-edits';
import { goalProgressEntry } from '../api/goal.mutations';

/**
 * A goal's progress entries written but not yet on the server: waiting for the connection, on
 * their way, or refused after waiting, then with why and a way to try again or drop the entry.
 */
export function PendingProgress({ familyId, goalId }: { familyId: string; goalId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const resend = usePendingEdit(goalProgressEntry);
  // An entry sent from the form with a connection is told of by the form.
  const entries = usePendingEditStates(
    goalProgressEntry,
    (entry) => entry.familyId === familyId && entry.goalId === goalId,
  ).filter((entry) => entry.queued && entry.status !== 'success');
  if (entries.length === 0) return null;
  return (
    <Stack gap="xs">
      {entries.map(({ mutationId, status, isPaused, error, variables }) => (
        <Paper key={mutationId} withBorder p="xs" style={{ borderStyle: 'dashed' }}>
          <Stack gap={4} align="flex-start">
            <Group gap="xs">
              <Text size="sm">
                {t('offline.progressEntry', {
                  date: formatDate(variables.body.recordedOn, language),
                  value: variables.body.value,
                })}
              </Text>
              <PendingEditProgress status={status} isPaused={isPaused} />
            </Group>
            {status === 'error' && (
              <>
                <PendingEditFailure
                  error={error}
                  onRetry={() => {
                    discardPendingEdit(queryClient, mutationId);
                    resend.mutate(variables);
                  }}
                  onDiscard={() => discardPendingEdit(queryClient, mutationId)}
                  discardLabel={t('offline.discardEntry')}
                />
              </>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
