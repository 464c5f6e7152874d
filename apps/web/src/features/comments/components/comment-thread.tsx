import { Button, Stack, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { commentMaxLength } from '@yhdessa/shared';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';

// The form's code loads when a thread is opened.
const CommentForm = lazy(() => import('../../../components/comment-form').then((m) => ({ default: m.CommentForm })));
import { CommentList } from '../../../components/comment-list';
import { useHasDraft } from '../../../lib/draft-storage';
import { commentThreadQueryOptions, useAddComment, type CommentTarget } from '../api/comments.query';

interface CommentThreadProps {
  familyId: string;
  target: CommentTarget;
  /** The goal's or action's title, so each thread's button says what it is about. */
  about: string;
}

/** The comments on one goal or action: their count, opened on request, with a field to add one for those who may. */
export function CommentThread({ familyId, target, about }: CommentThreadProps) {
  const { t } = useTranslation();
  const thread = useQuery(commentThreadQueryOptions(familyId, target));
  const add = useAddComment(familyId, target);
  const draft = { familyId, form: 'comment', item: `${target.kind}.${target.id}` };
  // A comment left unsaved (the session ended, the page was reloaded) opens where the user left it.
  const unsaved = useHasDraft(draft);
  const [open, setOpen] = useState(unsaved);
  const panelId = useId();

  // Those who may not read the comments are not offered them: the plan drops the item itself soon after.
  if (thread.isPending || (thread.isError && !thread.data)) return null;
  const { comments, can } = thread.data;
  if (comments.length === 0 && !can.comment) return null;

  const visible = comments.length > 0 ? t('comments.toggle', { count: comments.length }) : t('comments.start');
  return (
    <Stack gap="xs" className="no-print">
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconMessageCircle size={16} aria-hidden />}
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={t('comments.toggleLabel', { visible, about })}
          onClick={() => setOpen((current) => !current)}
        >
          {visible}
        </Button>
      </div>
      {open && (
        <Stack gap="sm" id={panelId}>
          {comments.length > 0 && <CommentList comments={comments} />}
          {can.comment ? (
            <Suspense fallback={<LoadingState />}>
              <CommentForm
                label={t('comments.label')}
                maxLength={commentMaxLength}
                pending={add.isPending}
                error={add.error}
                draft={draft}
                onSubmit={(body, sent) => add.mutate({ body }, { onSuccess: sent })}
              />
            </Suspense>
          ) : (
            <Text size="sm" c="dimmed">
              {t('comments.readOnly')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
