import { Button, Group, Text } from '@mantine/core';
import { FEEDBACK_SCORE_MAX } from '@yhdessa/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './score-scale.module.css';

const scores = Array.from({ length: FEEDBACK_SCORE_MAX + 1 }, (_, score) => score);

interface ScoreScaleProps {
  question: string;
  /** What 0 and 10 mean for this question; 10 is always the good end. */
  low: string;
  high: string;
  value: number | null;
  onChange: (score: number | null) => void;
}

/**
 * One question on a 0-10 scale as a row of radio buttons, big enough for a thumb, with the words
 * of both ends always in view (and in the names of 0 and 10). Leaving it unanswered skips it.
 */
export function ScoreScale({ question, low, high, value, onChange }: ScoreScaleProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className={classes.scale}>
      <Text component="legend" fw={600} size="md">
        {question}
      </Text>
      <div className={classes.ends} aria-hidden>
        <span>{t('feedback.scale.end', { score: 0, words: low })}</span>
        <span>{t('feedback.scale.end', { score: FEEDBACK_SCORE_MAX, words: high })}</span>
      </div>
      <div className={classes.options}>
        {scores.map((score) => (
          <label key={score} className={classes.option}>
            <input
              className={classes.input}
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
              aria-label={
                score === 0 || score === FEEDBACK_SCORE_MAX
                  ? t('feedback.scale.end', { score, words: score === 0 ? low : high })
                  : String(score)
              }
            />
            <span className={classes.step} aria-hidden>
              {score}
            </span>
          </label>
        ))}
      </div>
      <Group justify="space-between" gap="xs" mt={4} mih={36}>
        <Text size="sm" c="gray.8">
          {value === null ? t('feedback.scale.skipped') : t('feedback.scale.chosen', { score: value })}
        </Text>
        {value !== null && (
          <Button variant="subtle" size="sm" onClick={() => onChange(null)}>
            {t('feedback.scale.clear')}
          </Button>
        )}
      </Group>
    </fieldset>
  );
}
