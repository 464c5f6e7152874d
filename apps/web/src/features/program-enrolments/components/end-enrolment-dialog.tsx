import { Button, Radio, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { EndEnrolment, ProgramEnrolment } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError, showRefusedFields } from '../../../lib/form-errors';
import { finnishToday } from '../../../lib/locale';
import { useEndEnrolment } from '../api/program-enrolment.mutations';
import { NamedModal } from '../../../components/named-modal';

const reasons: EndEnrolment['reason'][] = ['left', 'case_closed', 'moved'];

interface EndEnrolmentDialogProps {
  familyId: string;
  enrolment: ProgramEnrolment;
  opened: boolean;
  onClose: () => void;
}

interface EndValues {
  reason: EndEnrolment['reason'] | '';
  endedOn: string;
}

/** The coordinator records why and on which day the family left the programme. */
export function EndEnrolmentDialog({ familyId, enrolment, opened, onClose }: EndEnrolmentDialogProps) {
  const { t } = useTranslation();
  return (
    <NamedModal opened={opened} onClose={onClose} title={t('programEnrolment.end.title', { program: enrolment.program.name })}>
      {opened && <EndEnrolmentForm familyId={familyId} enrolment={enrolment} onDone={onClose} />}
    </NamedModal>
  );
}

function EndEnrolmentForm({
  familyId,
  enrolment,
  onDone,
}: {
  familyId: string;
  enrolment: ProgramEnrolment;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const end = useEndEnrolment(familyId);
  const today = finnishToday();
  const form = useForm<EndValues>({
    initialValues: { reason: '', endedOn: today },
    validate: {
      reason: (value) => (value ? null : 'programEnrolment.end.reasonRequired'),
      endedOn: (value) =>
        !value
          ? 'programEnrolment.end.dateRequired'
          : value > today || value < enrolment.enrolledOn
            ? 'programEnrolment.end.dateInvalid'
            : null,
    },
  });

  const send = ({ reason, endedOn }: EndValues) => {
    if (!reason) return;
    end.mutate(
      { enrolmentId: enrolment.id, body: { reason, endedOn, version: enrolment.version } },
      {
        onSuccess: onDone,
        onError: (error) => showRefusedFields(form, error, { endedOn: 'programEnrolment.end.dateInvalid' }),
      },
    );
  };

  // The list is read again after a refusal, so a retry goes out on the version now saved.
  const refusal = isApiError(end.error, 'enrolment_ended')
    ? t('programEnrolment.end.alreadyEnded')
    : isApiError(end.error, 'version_conflict')
      ? t('programEnrolment.end.conflict')
      : undefined;
  const fieldRefused = isApiError(end.error, 'validation_failed') && end.error.fields.includes('body.endedOn');

  return (
    <form noValidate onSubmit={form.onSubmit(send)}>
      <Stack gap="md">
        <Radio.Group
          label={t('programEnrolment.end.reason')}
          {...form.getInputProps('reason')}
          error={fieldError(t, form.errors, 'reason')}
          required
        >
          <Stack gap="xs" mt={6}>
            {reasons.map((reason) => (
              <Radio key={reason} value={reason} label={t(`programEnrolment.endReason.${reason}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <DateField
          label={t('programEnrolment.end.date')}
          description={t('programEnrolment.end.dateHint')}
          min={enrolment.enrolledOn}
          max={today}
          {...form.getInputProps('endedOn')}
          error={fieldError(t, form.errors, 'endedOn')}
          required
          w={{ base: '100%', xs: 220 }}
        />
        {end.isError && !fieldRefused && <SaveError error={end.error} message={refusal} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button type="submit" loading={end.isPending}>
            {t('programEnrolment.end.save')}
          </Button>
          <Button variant="default" onClick={onDone} disabled={end.isPending}>
            {t('common.cancel')}
          </Button>
        </SimpleGrid>
      </Stack>
    </form>
  );
}
