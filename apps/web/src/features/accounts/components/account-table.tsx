import { Button, Table, Text } from '@mantine/core';
import { IconLockOpen, IconUserOff } from '@tabler/icons-react';
import type { AdminAccount } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordName, RecordTable } from '../../../components/record-table';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { AccountActionModal, type AccountAction } from './account-action-modal';

interface AccountTableProps {
  accounts: AdminAccount[];
  /** The administrator's own account cannot be disabled from here. */
  currentUserId: string;
}

/** Accounts with what the administrator needs to manage them, and nothing of any family's case. */
export function AccountTable({ accounts, currentUserId }: AccountTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pending, setPending] = useState<{ action: AccountAction; account: AdminAccount } | null>(null);

  return (
    <>
      <RecordTable
        label={t('accounts.tableLabel')}
        minWidth={900}
        columns={[
          { label: t('accounts.name') },
          { label: t('accounts.role') },
          { label: t('accounts.organisation') },
          { label: t('accounts.services') },
          { label: t('accounts.secondFactor') },
          { label: t('accounts.status') },
        ]}
        actionsLabel={t('accounts.actions')}
      >
        {accounts.map((account) => (
          <Table.Tr key={account.id}>
            <RecordName title={account.name} detail={account.email} />
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`roles.${account.role}`)}</Table.Td>
            <Table.Td>{account.organisation?.name ?? '–'}</Table.Td>
            <Table.Td>
              {account.services.length > 0
                ? account.services.map((service) => localizeText(service.name, language)).join(', ')
                : '–'}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={account.secondFactor === 'not_enrolled' ? 'orange.9' : undefined}>
                {t(`accounts.secondFactorState.${account.secondFactor}`)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {account.disabledAt ? (
                <Text size="sm" c="dimmed">
                  {t('accounts.disabledOn', { date: formatDateTimeParts(account.disabledAt, language).date })}
                </Text>
              ) : lockedUntil(account) ? (
                <Text size="sm" c="orange.9" fw={600}>
                  {t('accounts.lockedUntil', formatDateTimeParts(lockedUntil(account)!, language))}
                </Text>
              ) : (
                <Text size="sm" c="teal.9" fw={600}>
                  {t('accounts.active')}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {!account.disabledAt && lockedUntil(account) && (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconLockOpen size={14} aria-hidden />}
                  onClick={() => setPending({ action: 'unlock', account })}
                  aria-label={t('accounts.unlockNamed', { name: account.name })}
                >
                  {t('accounts.unlock')}
                </Button>
              )}
              {!account.disabledAt && account.id !== currentUserId && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconUserOff size={14} aria-hidden />}
                  onClick={() => setPending({ action: 'disable', account })}
                  aria-label={t('accounts.disableNamed', { name: account.name })}
                >
                  {t('accounts.disable')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </RecordTable>
      <AccountActionModal
        action={pending?.action ?? 'disable'}
        account={pending?.account ?? null}
        onClose={() => setPending(null)}
      />
    </>
  );
}

/** The later of the two locks, when either still holds. */
function lockedUntil(account: AdminAccount): string | null {
  const locks = [account.signInLockedUntil, account.secondFactorLockedUntil].filter((until): until is string => until !== null);
  return locks.sort().at(-1) ?? null;
}
