import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PendingEditFailure, PendingEditProgress } from '../../../components/pending-badge';
import { discardPendingEdit, usePendingEdit, usePendingEditStates } from '../../../lib/pending-edits';
import { newNote } from '../api/notes.query';

interface PendingNotesProps {
  familyId: string;
  roleNames: Record<string, string>;
}

/**
 * Notes written but not yet on the server: waiting for the connection, on their way, or refused
 * after waiting, then with why, "Try again" when that may help, and a way to drop the note.
 */
export function PendingNotes({ familyId, roleNames }: PendingNotesProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resend = usePendingEdit(newNote);
  // A note sent from the form with a connection is told of by the form.
  const notes = usePendingEditStates(newNote, (note) => note.familyId === familyId).filter(
    (note) => note.queued && note.status !== 'success',
  );
  if (notes.length === 0) return null;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('offline.pendingNotes')}>
      {notes.map(({ mutationId, status, isPaused, error, variables }) => (
        <Card component="li" withBorder padding="sm" key={mutationId} style={{ borderStyle: 'dashed' }}>
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="sm" fw={600}>
              {variables.body.serviceRoleId ? roleNames[variables.body.serviceRoleId] : t('notes.ownNote')}
            </Text>
            <Group gap="xs">
              <Badge variant="light" color={variables.body.visibility === 'family' ? 'teal' : 'gray'} tt="none">
                {t(`notes.visibility.${variables.body.visibility}`)}
              </Badge>
              <PendingEditProgress status={status} isPaused={isPaused} />
            </Group>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {variables.body.body}
          </Text>
          {status === 'error' && (
            <Stack gap="xs" mt="xs" align="flex-start">
              <PendingEditFailure
                error={error}
                onRetry={() => {
                  discardPendingEdit(queryClient, mutationId);
                  resend.mutate(variables);
                }}
                onDiscard={() => discardPendingEdit(queryClient, mutationId)}
                discardLabel={t('offline.discardNote')}
              />
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
