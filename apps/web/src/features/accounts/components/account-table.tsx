import { Button, Table, Text } from '@mantine/core';
import { IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { AdminAccount, ProfessionalRole } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedModal } from '../../../components/named-modal';
import { RecordCard, RecordCards, useRecordCards } from '../../../components/record-cards';
import { RecordName, RecordTable } from '../../../components/record-table';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import type { AccountCommand } from '../api/accounts.query';
import { AccountAccessForm } from './account-access-form';
import type { ServiceChoice } from './account-access-fields';
import { AccountActionModal } from './account-action-modal';

interface AccountTableProps {
  accounts: AdminAccount[];
  /** The administrator's own account cannot be disabled from here. */
  currentUserId: string;
  /** The services the administrator keeps, for changing a worker's services. */
  services: readonly ServiceChoice[];
}

type ProfessionalAccount = AdminAccount & { role: ProfessionalRole };
const isProfessional = (account: AdminAccount): account is ProfessionalAccount => account.role !== 'family';

/**
 * Accounts with what the administrator needs to manage them, and nothing of any family's case:
 * a table on a laptop, cards on a phone.
 */
export function AccountTable({ accounts, currentUserId, services }: AccountTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const asCards = useRecordCards();
  const [pending, setPending] = useState<{ action: AccountCommand; account: AdminAccount } | null>(null);
  const [editing, setEditing] = useState<ProfessionalAccount | null>(null);

  const serviceNames = (account: AdminAccount) =>
    account.services.length > 0 ? account.services.map((service) => localizeText(service.name, language)).join(', ') : '–';
  const secondFactor = (account: AdminAccount) => (
    <Text size="sm" c={account.secondFactor === 'not_enrolled' ? 'orange.9' : undefined}>
      {t(`accounts.secondFactorState.${account.secondFactor}`)}
    </Text>
  );
  const status = (account: AdminAccount) => {
    const locked = lockedUntil(account);
    if (account.disabledAt)
      return (
        <Text size="sm" c="dimmed">
          {t('accounts.disabledOn', { date: formatDateTimeParts(account.disabledAt, language).date })}
        </Text>
      );
    if (locked)
      return (
        <Text size="sm" c="orange.9" fw={600}>
          {t('accounts.lockedUntil', formatDateTimeParts(locked, language))}
        </Text>
      );
    return (
      <Text size="sm" c="teal.9" fw={600}>
        {t('accounts.active')}
      </Text>
    );
  };
  const actions = (account: AdminAccount) => {
    const size = asCards ? 'sm' : 'xs';
    return (
      <>
        {isProfessional(account) && (
          <Button
            variant={asCards ? 'default' : 'subtle'}
            size={size}
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(account)}
            aria-label={t('administration.editNamed', { name: account.name })}
          >
            {t('administration.edit')}
          </Button>
        )}
        {!account.disabledAt && lockedUntil(account) && (
          <Button
            variant={asCards ? 'default' : 'subtle'}
            size={size}
            leftSection={<IconLockOpen size={14} aria-hidden />}
            onClick={() => setPending({ action: 'unlock', account })}
            aria-label={t('accounts.unlockNamed', { name: account.name })}
          >
            {t('accounts.unlock')}
          </Button>
        )}
        {account.disabledAt && (
          <Button
            variant={asCards ? 'default' : 'subtle'}
            size={size}
            leftSection={<IconUserCheck size={14} aria-hidden />}
            onClick={() => setPending({ action: 'enable', account })}
            aria-label={t('administration.reopenNamed', { name: account.name })}
          >
            {t('administration.reopen')}
          </Button>
        )}
        {!account.disabledAt && account.id !== currentUserId && (
          <Button
            variant={asCards ? 'default' : 'subtle'}
            color="red"
            size={size}
            leftSection={<IconUserOff size={14} aria-hidden />}
            onClick={() => setPending({ action: 'disable', account })}
            aria-label={t('accounts.disableNamed', { name: account.name })}
          >
            {t('accounts.disable')}
          </Button>
        )}
      </>
    );
  };

  return (
    <>
      {asCards ? (
        <RecordCards label={t('administration.cardsLabel')}>
          {accounts.map((account) => (
            <RecordCard
              key={account.id}
              title={account.name}
              detail={account.email}
              fields={[
                { label: t('accounts.role'), value: t(`roles.${account.role}`) },
                { label: t('accounts.organisation'), value: account.organisation?.name ?? '–' },
                ...(account.services.length > 0 ? [{ label: t('accounts.services'), value: serviceNames(account) }] : []),
                { label: t('accounts.secondFactor'), value: secondFactor(account) },
                { label: t('accounts.status'), value: status(account) },
              ]}
              actions={actions(account)}
            />
          ))}
        </RecordCards>
      ) : (
        <RecordTable
          label={t('accounts.tableLabel')}
          minWidth={980}
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
              <Table.Td>{serviceNames(account)}</Table.Td>
              <Table.Td>{secondFactor(account)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(account)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {actions(account)}
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
      <AccountActionModal
        action={pending?.action ?? 'disable'}
        account={pending?.account ?? null}
        onClose={() => setPending(null)}
      />
      <NamedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('administration.editTitle', { name: editing.name }) : ''}
      >
        {editing && <AccountAccessForm key={editing.id} account={editing} services={services} onClose={() => setEditing(null)} />}
      </NamedModal>
    </>
  );
}

/** The later of the two locks, when either still holds. */
function lockedUntil(account: AdminAccount): string | null {
  const locks = [account.signInLockedUntil, account.secondFactorLockedUntil].filter((until): until is string => until !== null);
  return locks.sort().at(-1) ?? null;
}
