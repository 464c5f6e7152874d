import { Button, Group, Stack, Text } from '@mantine/core';
import type { AdminAccount } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { useDisableAccount, useUnlockAccount } from '../api/accounts.query';
import { NamedModal } from '../../../components/named-modal';

/** What the administrator is about to do to an account; each asks once more before it is done. */
export type AccountAction = 'disable' | 'unlock';

interface AccountActionModalProps {
  action: AccountAction;
  /** The account to confirm; null keeps the dialog closed. */
  account: AdminAccount | null;
  onClose: () => void;
}

/** Disabling signs the person out everywhere at once; lifting a lock lets them try to sign in again. */
export function AccountActionModal({ action, account, onClose }: AccountActionModalProps) {
  const { t } = useTranslation();
  const disable = useDisableAccount();
  const unlock = useUnlockAccount();
  const mutation = action === 'disable' ? disable : unlock;
  const close = () => {
    mutation.reset();
    onClose();
  };

  return (
    <NamedModal opened={account !== null} onClose={close} title={t(`accounts.${action}Confirm.title`)}>
      {account && (
        <Stack gap="md">
          <Text>{t(`accounts.${action}Confirm.text`, { name: account.name, email: account.email })}</Text>
          <Text size="sm" c="dimmed">
            {t(`accounts.${action}Confirm.consequence`)}
          </Text>
          {mutation.isError && <SaveError error={mutation.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={action === 'disable' ? 'red' : undefined}
              loading={mutation.isPending}
              onClick={() => mutation.mutate(account.id, { onSuccess: close })}
            >
              {t(`accounts.${action}Confirm.submit`)}
            </Button>
          </Group>
        </Stack>
      )}
    </NamedModal>
  );
}
