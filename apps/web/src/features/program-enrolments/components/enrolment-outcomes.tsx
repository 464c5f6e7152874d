import { Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleMinus, IconCircleX, IconClock } from '@tabler/icons-react';
import type { OutcomeStatus, ProgramEnrolment } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/locale';
import { metricDescription, outcomeStatusText } from './outcome-words';

const statusIcons: Record<OutcomeStatus, { Icon: typeof IconClock; color: string }> = {
  reached: { Icon: IconCircleCheck, color: 'var(--mantine-color-teal-9)' },
  pending: { Icon: IconClock, color: 'var(--mantine-color-indigo-9)' },
  missed: { Icon: IconCircleX, color: 'var(--mantine-color-gray-8)' },
  not_measurable: { Icon: IconCircleMinus, color: 'var(--mantine-color-gray-8)' },
};

interface EnrolmentOutcomesProps {
  enrolment: ProgramEnrolment;
  /** The coordinator also sees each metric's name in the programme's contract. */
  showMetricNames: boolean;
}

/** Each outcome the programme follows, described by how it is measured, and where it stands in words. */
export function EnrolmentOutcomes({ enrolment, showMetricNames }: EnrolmentOutcomesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const metrics = new Map(enrolment.program.metrics.map((metric) => [metric.id, metric]));
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {enrolment.outcomes.map((outcome) => {
        const metric = metrics.get(outcome.metricId);
        const { Icon, color } = statusIcons[outcome.status];
        return (
          <Stack component="li" key={outcome.metricId} gap={2}>
            {metric && <Text fw={600}>{metricDescription(t, metric.definition)}</Text>}
            {metric && showMetricNames && (
              <Text size="sm" c="gray.8">
                {t('programEnrolment.metricName', { name: metric.name })}
              </Text>
            )}
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Icon size={20} color={color} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm">{outcomeStatusText(t, outcome, language)}</Text>
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}
