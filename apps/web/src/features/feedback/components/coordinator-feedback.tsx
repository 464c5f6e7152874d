import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { useLanguage } from '../../../lib/locale';
import { feedbackQueryOptions } from '../api/feedback.query';
import { FeedbackAnswerView, requestedOn } from './feedback-answer';

/**
 * The coordinator's view of the family's feedback: when it was asked and whether the family has
 * answered, and the answers only where the family lets them see them.
 */
export function CoordinatorFeedback({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const feedback = useQuery(feedbackQueryOptions(familyId));
  if (feedback.isPending) return <LoadingState />;
  if (feedback.isError && !feedback.data)
    return <ErrorState title={t('feedback.coordinator.loadFailed')} onRetry={() => void feedback.refetch()} />;
  if (feedback.data.length === 0) return <Text size="sm">{t('feedback.coordinator.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {t('feedback.coordinator.intro')}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {feedback.data.map((request) => (
          <Paper key={request.id} component="li" withBorder p="md">
            <Stack gap="xs">
              <Group gap="sm" justify="space-between">
                <Text size="sm" fw={600}>
                  {requestedOn(t, request, language)}
                </Text>
                <Badge color={request.answered ? 'teal.9' : 'gray.7'} variant={request.answered ? 'filled' : 'outline'}>
                  {request.answered ? t('feedback.coordinator.answered') : t('feedback.coordinator.notYet')}
                </Badge>
              </Group>
              {request.answer ? (
                <FeedbackAnswerView answer={request.answer} />
              ) : (
                request.answered && <Text size="sm">{t('feedback.coordinator.private')}</Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
