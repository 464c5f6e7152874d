import { Alert, Button, Group, Progress, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  assessmentDomains,
  measurementScores,
  respondentVersions,
  type AssessmentDomain,
  type Measurement,
  type MeasurementOccasion,
  type RespondentVersion,
} from '@yhdessa/shared';
import { useEffect, useId, useRef, useState, type Ref, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { todayIsoDate } from '../../../lib/locale';
import { useCorrectMeasurement, useRecordMeasurement } from '../api/measurement.mutations';
import { domainQuestion, domainTitle, scoreText } from './meter-words';
import classes from './wellbeing-meter.module.css';

type Scores = Partial<Record<AssessmentDomain, number>>;

interface WellbeingMeterFormProps {
  familyId: string;
  /** Why it is filled in now: what the family was asked for, or its own wish. */
  occasion: MeasurementOccasion;
  /** The member's own answer of today, to correct; a new answer when absent. Opening it takes the focus there. */
  correcting?: Measurement;
  onSaved: (measurement: Measurement) => void;
  onCancel?: () => void;
}

const questionCount = assessmentDomains.length;
const finalStep = questionCount + 1;

/**
 * The wellbeing meter on a phone: first the version of the questions, then one question per
 * screen with every answer in words on a large card, then an optional comment and the answers
 * to check before saving. A question may be skipped.
 */
export function WellbeingMeterForm({ familyId, occasion, correcting, onSaved, onCancel }: WellbeingMeterFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [step, setStep] = useState(0);
  const [version, setVersion] = useState<RespondentVersion>(correcting?.respondentVersion ?? 'adult');
  const [scores, setScores] = useState<Scores>(() =>
    Object.fromEntries((correcting?.scores ?? []).map(({ domain, score }) => [domain, score])),
  );
  const [comment, setComment] = useState(correcting?.comment ?? '');
  const [noneAnswered, setNoneAnswered] = useState(false);
  const record = useRecordMeasurement(familyId);
  const correct = useCorrectMeasurement(familyId, correcting?.id ?? '');
  const save = correcting ? correct : record;

  // Moving to another question takes the reader's focus there; so does opening a correction, not a new form.
  const stepHeading = useRef<HTMLElement>(null);
  const moved = useRef(correcting !== undefined);
  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
  }, [step]);
  const go = (next: number) => {
    moved.current = true;
    setStep(next);
  };

  const setScore = (domain: AssessmentDomain, score: number | undefined) => {
    setScores((current) => ({ ...current, [domain]: score }));
    setNoneAnswered(false);
  };

  const submit = () => {
    const answered = assessmentDomains.flatMap((domain) => {
      const score = scores[domain];
      return score === undefined ? [] : [{ domain, score }];
    });
    if (answered.length === 0) return setNoneAnswered(true);
    if (correcting)
      correct.mutate(
        { respondentVersion: version, scores: answered, comment: comment.trim(), version: correcting.version },
        { onSuccess: onSaved },
      );
    else
      record.mutate(
        { takenOn: todayIsoDate(), respondentVersion: version, occasion, scores: answered, comment: comment.trim() },
        { onSuccess: onSaved },
      );
  };

  const saveErrorMessage = isApiError(save.error, 'measurement_final')
    ? t('measurements.form.final')
    : isApiError(save.error, 'version_conflict')
      ? t('measurements.form.conflict')
      : undefined;

  return (
    <form
      noValidate
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id={titleId}>
          {correcting ? t('measurements.form.correctTitle') : t('measurements.form.title')}
        </Title>
        {step === 0 && (
          <Stack gap="md">
            <Text ref={stepHeading as Ref<HTMLParagraphElement>} tabIndex={-1}>
              {t('measurements.form.intro')}
            </Text>
            <Text size="sm">{t('measurements.form.whoSees')}</Text>
            <Stack gap={6} role="group" aria-labelledby={`${titleId}-version`}>
              <Text fw={600} id={`${titleId}-version`}>
                {t('measurements.form.versionLabel')}
              </Text>
              <SegmentedControl
                fullWidth
                size="md"
                value={version}
                onChange={(next) => setVersion(next as RespondentVersion)}
                data={respondentVersions.map((each) => ({ value: each, label: t(`measurements.version.${each}`) }))}
              />
            </Stack>
            <Group grow>
              {onCancel && (
                <Button variant="default" size="lg" onClick={onCancel}>
                  {t('measurements.form.cancel')}
                </Button>
              )}
              <Button size="lg" onClick={() => go(1)}>
                {t('measurements.form.start')}
              </Button>
            </Group>
          </Stack>
        )}
        {step >= 1 && step <= questionCount && (
          <QuestionStep
            key={step}
            domain={assessmentDomains[step - 1]!}
            step={step}
            version={version}
            score={scores[assessmentDomains[step - 1]!]}
            onScore={(score) => setScore(assessmentDomains[step - 1]!, score)}
            onBack={() => go(step - 1)}
            onNext={() => go(step + 1)}
            headingRef={stepHeading}
          />
        )}
        {step === finalStep && (
          <Stack gap="md">
            <Title order={3} size="h4" ref={stepHeading as Ref<HTMLHeadingElement>} tabIndex={-1}>
              {t('measurements.form.commentTitle')}
            </Title>
            <Textarea
              label={t('measurements.form.comment')}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={1000}
              size="md"
            />
            <Stack gap={6}>
              <Text fw={600} id={`${titleId}-summary`}>
                {t('measurements.form.summary')}
              </Text>
              <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={`${titleId}-summary`}>
                {assessmentDomains.map((domain, index) => {
                  const score = scores[domain];
                  const title = domainTitle(t, version, domain);
                  return (
                    <Group
                      component="li"
                      key={domain}
                      justify="space-between"
                      wrap="nowrap"
                      py={6}
                      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                    >
                      <Text size="sm">
                        <Text span fw={600} inherit>
                          {title}:
                        </Text>{' '}
                        {score === undefined ? t('measurements.form.skipped') : scoreText(t, version, score)}
                      </Text>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        mih={36}
                        style={{ flexShrink: 0 }}
                        onClick={() => go(index + 1)}
                        aria-label={t('measurements.form.changeAnswer', { question: title })}
                      >
                        {t('measurements.form.change')}
                      </Button>
                    </Group>
                  );
                })}
              </Stack>
            </Stack>
            {noneAnswered && (
              <Alert color="red" variant="light" role="alert">
                {t('measurements.form.noneAnswered')}
              </Alert>
            )}
            {save.isError && <SaveError error={save.error} message={saveErrorMessage} />}
            <Stack gap="sm">
              <Button type="submit" size="lg" fullWidth loading={save.isPending}>
                {correcting ? t('measurements.form.saveCorrection') : t('measurements.form.save')}
              </Button>
              <Button variant="default" size="lg" fullWidth onClick={() => go(questionCount)} disabled={save.isPending}>
                {t('measurements.form.back')}
              </Button>
            </Stack>
          </Stack>
        )}
      </Stack>
    </form>
  );
}

