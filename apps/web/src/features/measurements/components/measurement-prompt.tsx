import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHeartbeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';
import { measurementsQueryOptions } from '../api/measurements.query';

/**
 * In the family's plan: the invitation to fill in the meter, at the start until the first one
 * exists and after each completed review until a new one is made. Shown only to who may fill it in.
 */
export function MeasurementPrompt({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery(measurementsQueryOptions(familyId));
  if (!list.data?.prompt || !list.data.can.record) return null;
  const { prompt } = list.data;
  return (
    <Paper withBorder p="md" bg="teal.0" component="section" aria-labelledby="measurement-prompt-title">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="measurement-prompt-title">
          {prompt.occasion === 'start' ? t('measurements.prompt.startTitle') : t('measurements.prompt.reviewTitle')}
        </Title>
        <Text size="sm">
          {prompt.occasion === 'start'
            ? t('measurements.prompt.start')
            : t('measurements.prompt.review', { date: formatDateTimeParts(prompt.reviewCompletedAt, language).date })}
        </Text>
        <Button
          component={Link}
          to={paths.measurements(familyId)}
          size="lg"
          color="teal"
          leftSection={<IconHeartbeat size={22} aria-hidden />}
        >
          {t('measurements.prompt.button')}
        </Button>
      </Stack>
    </Paper>
  );
}
