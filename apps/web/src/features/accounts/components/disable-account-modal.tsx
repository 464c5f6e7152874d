import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { AdminAccount } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { useDisableAccount } from '../api/accounts.query';

interface DisableAccountModalProps {
  /** The account to confirm; null keeps the dialog closed. */
  account: AdminAccount | null;
  onClose: () => void;
}

/** Asks once more before an account is disabled: the person is signed out everywhere at once. */
export function DisableAccountModal({ account, onClose }: DisableAccountModalProps) {
  const { t } = useTranslation();
  const disable = useDisableAccount();
  const close = () => {
    disable.reset();
    onClose();
  };

  return (
    <Modal opened={account !== null} onClose={close} title={t('accounts.confirmTitle')}>
      {account && (
        <Stack gap="md">
          <Text>{t('accounts.confirmText', { name: account.name, email: account.email })}</Text>
          <Text size="sm" c="dimmed">
            {t('accounts.confirmConsequence')}
          </Text>
          {disable.isError && <SaveError error={disable.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={disable.isPending} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={disable.isPending} onClick={() => disable.mutate(account.id, { onSuccess: close })}>
              {t('accounts.confirmDisable')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
