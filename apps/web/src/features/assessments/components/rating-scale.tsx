import { Box, Group, Radio, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const ratings = [1, 2, 3, 4, 5] as const;

// Colour only repeats what the number and the words say.
const ratingColors = ['red', 'orange', 'yellow', 'teal', 'green'] as const;

/** "3/5 – Vähän huolta": the number and its meaning, never one without the other. */
export function ratingText(t: TFunction, rating: number): string {
  return t('assessment.ratingValue', { rating, label: t(`assessment.rating.${rating}`) });
}

/** Five boxes, as many filled as the rating; decoration beside the words. */
function RatingMeter({ rating }: { rating: number }) {
  const color = ratingColors[rating - 1] ?? 'gray';
  return (
    <Group gap={3} aria-hidden wrap="nowrap">
      {ratings.map((step) => (
        <Box
          key={step}
          w={12}
          h={12}
          style={{
            borderRadius: 2,
            border: `1px solid var(--mantine-color-${color}-8)`,
            background: step <= rating ? `var(--mantine-color-${color}-6)` : 'transparent',
          }}
        />
      ))}
    </Group>
  );
}

export function RatingValue({ rating, size = 'sm' }: { rating: number; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <RatingMeter rating={rating} />
      <Text size={size} fw={600}>
        {ratingText(t, rating)}
      </Text>
    </Group>
  );
}

/** What the numbers mean, shown next to every assessment. */
export function RatingLegend() {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id="assessment-legend">
        {t('assessment.legendTitle')}
      </Text>
      <Group component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="assessment-legend">
        {ratings.map((rating) => (
          <li key={rating}>
            <RatingValue rating={rating} size="xs" />
          </li>
        ))}
      </Group>
    </Stack>
  );
}

interface RatingInputProps {
  label: string;
  description?: string;
  value: number | null;
  onChange: (rating: number | null) => void;
  /** Offer "not now" too, for a domain left out of a new assessment. */
  allowSkip?: boolean;
  error?: string;
}

export function RatingInput({ label, description, value, onChange, allowSkip = false, error }: RatingInputProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value === null ? '' : String(value)}
      onChange={(next) => onChange(next === '' ? null : Number(next))}
      error={error}
    >
      <Stack gap={8} mt={6}>
        {ratings.map((rating) => (
          <Radio key={rating} value={String(rating)} label={ratingText(t, rating)} />
        ))}
        {allowSkip && <Radio value="" label={t('assessment.skip')} />}
      </Stack>
    </Radio.Group>
  );
}

/** How a domain moved between two assessments, told by an arrow and in words. */
export function RatingChange({ from, to }: { from: number | null; to: number | null }) {
  const { t } = useTranslation();
  if (from === null || to === null) return <Text size="sm">{t('assessment.noComparison')}</Text>;
  const delta = to - from;
  const [Icon, text, color] =
    delta > 0
      ? [IconArrowUpRight, t('assessment.better', { amount: delta }), 'teal.9']
      : delta < 0
        ? [IconArrowDownRight, t('assessment.worse', { amount: -delta }), 'red.9']
        : [IconArrowRight, t('assessment.same'), undefined];
  return (
    <Text size="sm" fw={delta === 0 ? 400 : 600} c={color} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <Icon size={16} aria-hidden />
      {text}
    </Text>
  );
}
