import { Alert, Group, Stack, Switch, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { FEEDBACK_SCORE_MAX, feedbackQuestions, type FeedbackAnswer, type FeedbackRequest } from '@yhdessa/shared';
import type { Language } from '@yhdessa/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { useChangeFeedbackPermission } from '../api/feedback.query';

/**
 * The permission switch's look: Mantine's pale off track is under the 3:1 a control needs against
 * white (WCAG 1.4.11), so off is drawn darker; the description is kept readable.
 */
export function permissionSwitchStyles(checked: boolean) {
  return {
    body: { alignItems: 'flex-start' },
    track: { backgroundColor: checked ? undefined : 'var(--mantine-color-gray-6)' },
    description: { color: 'var(--mantine-color-gray-8)' },
  } as const;
}

/** "Kysytty 10.2.2026 arviointipalaverin jälkeen": when the family was asked, and why. */
export function requestedOn(t: TFunction, request: FeedbackRequest, language: Language): string {
  return t(`feedback.requestedOn.${request.occasion}`, { date: formatDateTimeParts(request.openedAt, language).date });
}

/** What the family answered: each question with its score (or that it was skipped), its words and who sent it when. */
export function FeedbackAnswerView({ answer }: { answer: FeedbackAnswer }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="xs">
      <dl style={{ margin: 0 }}>
        {feedbackQuestions.map((question) => {
          const score = answer[question];
          return (
            <Group key={question} gap={6} align="baseline">
              <Text component="dt" size="sm">
                {t('feedback.answer.question', { question: t(`feedback.question.${question}.short`) })}
              </Text>
              <Text component="dd" size="sm" fw={600} m={0} style={{ whiteSpace: 'nowrap' }}>
                {score === null ? t('feedback.answer.skipped') : t('feedback.answer.score', { score, max: FEEDBACK_SCORE_MAX })}
              </Text>
            </Group>
          );
        })}
      </dl>
      {answer.words && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('uiStrings.quoted', { words: answer.words })}
        </Text>
      )}
      <Text size="xs" c="gray.8">
        {t('feedback.answer.by', { name: answer.answeredBy.name, date: formatDateTimeParts(answer.answeredAt, language).date })}
      </Text>
    </Stack>
  );
}

interface FeedbackPermissionProps {
  familyId: string;
  request: FeedbackRequest & { answer: FeedbackAnswer };
  coordinatorName: string;
}

/** Whether the coordinator may see the answer: a switch for the one who answered, a plain sentence for the rest of the family. */
export function FeedbackPermission({ familyId, request, coordinatorName }: FeedbackPermissionProps) {
  const { t } = useTranslation();
  const change = useChangeFeedbackPermission(familyId);
  const { answer } = request;
  const maySee = change.isPending ? change.variables.coordinatorMaySee : answer.coordinatorMaySee;
  if (!request.can.changePermission)
    return (
      <Text size="sm">
        {t(maySee ? 'feedback.permission.seesOther' : 'feedback.permission.doesNotSeeOther', {
          coordinator: coordinatorName,
          name: answer.answeredBy.name,
        })}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Switch
        size="md"
        label={t('feedback.permission.label')}
        description={t(maySee ? 'feedback.permission.sees' : 'feedback.permission.doesNotSee', {
          coordinator: coordinatorName,
        })}
        checked={maySee}
        // Not disabled while saving: a disabled switch would throw the keyboard focus away.
        onChange={(event) => {
          if (!change.isPending)
            change.mutate({ requestId: request.id, coordinatorMaySee: event.currentTarget.checked, version: answer.version });
        }}
        styles={permissionSwitchStyles(maySee)}
      />
      {change.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t('feedback.permission.failed')}
        </Alert>
      )}
    </Stack>
  );
}
