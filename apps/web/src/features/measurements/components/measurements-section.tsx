import { Button, Group, Stack, Text } from '@mantine/core';
import { IconHeartbeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { isApiError } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { measurementsQueryOptions } from '../api/measurements.query';
import { MeasurementHistory } from './measurement-history';

interface MeasurementsSectionProps {
  familyId: string;
  /** Whether the plan says the reader may see the measurements: a service only with the family's consent. */
  shared: boolean;
  forFamily: boolean;
}

/** The plan's view of the family's wellbeing meter: its line over time, or plainly that it is not shared. */
export function MeasurementsSection({ familyId, shared, forFamily }: MeasurementsSectionProps) {
  const { t } = useTranslation();
  if (!shared) return <Text size="sm">{t('measurements.notShared')}</Text>;
  return <SharedMeasurements familyId={familyId} forFamily={forFamily} />;
}

function SharedMeasurements({ familyId, forFamily }: Omit<MeasurementsSectionProps, 'shared'>) {
  const { t } = useTranslation();
  const list = useQuery(measurementsQueryOptions(familyId));
  if (list.isPending) return <LoadingState />;
  // Withdrawn meanwhile: the server answers as if there were none, and what was shown goes.
  if (isApiError(list.error, 'not_found')) return <Text size="sm">{t('measurements.notShared')}</Text>;
  if (list.isError && !list.data) return <ErrorState title={t('measurements.loadFailed')} onRetry={() => void list.refetch()} />;
  const { measurements, can } = list.data;
  return (
    <Stack gap="md">
      <Text size="sm">{forFamily ? t('measurements.sectionIntroFamily') : t('measurements.sectionIntro')}</Text>
      {measurements.length === 0 ? (
        <Text size="sm">{forFamily ? t('measurements.emptyFamily') : t('measurements.empty')}</Text>
      ) : (
        <MeasurementHistory measurements={measurements} />
      )}
      <Group className="no-print">
        <Button
          component={Link}
          to={paths.measurements(familyId)}
          variant={can.record ? 'filled' : 'light'}
          leftSection={<IconHeartbeat size={18} aria-hidden />}
        >
          {can.record ? t('measurements.fill') : t('measurements.open')}
        </Button>
      </Group>
    </Stack>
  );
}
