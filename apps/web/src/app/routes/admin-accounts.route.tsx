import { Button, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { roles, roleSchema } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { ListFilters } from '../../components/list-filters';
import { LoadingState } from '../../components/loading-state';
import { accountsQueryOptions } from '../../features/accounts/api/accounts.query';
import { AccountTable } from '../../features/accounts/components/account-table';
import { CreateAccountForm } from '../../features/accounts/components/create-account-form';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { organisationsQueryOptions } from '../../features/service-catalogue/api/organisations.query';
import { serviceCatalogueQueryOptions } from '../../features/service-catalogue/api/service-catalogue.query';
import { useSearchParamSetter } from '../../lib/use-search-param-setter';
import { AdminSection } from '../admin-section';
import { NamedModal } from '../../components/named-modal';

/** Accounts by name, filtered by role on the server and by name or email here; the filters live in the address. */
export function AdminAccountsRoute() {
  const { t } = useTranslation();
  const currentUser = useQuery(currentUserQueryOptions());
  const [searchParams] = useSearchParams();
  const setFilter = useSearchParamSetter();
  const q = searchParams.get('q') ?? '';
  const parsedRole = roleSchema.safeParse(searchParams.get('role'));
  const role = parsedRole.success ? parsedRole.data : null;
  const accounts = useQuery(accountsQueryOptions(role));
  const catalogue = useQuery(serviceCatalogueQueryOptions());
  const organisations = useQuery(organisationsQueryOptions());
  const [creating, setCreating] = useState(false);
  // An administrator puts people only in the services of their own organisation (one without an organisation, in any).
  const organisationId = currentUser.data?.organisationId ?? null;
  const ownServices = (catalogue.data ?? [])
    .filter((service) => !organisationId || service.organisation.id === organisationId)
    .map((service) => ({ id: service.id, name: service.name, retired: service.retiredAt !== null }));

  const needle = q.trim().toLocaleLowerCase('fi');
  const shown = (accounts.data ?? []).filter(
    (account) =>
      !needle || account.name.toLocaleLowerCase('fi').includes(needle) || account.email.toLocaleLowerCase('fi').includes(needle),
  );

  return (
    <AdminSection
      id="accounts-title"
      title={t('accounts.title')}
      intro={t('accounts.intro')}
      action={
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('administration.createAccount')}
        </Button>
      }
    >
      <ListFilters
        label={t('accounts.filtersLabel')}
        searchLabel={t('accounts.search')}
        q={q}
        onQChange={(value) => setFilter('q', value)}
        selectLabel={t('accounts.roleFilter')}
        allLabel={t('accounts.allRoles')}
        options={roles.map((value) => ({ value, label: t(`accounts.rolePlural.${value}`) }))}
        value={role}
        onChange={(value) => setFilter('role', value)}
      />
      {accounts.isPending ? (
        <LoadingState />
      ) : accounts.isError && !accounts.data ? (
        <ErrorState title={t('accounts.loadFailed')} onRetry={() => void accounts.refetch()} />
      ) : (
        <div aria-busy={accounts.isFetching && accounts.isPlaceholderData} aria-live="polite">
          <Text size="sm" c="dimmed" mb="xs">
            {t('accounts.count', { count: shown.length })}
          </Text>
          {shown.length > 0 && (
            <AccountTable accounts={shown} currentUserId={currentUser.data?.id ?? ''} services={ownServices} />
          )}
        </div>
      )}
      <NamedModal opened={creating} onClose={() => setCreating(false)} title={t('administration.createTitle')}>
        <CreateAccountForm
          organisations={organisations.data ?? []}
          defaultOrganisationId={organisationId}
          services={ownServices}
          onClose={() => setCreating(false)}
        />
      </NamedModal>
    </AdminSection>
  );
}
