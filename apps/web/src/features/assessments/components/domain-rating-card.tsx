import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { assessmentSchema, type Assessment, type AssessmentDomain, type AssessmentRating } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../../components/conflict-alert';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError } from '../../../lib/form-errors';
import { formatDate, formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { useRateDomain } from '../api/assessment.mutations';
import { RatingInput, RatingValue } from './rating-scale';
import { FormButtons } from '../../../components/form-buttons';

interface DomainRatingCardProps {
  familyId: string;
  assessment: Assessment;
  domain: AssessmentDomain;
  /** The coordinator corrects the current assessment; everyone else reads it. */
  canEdit: boolean;
}

const ratingOf = (assessment: Assessment, domain: AssessmentDomain) =>
  assessment.ratings.find((rating) => rating.domain === domain);

/** One domain of the current assessment: its rating, notes, who rated it and when; corrected in place. */
export function DomainRatingCard({ familyId, assessment, domain, canEdit }: DomainRatingCardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const rating = ratingOf(assessment, domain);
  const headingId = `assessment-${domain}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {t(`assessment.domain.${domain}`)}
        </Title>
        {editing ? (
          <RatingForm familyId={familyId} assessment={assessment} domain={domain} onDone={() => setEditing(false)} />
        ) : (
          <>
            {rating ? <RatedDomain rating={rating} /> : <Text size="sm">{t('assessment.notRated')}</Text>}
            {canEdit && (
              <Group className="no-print">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {rating ? t('assessment.edit') : t('assessment.rate')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function RatedDomain({ rating }: { rating: AssessmentRating }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { date } = formatDateTimeParts(rating.ratedAt, language);
  return (
    <>
      <RatingValue rating={rating.rating} />
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {rating.notes || t('assessment.noNotes')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('assessment.ratedBy', { name: rating.ratedBy.name, date })}
      </Text>
    </>
  );
}

interface RatingFormProps {
  familyId: string;
  assessment: Assessment;
  domain: AssessmentDomain;
  onDone: () => void;
}

function RatingForm({ familyId, assessment, domain, onDone }: RatingFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rate = useRateDomain(familyId);
  const initial = ratingOf(assessment, domain);
  const form = useForm({
    initialValues: { rating: (initial?.rating ?? null) as number | null, notes: initial?.notes ?? '' },
    validate: { rating: isNotEmpty('assessment.ratingRequired') },
  });
  // The assessment this edit began on; the list may meanwhile show a newer one.
  const [assessmentId] = useState(assessment.id);
  const [version, setVersion] = useState(assessment.version);
  const [conflict, setConflict] = useState<Assessment | null>(null);
  const domainName = t(`assessment.domain.${domain}`);

  function save(onVersion: number) {
    const { rating, notes } = form.getValues();
    if (form.validate().hasErrors || rating === null) return;
    rate.mutate(
      { assessmentId, domain, body: { rating, notes: notes.trim(), version: onVersion } },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (!isApiError(error, 'version_conflict')) return;
          const current = assessmentSchema.safeParse(error.current);
          if (current.success) setConflict(current.data);
        },
      },
    );
  }

  // A newer assessment replaced this one meanwhile: only the newest may be corrected.
  const replaced = conflict !== null && conflict.id !== assessmentId;
  const saved = conflict && !replaced ? ratingOf(conflict, domain) : undefined;
  return (
    <form
      noValidate
      aria-label={t('assessment.editLabel', { domain: domainName })}
      onSubmit={(event) => {
        event.preventDefault();
        save(version);
      }}
    >
      <Stack gap="xs">
        <RatingInput
          label={t('assessment.ratingLabel')}
          value={form.values.rating}
          onChange={(next) => form.setFieldValue('rating', next)}
          error={fieldError(t, form.errors, 'rating')}
        />
        <Textarea
          label={t('assessment.notes')}
          description={t('assessment.notesHint')}
          {...form.getInputProps('notes')}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {conflict && (
          <ConflictAlert
            title={t('assessment.conflictTitle')}
            reapplyLabel={t('assessment.reapply')}
            pending={rate.isPending}
            onReapply={
              replaced
                ? undefined
                : () => {
                    setVersion(conflict.version);
                    setConflict(null);
                    save(conflict.version);
                  }
            }
            discardLabel={t('assessment.discardMine')}
            onDiscard={onDone}
          >
            {replaced ? (
              <Text size="sm">{t('assessment.conflictReplaced', { date: formatDate(conflict.assessedOn, language) })}</Text>
            ) : (
              <>
                <Text size="sm">{t('assessment.conflictText')}</Text>
                {saved ? <RatedDomain rating={saved} /> : <Text size="sm">{t('assessment.notRated')}</Text>}
              </>
            )}
          </ConflictAlert>
        )}
        {rate.isError && !isApiError(rate.error, 'version_conflict') && <SaveError error={rate.error} />}
        {!conflict && <FormButtons submitLabel={t('assessment.save')} pending={rate.isPending} onCancel={onDone} size="sm" />}
      </Stack>
    </form>
  );
}
