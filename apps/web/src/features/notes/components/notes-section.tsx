import { Badge, Button, Card, Group, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { NOTE_BODY_MAX_LENGTH, type NoteVisibility } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { useDraftForm } from '../../../lib/drafts';
import { fieldError } from '../../../lib/form-errors';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { submitPendingEdit, usePendingEdit, usePendingEditStates } from '../../../lib/pending-edits';
import { newNote, notesQueryOptions } from '../api/notes.query';
import { PendingNotes } from './pending-notes';

export interface NoteTarget {
  /** null: the coordinator's or the family's own note. */
  serviceRoleId: string | null;
  label: string;
}

interface NotesSectionProps {
  familyId: string;
  /** Where the user may write; empty when they may not write at all. */
  targets: NoteTarget[];
  /** Family members write only notes the family sees; professionals choose. */
  canChooseVisibility: boolean;
  /** Names of the plan's service roles, so each note says whose it is. */
  roleNames: Record<string, string>;
  /** Whether the family shares every service's notes with the reader; when not, they read only their own service's and are told so. */
  shared: boolean;
}

/** The latest progress entries (kirjaukset), newest first, and a form to add one. */
export function NotesSection({ familyId, targets, canChooseVisibility, roleNames, shared }: NotesSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notes = useInfiniteQuery(notesQueryOptions(familyId));

  return (
    <Stack gap="sm">
      {targets.length > 0 && <NoteForm familyId={familyId} targets={targets} canChooseVisibility={canChooseVisibility} />}
      {!shared && <Text size="sm">{t('privacy.notesNotShared')}</Text>}
      <PendingNotes familyId={familyId} roleNames={roleNames} />
      {notes.isPending ? (
        <LoadingState />
      ) : notes.isError && !notes.data ? (
        <ErrorState title={t('notes.loadFailed')} onRetry={() => void notes.refetch()} />
      ) : notes.data.pages[0]?.notes.length === 0 ? (
        <Text size="sm">{t('notes.empty')}</Text>
      ) : (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {notes.data.pages
              .flatMap((page) => page.notes)
              .map((note) => {
                const { date, time } = formatDateTimeParts(note.createdAt, language);
                return (
                  <Card component="li" withBorder padding="sm" key={note.id}>
                    <Group justify="space-between" gap="xs" mb={4}>
                      <Text size="sm" fw={600}>
                        {[note.author.name, note.serviceRoleId ? roleNames[note.serviceRoleId] : null]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      <Group gap="xs">
                        <Badge variant="light" color={note.visibility === 'family' ? 'teal' : 'gray'} tt="none">
                          {t(`notes.visibility.${note.visibility}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {t('workspace.at', { date, time })}
                        </Text>
                      </Group>
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {note.body}
                    </Text>
                  </Card>
                );
              })}
          </Stack>
          {notes.hasNextPage && (
            <Group className="no-print">
              <Button variant="subtle" onClick={() => void notes.fetchNextPage()} loading={notes.isFetchingNextPage}>
                {t('notes.older')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** A note is written here; without a connection it waits to be sent (PendingNotes). */
function NoteForm({ familyId, targets, canChooseVisibility }: Omit<NotesSectionProps, 'roleNames' | 'shared'>) {
  const { t } = useTranslation();
  const create = usePendingEdit(newNote);
  const counted = useCharacterCount();
  const { form, clearDraft } = useDraftForm(
    { familyId, form: 'note' },
    {
      initialValues: {
        body: '',
        visibility: (canChooseVisibility ? 'professionals' : 'family') as NoteVisibility,
        target: targets[0]?.serviceRoleId ?? '',
      },
      validate: { body: (value) => (value.trim() ? withinLength(NOTE_BODY_MAX_LENGTH)(value) : 'notes.bodyRequired') },
    },
  );
  const waiting = usePendingEditStates(newNote, (note) => note.familyId === familyId).some((note) => note.isPaused);

  return (
    <Card withBorder padding="md" className="no-print">
      <form
        noValidate
        onSubmit={form.onSubmit(({ body, visibility, target }) =>
          submitPendingEdit(create, { familyId, body: { body: body.trim(), visibility, serviceRoleId: target || null } }, () => {
            form.setFieldValue('body', '');
            clearDraft();
          }),
        )}
      >
        <Stack gap="xs">
          <Textarea
            label={t('notes.body')}
            {...form.getInputProps('body')}
            {...counted(form.values.body, NOTE_BODY_MAX_LENGTH)}
            error={fieldError(t, form.errors, 'body')}
            required
            autosize
            minRows={2}
          />
          {targets.length > 1 && (
            <NativeSelect
              label={t('notes.target')}
              {...form.getInputProps('target')}
              data={targets.map((each) => ({ value: each.serviceRoleId ?? '', label: each.label }))}
            />
          )}
          {canChooseVisibility ? (
            <Radio.Group
              label={t('notes.visibilityLabel')}
              value={form.values.visibility}
              onChange={(value) => form.setFieldValue('visibility', value as NoteVisibility)}
            >
              <Group gap="lg" mt={4}>
                <Radio value="professionals" label={t('notes.visibility.professionals')} />
                <Radio value="family" label={t('notes.visibility.family')} />
              </Group>
            </Radio.Group>
          ) : (
            <Text size="xs" c="dimmed">
              {t('notes.familySees')}
            </Text>
          )}
          {create.isError && <SaveError error={create.error} />}
          <Text size="sm" role="status">
            {waiting ? t('offline.noteQueued') : create.isSuccess ? t('notes.saved') : ''}
          </Text>
          <Group>
            <Button type="submit" size="sm" loading={create.isPending}>
              {t('notes.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
