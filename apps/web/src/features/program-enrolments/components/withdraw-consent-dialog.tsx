import { Button, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ProgramEnrolment } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { useWithdrawEnrolmentConsent } from '../api/program-enrolment.mutations';
import { NamedModal } from '../../../components/named-modal';

interface WithdrawConsentDialogProps {
  familyId: string;
  enrolment: ProgramEnrolment;
  /** A guardian withdraws the family's own consent; the coordinator records that a guardian did. */
  forFamily: boolean;
  opened: boolean;
  onClose: () => void;
}

/** Says plainly what withdrawing consent does before it is done: nothing is withdrawn by one stray tap. */
export function WithdrawConsentDialog({ familyId, enrolment, forFamily, opened, onClose }: WithdrawConsentDialogProps) {
  const { t } = useTranslation();
  const withdraw = useWithdrawEnrolmentConsent(familyId);
  const who = forFamily ? 'family' : 'coordinator';
  const close = () => {
    if (withdraw.isPending) return;
    withdraw.reset();
    onClose();
  };
  const confirm = () =>
    withdraw.mutate({ enrolmentId: enrolment.id, version: enrolment.version }, { onSuccess: () => onClose() });

  return (
    <NamedModal opened={opened} onClose={close} title={t(`programEnrolment.withdraw.${who}Title`)} centered>
      <Stack gap="md">
        <Text>{t(`programEnrolment.withdraw.${who}Intro`)}</Text>
        <List spacing="xs">
          <List.Item>
            {enrolment.endedOn ? t(`programEnrolment.withdraw.${who}AlreadyLeft`) : t(`programEnrolment.withdraw.${who}Leaves`)}
          </List.Item>
          <List.Item>{t(`programEnrolment.withdraw.${who}Reports`)}</List.Item>
          <List.Item>{t(`programEnrolment.withdraw.${who}Support`)}</List.Item>
        </List>
        {withdraw.isError && (
          <SaveError
            error={withdraw.error}
            onRetry={confirm}
            message={isApiError(withdraw.error, 'enrolment_ended') ? t('programEnrolment.withdraw.alreadyWithdrawn') : undefined}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button onClick={confirm} loading={withdraw.isPending} color="red.9">
            {t(`programEnrolment.withdraw.${who}Confirm`)}
          </Button>
          <Button variant="default" onClick={close} disabled={withdraw.isPending}>
            {t('programEnrolment.withdraw.back')}
          </Button>
        </SimpleGrid>
      </Stack>
    </NamedModal>
  );
}
