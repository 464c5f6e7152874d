import { Alert, Button, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { FEEDBACK_WORDS_MAX, feedbackQuestions, type AnswerFeedback, type FeedbackRequest } from '@yhdessa/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { useAnswerFeedback } from '../api/feedback.query';
import { permissionSwitchStyles } from './feedback-answer';
import { ScoreScale } from './score-scale';
import { NamedModal } from '../../../components/named-modal';

interface FeedbackFormProps {
  familyId: string;
  request: FeedbackRequest;
  /** Named in the explanation of the permission: the one who would see the answers. */
  coordinatorName: string;
  onCancel: () => void;
  onAnswered: () => void;
  /** Another member of the family answered first: their answer is shown instead. */
  onAnsweredByOther: () => void;
}

const emptyAnswer: AnswerFeedback = {
  workedTogether: null,
  noRetelling: null,
  wouldRecommend: null,
  words: '',
  coordinatorMaySee: false,
};

/** The three questions, the family's own words and who may see them; sent once, after a confirmation. */
export function FeedbackForm({ familyId, request, coordinatorName, onCancel, onAnswered, onAnsweredByOther }: FeedbackFormProps) {
  const { t } = useTranslation();
  const answer = useAnswerFeedback(familyId);
  const [confirming, setConfirming] = useState(false);
  // The button that opened the form is gone: the keyboard focus moves to the form itself.
  const formElement = useRef<HTMLFormElement>(null);
  useEffect(() => formElement.current?.focus(), []);
  const form = useForm<AnswerFeedback>({
    initialValues: emptyAnswer,
    validate: (values) =>
      values.words.trim() === '' && feedbackQuestions.every((question) => values[question] === null)
        ? { words: t('feedback.form.empty') }
        : {},
  });

  const send = () =>
    answer.mutate(
      { requestId: request.id, answer: { ...form.values, words: form.values.words.trim() } },
      {
        onSuccess: onAnswered,
        onError: (error) => {
          if (isApiError(error, 'feedback_already_answered')) onAnsweredByOther();
        },
        onSettled: () => setConfirming(false),
      },
    );

  return (
    <form
      ref={formElement}
      tabIndex={-1}
      aria-label={t('feedback.family.title')}
      noValidate
      onSubmit={form.onSubmit(() => setConfirming(true))}
      style={{ outline: 'none' }}
    >
      <Stack gap="lg">
        <Text size="sm">{t('feedback.form.skipHint')}</Text>
        {feedbackQuestions.map((question) => (
          <ScoreScale
            key={question}
            question={t(`feedback.question.${question}.text`)}
            low={t(`feedback.question.${question}.low`)}
            high={t(`feedback.question.${question}.high`)}
            value={form.values[question]}
            onChange={(score) => form.setFieldValue(question, score)}
          />
        ))}
        <Textarea
          label={t('feedback.form.words')}
          description={t('feedback.form.wordsHint')}
          autosize
          minRows={3}
          maxLength={FEEDBACK_WORDS_MAX}
          {...form.getInputProps('words')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
        />
        <Text size="sm" c="gray.8" mt={-12}>
          {t('feedback.form.wordsCount', { count: form.values.words.length, max: FEEDBACK_WORDS_MAX })}
        </Text>
        <Switch
          size="md"
          label={t('feedback.permission.label')}
          description={t('feedback.permission.explain', { coordinator: coordinatorName })}
          checked={form.values.coordinatorMaySee}
          onChange={(event) => form.setFieldValue('coordinatorMaySee', event.currentTarget.checked)}
          styles={permissionSwitchStyles(form.values.coordinatorMaySee)}
        />
        <Alert color="indigo" variant="white" icon={<IconInfoCircle aria-hidden />}>
          {t('feedback.form.final')}
        </Alert>
        {answer.isError && !confirming && <SaveError error={answer.error} />}
        <Group gap="sm">
          <Button type="submit" size="md">
            {t('feedback.form.send')}
          </Button>
          <Button variant="default" size="md" onClick={onCancel}>
            {t('feedback.form.later')}
          </Button>
        </Group>
      </Stack>
      <NamedModal
        opened={confirming}
        onClose={() => !answer.isPending && setConfirming(false)}
        title={t('feedback.confirm.title')}
        centered
      >
        <Stack gap="md">
          <Text>{t('feedback.confirm.text')}</Text>
          <Text>
            {form.values.coordinatorMaySee
              ? t('feedback.confirm.coordinatorSees', { coordinator: coordinatorName })
              : t('feedback.confirm.coordinatorDoesNotSee', { coordinator: coordinatorName })}
          </Text>
          <Group gap="sm">
            <Button onClick={send} loading={answer.isPending}>
              {t('feedback.confirm.send')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)} disabled={answer.isPending}>
              {t('feedback.confirm.back')}
            </Button>
          </Group>
        </Stack>
      </NamedModal>
    </form>
  );
}
