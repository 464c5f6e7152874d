import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Measurement } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { measurementsQueryOptions } from '../../features/measurements/api/measurements.query';
import { MeasurementHistory } from '../../features/measurements/components/measurement-history';
import { MeasurementList } from '../../features/measurements/components/measurement-list';
import { WellbeingMeterForm } from '../../features/measurements/components/wellbeing-meter-form';
import { planQueryOptions } from '../../features/plans/api/plan.query';
import { useFamilyRoom } from '../../features/realtime/hooks/use-family-room';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { BackToPlanLink } from '../family-page-back-link';
import { refreshAfterEvent } from '../refresh-on-event';
import { useLeaveRevokedFamily } from '../use-leave-family';

type Saved = { kind: 'recorded' | 'corrected'; measurement: Measurement };

/**
 * "Hyvinvointimittari": the family fills in the meter and sees its own line over time; the
 * coordinator and a service the family shares it with read the same line. A withdrawn consent
 * takes it off an open screen at once.
 */
export function MeasurementsRoute() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const queryClient = useQueryClient();
  const list = useQuery(measurementsQueryOptions(familyId));
  const plan = useQuery(planQueryOptions(familyId));
  const leave = useLeaveRevokedFamily(familyId);
  useFamilyRoom(familyId, {
    onEvent: (event) => refreshAfterEvent(queryClient, event),
    onRevoked: leave,
  });
  usePageTitle(t('measurements.pageTitle'));
  const [saved, setSaved] = useState<Saved | null>(null);
  const [correcting, setCorrecting] = useState<Measurement | null>(null);

  const header = (
    <Stack gap={4}>
      <div>
        <BackToPlanLink familyId={familyId} />
      </div>
      <Title order={1}>{t('measurements.title')}</Title>
      {plan.data && <Text c="dimmed">{plan.data.family.name}</Text>}
    </Stack>
  );

  if (list.isPending) return <LoadingState />;
  // A failed background refetch keeps the line on screen; a withdrawn consent does not.
  const hidden = isApiError(list.error, 'not_found') || isApiError(list.error, 'validation_failed');
  if (hidden || (list.isError && !list.data)) {
    return (
      <Stack gap="md" maw={760}>
        {header}
        {hidden ? (
          // In a plan they may read, the meter is hidden only because the family does not share it.
          <Alert color="gray" variant="light" role="status">
            {plan.data ? t('measurements.notShared') : t('measurements.notFound')}
          </Alert>
        ) : (
          <ErrorState title={t('measurements.loadFailed')} onRetry={() => void list.refetch()} />
        )}
      </Stack>
    );
  }

  const { measurements, prompt, can } = list.data;
  const onSaved = (kind: Saved['kind']) => (measurement: Measurement) => {
    setSaved({ kind, measurement });
    setCorrecting(null);
  };

  return (
    <Stack gap="lg" maw={760}>
      {header}
      {saved && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          icon={<IconCircleCheck aria-hidden />}
          title={saved.kind === 'recorded' ? t('measurements.form.savedTitle') : t('measurements.form.correctedTitle')}
        >
          <Stack gap="sm" align="flex-start">
            {saved.kind === 'recorded' && <Text size="sm">{t('measurements.form.saved')}</Text>}
            <Button component={Link} to={paths.family(familyId)} color="teal">
              {t('measurements.form.backToPlan')}
            </Button>
          </Stack>
        </Alert>
      )}
      {/* Once saved, the answer is on the line below; a correction opens from the list. */}
      {can.record && (correcting || !saved) && (
        <Paper withBorder p="md" radius="md">
          {correcting ? (
            <WellbeingMeterForm
              key={correcting.id}
              familyId={familyId}
              occasion={correcting.occasion}
              correcting={correcting}
              onSaved={onSaved('corrected')}
              onCancel={() => setCorrecting(null)}
            />
          ) : (
            <WellbeingMeterForm familyId={familyId} occasion={prompt?.occasion ?? 'own'} onSaved={onSaved('recorded')} />
          )}
        </Paper>
      )}
      <Stack component="section" gap="sm" aria-labelledby="measurement-history-title">
        <Title order={2} size="h3" id="measurement-history-title">
          {can.record ? t('measurements.history.title') : t('measurements.history.titleProfessional')}
        </Title>
        {measurements.length === 0 ? (
          <Text size="sm">{can.record ? t('measurements.emptyFamily') : t('measurements.empty')}</Text>
        ) : (
          <MeasurementHistory measurements={measurements} />
        )}
      </Stack>
      {measurements.length > 0 && (
        <Stack component="section" gap="sm" aria-labelledby="measurement-list-title">
          <Title order={2} size="h3" id="measurement-list-title">
            {t('measurements.list.title')}
          </Title>
          <MeasurementList
            measurements={measurements}
            onCorrect={(measurement) => {
              setSaved(null);
              setCorrecting(measurement);
            }}
          />
        </Stack>
      )}
    </Stack>
  );
}
