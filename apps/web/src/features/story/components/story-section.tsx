import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { storySchema, type Story } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../../components/conflict-alert';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { isApiError, isTransientError } from '../../../lib/api-client';
import { useHasDraft, type DraftKey } from '../../../lib/draft-storage';
import { useDraftForm } from '../../../lib/drafts';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { storyHistoryQueryOptions, storyQueryOptions, useUpdateStory } from '../api/story.query';
import { NamedModal } from '../../../components/named-modal';
import { StoryComments } from './story-comments';

const fields = ['background', 'situation', 'strengths'] as const;
type Field = (typeof fields)[number];
type Draft = Record<Field, string>;

interface StorySectionProps {
  familyId: string;
  /** The coordinator writes the story (with the family); everyone else reads it. */
  canEdit: boolean;
  /** The family comments on the story and asks for corrections; the coordinator resolves them. */
  canComment: boolean;
  canResolveComments: boolean;
  /** Whether the family shares its story with the reader: when not, the section says so rather than vanish. */
  shared: boolean;
}

/** The family's story, told once: read by all who may, written by the coordinator, with its history. */
export function StorySection({ shared, ...props }: StorySectionProps) {
  const { t } = useTranslation();
  if (!shared) return <Text size="sm">{t('story.notShared')}</Text>;
  return <SharedStory {...props} />;
}

function SharedStory({ familyId, canEdit, canComment, canResolveComments }: Omit<StorySectionProps, 'shared'>) {
  const { t } = useTranslation();
  const story = useQuery(storyQueryOptions(familyId));
  // An edit left unsaved (the session ended, the page was reloaded) opens where the user left it.
  const unsaved = useHasDraft(storyDraft(familyId));
  const [editing, setEditing] = useState(unsaved);
  const [historyOpen, setHistoryOpen] = useState(false);

  if (story.isPending) return <LoadingState />;
  if (story.isError && !story.data)
    return isApiError(story.error, 'forbidden') ? (
      <Text size="sm">{t('story.notShared')}</Text>
    ) : (
      <ErrorState title={t('story.loadFailed')} onRetry={() => void story.refetch()} />
    );

  const data = story.data;
  const empty = fields.every((field) => data[field].trim() === '');
  return (
    <Card withBorder padding="md" className="plan-story">
      <Stack gap="sm">
        {editing && canEdit ? (
          <StoryForm familyId={familyId} story={data} onDone={() => setEditing(false)} />
        ) : (
          <>
            {empty ? (
              <Text size="sm">{canEdit ? t('story.emptyCoordinator') : t('story.empty')}</Text>
            ) : (
              fields.map((field) => (
                <div key={field}>
                  <Title order={3} size="h5">
                    {t(`story.${field}`)}
                  </Title>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {data[field] || t('story.fieldEmpty')}
                  </Text>
                </div>
              ))
            )}
            <StoryMeta story={data} />
            <Group gap="sm" className="no-print">
              {canEdit && (
                <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  {empty ? t('story.write') : t('story.edit')}
                </Button>
              )}
              {data.updatedAt && (
                <Button variant="subtle" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOpen(true)}>
                  {t('story.history')}
                </Button>
              )}
            </Group>
            <StoryComments familyId={familyId} comments={data.comments} canComment={canComment} canResolve={canResolveComments} />
          </>
        )}
      </Stack>
      <NamedModal opened={historyOpen} onClose={() => setHistoryOpen(false)} title={t('story.historyTitle')} size="lg">
        {historyOpen && <StoryHistory familyId={familyId} />}
      </NamedModal>
    </Card>
  );
}

function StoryMeta({ story }: { story: Story }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!story.updatedAt || !story.updatedBy) return null;
  const { date, time } = formatDateTimeParts(story.updatedAt, language);
  return (
    <Text size="xs" c="dimmed">
      {t('story.updatedBy', { name: story.updatedBy.name, date, time })}
    </Text>
  );
}

/** The coordinator's unsaved edit of the story. */
const storyDraft = (familyId: string): DraftKey => ({ familyId, form: 'story' });

interface StoryFormProps {
  familyId: string;
  /** The story as it was when the edit began. */
  story: Story;
  onDone: () => void;
}

function StoryForm({ familyId, story, onDone }: StoryFormProps) {
  const { t } = useTranslation();
  const update = useUpdateStory(familyId);
  // The version the edit began from: a change saved meanwhile comes up as a conflict.
  const [startedFrom] = useState(story.version);
  const {
    form,
    version: draftVersion,
    clearDraft,
  } = useDraftForm<Draft>(storyDraft(familyId), {
    initialValues: { background: story.background, situation: story.situation, strengths: story.strengths },
    version: startedFrom,
  });
  const [version, setVersion] = useState(draftVersion ?? startedFrom);
  const [conflict, setConflict] = useState<Story | null>(null);
  const done = () => {
    clearDraft();
    onDone();
  };

  function save(onVersion: number) {
    update.mutate(
      { ...form.getValues(), version: onVersion },
      {
        onSuccess: done,
        onError: (error) => {
          if (!isApiError(error, 'version_conflict')) return;
          const current = storySchema.safeParse(error.current);
          if (current.success) setConflict(current.data);
        },
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(() => save(version))}>
      <Stack gap="sm">
        {fields.map((field) => (
          <Textarea
            key={field}
            label={t(`story.${field}`)}
            description={t(`story.${field}Hint`)}
            {...form.getInputProps(field)}
            autosize
            minRows={3}
            maxLength={10_000}
          />
        ))}
        {conflict && (
          <ConflictAlert
            title={t('story.conflictTitle')}
            reapplyLabel={t('story.reapply')}
            pending={update.isPending}
            onReapply={() => {
              setVersion(conflict.version);
              setConflict(null);
              save(conflict.version);
            }}
            discardLabel={t('story.discardMine')}
            onDiscard={done}
          >
            <Text size="sm">{t('story.conflictText', { name: conflict.updatedBy?.name ?? t('story.someone') })}</Text>
            {fields.map((field) => (
              <div key={field}>
                <Text size="sm" fw={600}>
                  {t(`story.${field}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {conflict[field] || t('story.fieldEmpty')}
                </Text>
              </div>
            ))}
          </ConflictAlert>
        )}
        {update.isError && !isApiError(update.error, 'version_conflict') && (
          <SaveError
            error={update.error}
            message={
              isApiError(update.error, 'case_closed')
                ? t('actions.caseClosed')
                : isTransientError(update.error)
                  ? undefined
                  : t('story.saveFailed')
            }
          />
        )}
        {!conflict && (
          <Group gap="sm">
            <Button type="submit" loading={update.isPending}>
              {t('story.save')}
            </Button>
            <Button variant="default" onClick={done} disabled={update.isPending}>
              {t('story.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function StoryHistory({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useQuery(storyHistoryQueryOptions(familyId));
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState title={t('story.historyFailed')} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Text size="sm">{t('story.historyEmpty')}</Text>;
  return (
    <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
      {history.data.map((revision) => {
        const { date, time } = formatDateTimeParts(revision.editedAt, language);
        return (
          <Card component="li" withBorder padding="sm" key={revision.version}>
            <Title order={3} size="h5">
              {t('story.revision', { version: revision.version, name: revision.editedBy.name, date, time })}
            </Title>
            {fields.map((field) => (
              <Text size="sm" key={field} style={{ whiteSpace: 'pre-wrap' }}>
                <strong>{t(`story.${field}`)}:</strong> {revision[field] || t('story.fieldEmpty')}
              </Text>
            ))}
          </Card>
        );
      })}
    </Stack>
  );
}
