import { Alert, Fieldset, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { assessmentDomains, type Assessment, type AssessmentDomain, type NewRating } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { todayIsoDate } from '../../../lib/locale';
import { useCreateAssessment } from '../api/assessment.mutations';
import { RatingInput, ratingText } from './rating-scale';
import { FormButtons } from '../../../components/form-buttons';

type Draft = Record<AssessmentDomain, { rating: number | null; notes: string }>;

const emptyDraft = (): Draft =>
  Object.fromEntries(assessmentDomains.map((domain) => [domain, { rating: null, notes: '' }])) as Draft;

interface NewAssessmentFormProps {
  familyId: string;
  /** The current assessment, shown beside each domain; it stays as it is for comparison. */
  previous: Assessment | undefined;
  onDone: () => void;
}

/** A fresh joint assessment of every domain, rated together; a domain may be left for later. */
export function NewAssessmentForm({ familyId, previous, onDone }: NewAssessmentFormProps) {
  const { t } = useTranslation();
  const create = useCreateAssessment(familyId);
  const [assessedOn, setAssessedOn] = useState(todayIsoDate);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problem, setProblem] = useState<'date' | 'none' | 'notes' | null>(null);

  const notesWithoutRating = (domain: AssessmentDomain) =>
    problem === 'notes' && draft[domain].rating === null && draft[domain].notes.trim() !== '';
  const change = (domain: AssessmentDomain, next: Partial<Draft[AssessmentDomain]>) => {
    setDraft((current) => ({ ...current, [domain]: { ...current[domain], ...next } }));
    setProblem(null);
  };

  return (
    <form
      noValidate
      aria-labelledby="new-assessment-title"
      onSubmit={(event) => {
        event.preventDefault();
        const rated: NewRating[] = assessmentDomains.flatMap((domain) => {
          const { rating, notes } = draft[domain];
          return rating === null ? [] : [{ domain, rating, notes: notes.trim() }];
        });
        const stray = assessmentDomains.some((domain) => draft[domain].rating === null && draft[domain].notes.trim() !== '');
        if (!assessedOn) return setProblem('date');
        if (stray) return setProblem('notes');
        if (rated.length === 0) return setProblem('none');
        create.mutate({ assessedOn, ratings: rated }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="new-assessment-title">
          {t('assessment.startTitle')}
        </Title>
        <Text size="sm">{t('assessment.startHint')}</Text>
        <DateField
          label={t('assessment.date')}
          value={assessedOn}
          onChange={(day) => {
            setAssessedOn(day);
            setProblem(null);
          }}
          error={problem === 'date' ? t('assessment.dateRequired') : undefined}
          required
          w={{ base: '100%', sm: 220 }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {assessmentDomains.map((domain) => {
            const earlier = previous?.ratings.find((rating) => rating.domain === domain);
            return (
              <Fieldset
                key={domain}
                legend={t(`assessment.domain.${domain}`)}
                variant="filled"
                styles={{ legend: { fontWeight: 650 } }}
              >
                <Stack gap="xs">
                  <RatingInput
                    label={t('assessment.ratingLabel')}
                    description={earlier ? t('assessment.previous', { value: ratingText(t, earlier.rating) }) : undefined}
                    value={draft[domain].rating}
                    onChange={(rating) => change(domain, { rating })}
                    allowSkip
                  />
                  <Textarea
                    label={t('assessment.notes')}
                    value={draft[domain].notes}
                    onChange={(event) => change(domain, { notes: event.currentTarget.value })}
                    error={notesWithoutRating(domain) ? t('assessment.notesWithoutRating') : undefined}
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                </Stack>
              </Fieldset>
            );
          })}
        </SimpleGrid>
        {problem === 'none' && (
          <Alert color="red" variant="light" role="alert">
            {t('assessment.noneRated')}
          </Alert>
        )}
        {create.isError && <SaveError error={create.error} />}
        <FormButtons submitLabel={t('assessment.startSave')} pending={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