interface QuestionStepProps {
  domain: AssessmentDomain;
  step: number;
  version: RespondentVersion;
  score: number | undefined;
  onScore: (score: number | undefined) => void;
  onBack: () => void;
  onNext: () => void;
  headingRef: RefObject<HTMLElement | null>;
}

/** One question: every answer a large card with its words; moving on without an answer skips it. */
function QuestionStep({ domain, step, version, score, onScore, onBack, onNext, headingRef }: QuestionStepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm" ref={headingRef as Ref<HTMLParagraphElement>} tabIndex={-1}>
          {t('measurements.form.step', { step, total: questionCount })}
        </Text>
        <Progress value={(step / questionCount) * 100} size="sm" aria-hidden />
      </Stack>
      <Radio.Group
        label={domainTitle(t, version, domain)}
        description={domainQuestion(t, version, domain)}
        value={score === undefined ? null : String(score)}
        onChange={(value) => onScore(Number(value))}
        classNames={{ label: classes.questionLabel, description: classes.questionText }}
      >
        <Stack gap="xs" mt="sm">
          {measurementScores.map((each) => (
            <Radio.Card key={each} value={String(each)} radius="md" className={classes.answer}>
              <Group wrap="nowrap" gap="md">
                <Radio.Indicator />
                <Text fw={500}>{scoreText(t, version, each)}</Text>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {score !== undefined && (
        <Group>
          <Button variant="subtle" mih={44} onClick={() => onScore(undefined)}>
            {t('measurements.form.clear')}
          </Button>
        </Group>
      )}
      <Group grow>
        <Button variant="default" size="lg" onClick={onBack}>
          {t('measurements.form.back')}
        </Button>
        <Button size="lg" variant={score === undefined ? 'light' : 'filled'} onClick={onNext}>
          {score === undefined ? t('measurements.form.skip') : t('measurements.form.next')}
        </Button>
      </Group>
    </Stack>
  );
}
