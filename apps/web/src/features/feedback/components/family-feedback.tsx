import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconMessageHeart } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { FeedbackAnswer, FeedbackRequest } from '@yhdessa/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/locale';
import { feedbackQueryOptions } from '../api/feedback.query';
import { FeedbackAnswerView, FeedbackPermission, requestedOn } from './feedback-answer';
import { LoadingState } from '../../../components/loading-state';

// The form's code loads only when the family has a question to answer.
const FeedbackForm = lazy(() => import('./feedback-form').then((m) => ({ default: m.FeedbackForm })));

interface FamilyFeedbackProps {
  familyId: string;
  coordinatorName: string;
}

const answeredRequest = (request: FeedbackRequest): request is FeedbackRequest & { answer: FeedbackAnswer } =>
  request.answer !== null;

/**
 * The family's part of feedback, first on its plan: each request waiting for an answer
 * ("Kerro kokemuksesi"), a thank-you for the one just sent, and earlier answers out of the way,
 * each with who may see it. Nothing at all when the family has not been asked yet.
 */
export function FamilyFeedback({ familyId, coordinatorName }: FamilyFeedbackProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const feedback = useQuery(feedbackQueryOptions(familyId));
  // Answered on this visit: the thank-you (or another member's answer) stays where the question was.
  const [answeredNow, setAnsweredNow] = useState<Readonly<Record<string, AnsweredBy>>>({});
  const [showEarlier, setShowEarlier] = useState(false);
  const requests = feedback.data ?? [];
  const current = requests.filter((request) => request.can.answer || request.id in answeredNow);
  const earlier = requests.filter(answeredRequest).filter((request) => !(request.id in answeredNow));
  if (current.length === 0 && earlier.length === 0) return null;

  return (
    <Stack gap="sm">
      {current.map((request) => (
        <FeedbackRequestCard
          key={request.id}
          familyId={familyId}
          request={request}
          coordinatorName={coordinatorName}
          answeredBy={answeredNow[request.id]}
          onAnswered={(by) => setAnsweredNow((answered) => ({ ...answered, [request.id]: by }))}
        />
      ))}
      {earlier.length > 0 && (
        <Stack gap="xs">
          <Button
            variant="subtle"
            justify="flex-start"
            aria-expanded={showEarlier}
            aria-controls="feedback-earlier"
            leftSection={showEarlier ? <IconChevronUp size={18} aria-hidden /> : <IconChevronDown size={18} aria-hidden />}
            onClick={() => setShowEarlier((shown) => !shown)}
          >
            {t('feedback.family.earlier', { count: earlier.length })}
          </Button>
          {showEarlier && (
            <Stack gap="sm" id="feedback-earlier">
              {earlier.map((request) => (
                <Paper key={request.id} withBorder p="md" component="article" aria-label={requestedOn(t, request, language)}>
                  <Stack gap="sm">
                    <Text size="sm" fw={600}>
                      {requestedOn(t, request, language)}
                    </Text>
                    <FeedbackAnswerView answer={request.answer} />
                    <FeedbackPermission familyId={familyId} request={request} coordinatorName={coordinatorName} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** Who answered a request on this visit: this user, or another member just before them. */
type AnsweredBy = 'me' | 'other';

interface FeedbackRequestCardProps {
  familyId: string;
  request: FeedbackRequest;
  coordinatorName: string;
  answeredBy: AnsweredBy | undefined;
  onAnswered: (by: AnsweredBy) => void;
}

function FeedbackRequestCard({ familyId, request, coordinatorName, answeredBy, onAnswered }: FeedbackRequestCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [answering, setAnswering] = useState(false);
  // "Answer later" gives the keyboard focus back to the button that opened the form.
  const answerButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (!answering && cancelled.current) answerButton.current?.focus();
  }, [answering]);
  const headingId = `feedback-${request.id}`;
  return (
    <Paper withBorder p="md" bg="indigo.0" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <IconMessageHeart size={26} aria-hidden />
          {answeredRequest(request) && answeredBy === 'me' ? t('feedback.family.thanksTitle') : t('feedback.family.title')}
        </Title>
        {answeredRequest(request) ? (
          <>
            {answeredBy === 'other' ? (
              <Alert color="indigo" variant="outline" role="alert">
                {t('feedback.form.alreadyAnswered')}
              </Alert>
            ) : (
              <Text role="status">{t('feedback.family.thanks')}</Text>
            )}
            <FeedbackAnswerView answer={request.answer} />
            <FeedbackPermission familyId={familyId} request={request} coordinatorName={coordinatorName} />
          </>
        ) : (
          <>
            <Text>{t(`feedback.family.intro.${request.occasion}`)}</Text>
            <Text size="sm" c="gray.8">
              {requestedOn(t, request, language)}
            </Text>
            {answering ? (
              <Suspense fallback={<LoadingState />}>
                <FeedbackForm
                  familyId={familyId}
                  request={request}
                  coordinatorName={coordinatorName}
                  onCancel={() => {
                    cancelled.current = true;
                    setAnswering(false);
                  }}
                  onAnswered={() => onAnswered('me')}
                  onAnsweredByOther={() => onAnswered('other')}
                />
              </Suspense>
            ) : (
              <Button ref={answerButton} size="lg" onClick={() => setAnswering(true)} style={{ alignSelf: 'flex-start' }}>
                {t('feedback.family.answer')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
