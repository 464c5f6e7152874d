import { Button, Group, Stack, Text } from '@mantine/core';
import type { AdminAccount } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { refusalMessageKey } from './account-form-errors';
import { useAccountCommand, type AccountCommand } from '../api/accounts.query';
import { NamedModal } from '../../../components/named-modal';

const confirmKeys: Record<AccountCommand, string> = {
  disable: 'accounts.disableConfirm',
  unlock: 'accounts.unlockConfirm',
  enable: 'administration.reopenConfirm',
};

interface AccountActionModalProps {
  action: AccountCommand;
  /** The account to confirm; null keeps the dialog closed. */
  account: AdminAccount | null;
  onClose: () => void;
}

/**
 * Each asks once more before it is done: disabling signs the person out everywhere at once,
 * lifting a lock lets them try to sign in again, reopening lets them sign in as before.
 */
export function AccountActionModal({ action, account, onClose }: AccountActionModalProps) {
  const { t } = useTranslation();
  const mutation = useAccountCommand(action);
  const keys = confirmKeys[action];
  const refusal = refusalMessageKey(mutation.error);
  const close = () => {
    mutation.reset();
    onClose();
  };

  return (
    <NamedModal opened={account !== null} onClose={close} title={t(`${keys}.title`)}>
      {account && (
        <Stack gap="md">
          <Text>{t(`${keys}.text`, { name: account.name, email: account.email })}</Text>
          <Text size="sm" c="dimmed">
            {t(`${keys}.consequence`)}
          </Text>
          {mutation.isError && (
            <SaveError
              error={mutation.error}
              message={refusal ? t(refusal) : undefined}
              onRetry={() => mutation.mutate(account.id, { onSuccess: close })}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={action === 'disable' ? 'red' : undefined}
              loading={mutation.isPending}
              onClick={() => mutation.mutate(account.id, { onSuccess: close })}
            >
              {t(`${keys}.submit`)}
            </Button>
          </Group>
        </Stack>
      )}
    </NamedModal>
  );
}
