import { Box, Group, Stack, Text } from '@mantine/core';
import type { PersonRef } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../lib/locale';

interface CommentLike {
  id: string;
  body: string;
  author: PersonRef;
  createdAt: string;
}

interface CommentListProps<T extends CommentLike> {
  comments: T[];
  /** What else a comment shows beside its author, e.g. its kind or whether it was resolved. */
  renderMeta?: (comment: T) => ReactNode;
  /** What may be done with a comment, e.g. resolving it. */
  renderActions?: (comment: T) => ReactNode;
}

/** Comments oldest first, each with who wrote it and when, in the reader's language. */
export function CommentList<T extends CommentLike>({ comments, renderMeta, renderActions }: CommentListProps<T>) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {comments.map((comment) => {
        const { date, time } = formatDateTimeParts(comment.createdAt, language);
        return (
          <Box component="li" key={comment.id} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            <Group gap="xs" wrap="wrap">
              <Text size="xs" fw={600}>
                {comment.author.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('comments.when', { date, time })}
              </Text>
              {renderMeta?.(comment)}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {comment.body}
            </Text>
            {renderActions?.(comment)}
          </Box>
        );
      })}
    </Stack>
  );
}
