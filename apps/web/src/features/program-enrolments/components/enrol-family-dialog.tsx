import { Alert, Button, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FamilyMember, ProgramEnrolmentList } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError, showRefusedFields } from '../../../lib/form-errors';
import { finnishToday } from '../../../lib/locale';
import { useEnrolFamily } from '../api/program-enrolment.mutations';
import { NamedModal } from '../../../components/named-modal';

type OpenProgram = ProgramEnrolmentList['open'][number];

interface EnrolFamilyDialogProps {
  familyId: string;
  open: OpenProgram[];
  /** The family's guardians, from the plan already on screen: one of them gave the consent. */
  guardians: FamilyMember[];
  opened: boolean;
  onClose: () => void;
}

export function EnrolFamilyDialog({ opened, onClose, ...props }: EnrolFamilyDialogProps) {
  const { t } = useTranslation();
  return (
    <NamedModal opened={opened} onClose={onClose} title={t('programEnrolment.enrol.title')} size="lg">
      {opened && <EnrolFamilyForm {...props} onDone={onClose} />}
    </NamedModal>
  );
}

interface EnrolValues {
  programId: string;
  payerId: string;
  consentGivenBy: string;
  consentGivenOn: string;
  enrolledOn: string;
}

/** The API's refusals of single fields, in words that say what to fix. */
const refusedFieldKeys = {
  programId: 'programEnrolment.enrol.programRequired',
  payerId: 'programEnrolment.enrol.payerInvalid',
  consentGivenBy: 'programEnrolment.enrol.guardianInvalid',
  consentGivenOn: 'programEnrolment.enrol.consentDateInvalid',
  enrolledOn: 'programEnrolment.enrol.enrolledOnInvalid',
};

const onlyOne = (items: readonly { id: string }[]) => (items.length === 1 ? items[0]!.id : '');

/** The coordinator enrols the family in an open programme, naming the guardian who consented and when. */
function EnrolFamilyForm({
  familyId,
  open,
  guardians,
  onDone,
}: Omit<EnrolFamilyDialogProps, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const enrol = useEnrolFamily(familyId);
  const today = finnishToday();
  const firstProgram = open.length === 1 ? open[0] : undefined;
  const form = useForm<EnrolValues>({
    initialValues: {
      programId: firstProgram?.id ?? '',
      payerId: firstProgram ? onlyOne(firstProgram.payers) : '',
      consentGivenBy: onlyOne(guardians),
      consentGivenOn: today,
      enrolledOn: today,
    },
    validate: {
      programId: (value) => (value ? null : 'programEnrolment.enrol.programRequired'),
      payerId: (value) => (value ? null : 'programEnrolment.enrol.payerRequired'),
      consentGivenBy: (value) => (value ? null : 'programEnrolment.enrol.guardianRequired'),
      consentGivenOn: (value, values) =>
        !value || value > today || value > values.enrolledOn ? 'programEnrolment.enrol.consentDateInvalid' : null,
      enrolledOn: (value) => (!value || value > today ? 'programEnrolment.enrol.enrolledOnInvalid' : null),
    },
  });
  const program = open.find((each) => each.id === form.values.programId);

  const send = (values: EnrolValues) =>
    enrol.mutate(values, {
      onSuccess: onDone,
      onError: (error) => showRefusedFields(form, error, refusedFieldKeys),
    });

  const error = enrol.error;
  // A refused field shows its own error by the field; the alert is for the rest.
  const fieldsRefused =
    isApiError(error, 'validation_failed') &&
    Object.keys(refusedFieldKeys).some((field) => error.fields.includes(`body.${field}`));
  const refusal = isApiError(error, 'not_in_target_group')
    ? t('programEnrolment.enrol.notInTargetGroup', {
        min: program?.targetGroup.childAgeMin,
        max: program?.targetGroup.childAgeMax,
      })
    : isApiError(error, 'already_enrolled')
      ? t('programEnrolment.enrol.alreadyEnrolled')
      : undefined;

  return (
    <form noValidate onSubmit={form.onSubmit(send)}>
      <Stack gap="md">
        <Radio.Group
          label={t('programEnrolment.enrol.program')}
          value={form.values.programId}
          onChange={(programId) => {
            form.setFieldValue('programId', programId);
            form.setFieldValue('payerId', onlyOne(open.find((each) => each.id === programId)?.payers ?? []));
          }}
          error={fieldError(t, form.errors, 'programId')}
          required
        >
          <Stack gap="sm" mt={6}>
            {open.map((each) => (
              <Radio
                key={each.id}
                value={each.id}
                label={t('programEnrolment.enrol.programOption', { name: each.name, provider: each.provider })}
                description={t('programEnrolment.enrol.targetGroup', {
                  min: each.targetGroup.childAgeMin,
                  max: each.targetGroup.childAgeMax,
                  description: each.targetGroup.description,
                })}
              />
            ))}
          </Stack>
        </Radio.Group>
        {program && (
          <Radio.Group
            label={t('programEnrolment.enrol.payer')}
            {...form.getInputProps('payerId')}
            error={fieldError(t, form.errors, 'payerId')}
            required
          >
            <Stack gap="xs" mt={6}>
              {program.payers.map((payer) => (
                <Radio key={payer.id} value={payer.id} label={payer.name} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {guardians.length === 0 ? (
          <Alert color="orange" variant="light">
            {t('programEnrolment.enrol.noGuardian')}
          </Alert>
        ) : (
          <Radio.Group
            label={t('programEnrolment.enrol.guardian')}
            description={t('programEnrolment.enrol.guardianHint')}
            {...form.getInputProps('consentGivenBy')}
            error={fieldError(t, form.errors, 'consentGivenBy')}
            required
          >
            <Stack gap="xs" mt={6}>
              {guardians.map((guardian) => (
                <Radio key={guardian.id} value={guardian.id} label={guardian.name} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('programEnrolment.enrol.consentGivenOn')}
            max={today}
            {...form.getInputProps('consentGivenOn')}
            error={fieldError(t, form.errors, 'consentGivenOn')}
            required
          />
          <DateField
            label={t('programEnrolment.enrol.enrolledOn')}
            max={today}
            {...form.getInputProps('enrolledOn')}
            error={fieldError(t, form.errors, 'enrolledOn')}
            required
          />
        </SimpleGrid>
        <Text size="sm" c="gray.8">
          {t('programEnrolment.enrol.consentNote')}
        </Text>
        {error && !fieldsRefused && <SaveError error={error} message={refusal} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button type="submit" loading={enrol.isPending} disabled={guardians.length === 0}>
            {t('programEnrolment.enrol.save')}
          </Button>
          <Button variant="default" onClick={onDone} disabled={enrol.isPending}>
            {t('common.cancel')}
          </Button>
        </SimpleGrid>
      </Stack>
    </form>
  );
}
