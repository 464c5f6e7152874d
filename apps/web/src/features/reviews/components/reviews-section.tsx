import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { REVIEW_MAX_PARTICIPANTS, reviewTextMaxLengths, type Review } from '@yhdessa/shared';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { DateField } from '../../../components/date-field';
import { DisclosureForm } from '../../../components/disclosure-form';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError, showRefusedFields } from '../../../lib/form-errors';
import { finnishToday, formatDate, formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { reviewsQueryOptions, useReviewChange } from '../api/reviews.query';
import { FormButtons } from '../../../components/form-buttons';
import { NamedModal } from '../../../components/named-modal';

interface ReviewsSectionProps {
  familyId: string;
  /** The coordinator schedules, records and completes reviews. */
  canManage: boolean;
  /** Everyone in the plan, the family too, may propose a topic. */
  canPropose: boolean;
  /** The plan versions the completed reviews froze; the app layer supplies them. */
  versions?: ReactNode;
}

/** The next review with its agenda, earlier reviews, and the frozen plan versions. */
export function ReviewsSection({ familyId, canManage, canPropose, versions }: ReviewsSectionProps) {
  const { t } = useTranslation();
  const reviews = useQuery(reviewsQueryOptions(familyId));

  if (reviews.isPending) return <LoadingState />;
  if (reviews.isError && !reviews.data)
    return <ErrorState title={t('reviews.loadFailed')} onRetry={() => void reviews.refetch()} />;
  const scheduled = reviews.data.filter((review) => review.status === 'scheduled');
  const completed = reviews.data.filter((review) => review.status === 'completed');
  return (
    <Stack gap="md">
      {scheduled.length === 0 && <Text size="sm">{t('reviews.noneScheduled')}</Text>}
      {scheduled.map((review) => (
        <ScheduledReview key={review.id} familyId={familyId} review={review} canManage={canManage} canPropose={canPropose} />
      ))}
      {canManage && (
        <DisclosureForm label={t('reviews.schedule')}>
          {(close) => <ScheduleReviewForm familyId={familyId} onDone={close} />}
        </DisclosureForm>
      )}
      {completed.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('reviews.earlier')}
          </Title>
          {completed.map((review) => (
            <CompletedReview key={review.id} review={review} />
          ))}
        </Stack>
      )}
      {versions}
    </Stack>
  );
}

function ScheduleReviewForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useReviewChange(familyId);
  const today = finnishToday();
  const form = useForm({
    initialValues: { scheduledOn: '', participants: '' },
    validate: {
      scheduledOn: (value) => (!value ? 'reviews.dateRequired' : value < finnishToday() ? 'goalsOverTime.reviewDatePast' : null),
      participants: (value) => {
        const names = splitLines(value);
        if (names.some((name) => name.length > reviewTextMaxLengths.participant)) return 'goalsOverTime.participantTooLong';
        return names.length > REVIEW_MAX_PARTICIPANTS ? 'goalsOverTime.tooManyParticipants' : null;
      },
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ scheduledOn, participants }) =>
        change.mutate(
          { kind: 'create', body: { scheduledOn, participants: splitLines(participants) } },
          {
            onSuccess: onDone,
            onError: (error) => showRefusedFields(form, error, { scheduledOn: 'goalsOverTime.reviewDatePast' }),
          },
        ),
      )}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('reviews.scheduleTitle')}
        </Title>
        <DateField
          label={t('reviews.date')}
          min={today}
          {...form.getInputProps('scheduledOn')}
          error={fieldError(t, form.errors, 'scheduledOn')}
          required
          w={{ base: '100%', sm: 220 }}
        />
        <Textarea
          label={t('reviews.participants')}
          description={t('reviews.participantsHint')}
          {...form.getInputProps('participants')}
          error={fieldError(t, form.errors, 'participants')}
          autosize
          minRows={2}
        />
        {change.isError && <SaveError error={change.error} />}
        <FormButtons submitLabel={t('reviews.scheduleSave')} pending={change.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function splitLines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

interface ScheduledReviewProps {
  familyId: string;
  review: Review;
  canManage: boolean;
  canPropose: boolean;
}

function ScheduledReview({ familyId, review, canManage, canPropose }: ScheduledReviewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `review-${review.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {t('reviews.scheduledOn', { date: formatDate(review.scheduledOn, language) })}
          </Title>
          <Badge variant="light" color="grape" tt="none">
            {t('reviews.status.scheduled')}
          </Badge>
        </Group>
        {review.participants.length > 0 && (
          <Text size="sm">{t('reviews.participantsList', { names: review.participants.join(', ') })}</Text>
        )}
        <Title order={4} size="h5">
          {t('reviews.agenda')}
        </Title>
        {review.agenda.length === 0 ? (
          <Text size="sm">{t('reviews.agendaEmpty')}</Text>
        ) : (
          <Stack component="ol" gap={4} pl="lg" m={0}>
            {review.agenda.map((item) => (
              <Text component="li" size="sm" key={item.id}>
                {item.title}{' '}
                <Text span size="xs" c="dimmed">
                  ({t('reviews.proposedBy', { name: item.proposedBy.name })})
                </Text>
              </Text>
            ))}
          </Stack>
        )}
        {canPropose && <ProposeAgendaItem familyId={familyId} review={review} />}
        {canManage && <RecordReview familyId={familyId} review={review} />}
      </Stack>
    </Card>
  );
}

function ProposeAgendaItem({ familyId, review }: { familyId: string; review: Review }) {
  const { t } = useTranslation();
  const change = useReviewChange(familyId);
  const counted = useCharacterCount();
  const form = useForm({
    initialValues: { title: '' },
    validate: {
      title: (value) => (value.trim() ? withinLength(reviewTextMaxLengths.agendaItem)(value) : 'reviews.proposeRequired'),
    },
  });
  return (
    <form
      noValidate
      className="no-print"
      onSubmit={form.onSubmit(({ title }) =>
        change.mutate(
          { kind: 'agenda', reviewId: review.id, body: { title: title.trim() } },
          { onSuccess: () => form.setFieldValue('title', '') },
        ),
      )}
    >
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t('reviews.propose')}
            description={t('reviews.proposeHint')}
            {...form.getInputProps('title')}
            {...counted(form.values.title, reviewTextMaxLengths.agendaItem)}
            error={fieldError(t, form.errors, 'title')}
            style={{ flex: '1 1 260px' }}
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={change.isPending}>
            {t('reviews.proposeSave')}
          </Button>
        </Group>
        {change.isError && <SaveError error={change.error} />}
      </Stack>
    </form>
  );
}

/** The minutes and decisions, saved as they are written; the review is completed on its day or later. */
function RecordReview({ familyId, review }: { familyId: string; review: Review }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counted = useCharacterCount();
  const save = useReviewChange(familyId);
  const complete = useReviewChange(familyId);
  const [minutes, setMinutes] = useState(review.minutes);
  const [decisions, setDecisions] = useState(review.decisions);
  const [confirming, setConfirming] = useState(false);
  const dirty = minutes !== review.minutes || decisions !== review.decisions;
  const tooLong = minutes.length > reviewTextMaxLengths.minutes || decisions.length > reviewTextMaxLengths.decisions;
  const tooLongError = (text: string, max: number) => (text.length > max ? t('goalsOverTime.tooLong') : undefined);
  // The record is of a meeting that has been held.
  const early = review.scheduledOn > finnishToday();
  const conflict = isApiError(save.error, 'version_conflict') || isApiError(complete.error, 'version_conflict');

  return (
    <Stack gap="xs" className="no-print">
      <Textarea
        label={t('reviews.minutes')}
        value={minutes}
        onChange={(e) => setMinutes(e.currentTarget.value)}
        {...counted(minutes, reviewTextMaxLengths.minutes)}
        error={tooLongError(minutes, reviewTextMaxLengths.minutes)}
        autosize
        minRows={2}
      />
      <Textarea
        label={t('reviews.decisions')}
        value={decisions}
        onChange={(e) => setDecisions(e.currentTarget.value)}
        {...counted(decisions, reviewTextMaxLengths.decisions)}
        error={tooLongError(decisions, reviewTextMaxLengths.decisions)}
        autosize
        minRows={2}
      />
      {conflict ? (
        <Alert color="orange" variant="light" role="alert">
          {t('reviews.conflict')}
        </Alert>
      ) : (
        (save.isError || complete.isError) && (
          <SaveError
            error={save.error ?? complete.error}
            onRetry={() => {
              const failed = save.isError ? save : complete;
              if (failed.variables) failed.mutate(failed.variables);
            }}
          />
        )
      )}
      {save.isSuccess && !dirty && (
        <Text size="sm" role="status">
          {t('reviews.saved')}
        </Text>
      )}
      <Group gap="sm">
        <Button
          variant="default"
          disabled={!dirty || tooLong}
          loading={save.isPending}
          onClick={() =>
            save.mutate({ kind: 'update', reviewId: review.id, body: { minutes, decisions, version: review.version } })
          }
        >
          {t('reviews.saveRecord')}
        </Button>
        <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setConfirming(true)} disabled={dirty || early}>
          {t('reviews.complete')}
        </Button>
      </Group>
      {dirty ? (
        <Text size="xs" c="dimmed">
          {t('reviews.saveBeforeComplete')}
        </Text>
      ) : (
        early && (
          <Text size="xs" c="dimmed">
            {t('goalsOverTime.completeOnDay', { date: formatDate(review.scheduledOn, language) })}
          </Text>
        )
      )}
      <NamedModal opened={confirming} onClose={() => setConfirming(false)} title={t('reviews.completeTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('reviews.completeText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={complete.isPending}
              onClick={() =>
                complete.mutate(
                  { kind: 'complete', reviewId: review.id, version: review.version },
                  { onSettled: () => setConfirming(false) },
                )
              }
            >
              {t('reviews.completeConfirm')}
            </Button>
          </Group>
        </Stack>
      </NamedModal>
    </Stack>
  );
}

function CompletedReview({ review }: { review: Review }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const completedAt = review.completedAt ? formatDateTimeParts(review.completedAt, language).date : null;
  return (
    <Card withBorder padding="sm" component="article">
      <details>
        <summary>
          <Text span size="sm" fw={600}>
            {t('reviews.completedSummary', {
              date: formatDate(review.scheduledOn, language),
              version: review.planVersion ?? '–',
            })}
          </Text>
        </summary>
        <Stack gap={4} mt="xs">
          {completedAt && <Text size="sm">{t('reviews.completedAt', { date: completedAt })}</Text>}
          {review.participants.length > 0 && (
            <Text size="sm">{t('reviews.participantsList', { names: review.participants.join(', ') })}</Text>
          )}
          {review.agenda.length > 0 && (
            <Text size="sm">{t('reviews.agendaList', { items: review.agenda.map((item) => item.title).join('; ') })}</Text>
          )}
          {review.decisions && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('reviews.decisions')}:</strong> {review.decisions}
            </Text>
          )}
          {review.minutes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('reviews.minutes')}:</strong> {review.minutes}
            </Text>
          )}
        </Stack>
      </details>
    </Card>
  );
}
