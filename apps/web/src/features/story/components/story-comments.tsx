import { Badge, Button, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { storyCommentMaxLength, storyCommentKinds, type StoryComment, type StoryCommentKind } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentForm } from '../../../components/comment-form';
import { CommentList } from '../../../components/comment-list';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { useCommentOnStory, useResolveStoryComment } from '../api/story.query';

interface StoryCommentsProps {
  familyId: string;
  comments: StoryComment[];
  /** The family comments on its story and asks for corrections. */
  canComment: boolean;
  /** The coordinator marks them resolved. */
  canResolve: boolean;
}

/** The family's comments on its story and its correction requests, with whether the coordinator has resolved each. */
export function StoryComments({ familyId, comments, canComment, canResolve }: StoryCommentsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comment = useCommentOnStory(familyId);
  const resolve = useResolveStoryComment(familyId);
  const [kind, setKind] = useState<StoryCommentKind>('comment');
  if (comments.length === 0 && !canComment) return null;

  return (
    <Stack gap="sm" className="no-print">
      <Title order={3} size="h5">
        {t('comments.story.title')}
      </Title>
      {comments.length === 0 ? (
        <Text size="sm">{t('comments.story.empty')}</Text>
      ) : (
        <CommentList
          comments={comments}
          renderMeta={(each) => (
            <>
              {each.kind === 'correction-request' && (
                <Badge variant="light" color="orange" tt="none" size="md">
                  {t('comments.story.correctionBadge')}
                </Badge>
              )}
              {each.resolvedAt && (
                <Badge variant="light" color="teal" tt="none" size="md" leftSection={<IconCheck size={12} aria-hidden />}>
                  {t('comments.story.resolved', formatDateTimeParts(each.resolvedAt, language))}
                </Badge>
              )}
            </>
          )}
          renderActions={(each) =>
            canResolve &&
            !each.resolvedAt && (
              <Button
                mt={4}
                size="compact-sm"
                variant="light"
                loading={resolve.isPending && resolve.variables?.id === each.id}
                aria-label={t('comments.story.resolveLabel', { name: each.author.name })}
                onClick={() => resolve.mutate(each)}
              >
                {t('comments.story.resolve')}
              </Button>
            )
          }
        />
      )}
      {resolve.isError && !isApiError(resolve.error, 'version_conflict') && (
        <SaveError error={resolve.error} onRetry={() => resolve.variables && resolve.mutate(resolve.variables)} />
      )}
      {canComment && (
        <CommentForm
          label={t(`comments.story.label.${kind}`)}
          description={t('comments.story.hint')}
          maxLength={storyCommentMaxLength}
          pending={comment.isPending}
          error={comment.error}
          draft={{ familyId, form: 'storyComment' }}
          onSubmit={(body, sent) => comment.mutate({ kind, body }, { onSuccess: sent })}
        >
          <Radio.Group
            label={t('comments.story.kindLegend')}
            value={kind}
            onChange={(value) => setKind(value as StoryCommentKind)}
          >
            <Stack gap={6} mt={4}>
              {storyCommentKinds.map((each) => (
                <Radio key={each} value={each} label={t(`comments.story.kind.${each}`)} />
              ))}
            </Stack>
          </Radio.Group>
        </CommentForm>
      )}
    </Stack>
  );
}
