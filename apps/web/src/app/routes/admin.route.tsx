import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconFileExport, IconScale, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch } from 'react-router';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { paths } from '../../lib/paths';
import { NotFoundRoute } from './not-found.route';

/** "/admin": the administrator's area. Anyone else finds no page here, as the API answers them 404. */
export function AdminRoute() {
  const { t } = useTranslation();
  const currentUser = useQuery(currentUserQueryOptions());
  if (currentUser.data?.role !== 'admin') return <NotFoundRoute />;
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={1}>{t('admin.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('admin.intro')}
        </Text>
      </Stack>
      <Group gap="xs" component="nav" aria-label={t('admin.navLabel')}>
        <AdminNavLink to={paths.adminServices} icon={<IconBuildingCommunity size={18} aria-hidden />}>
          {t('admin.services')}
        </AdminNavLink>
        <AdminNavLink to={paths.adminAccounts} icon={<IconUsers size={18} aria-hidden />}>
          {t('admin.accounts')}
        </AdminNavLink>
        <AdminNavLink to={paths.adminAudit} icon={<IconFileExport size={18} aria-hidden />}>
          {t('admin.audit')}
        </AdminNavLink>
        <AdminNavLink to={paths.referenceCosts} icon={<IconScale size={18} aria-hidden />}>
          {t('referenceCosts.title')}
        </AdminNavLink>
      </Group>
      <Outlet />
    </Stack>
  );
}

function AdminNavLink({ to, icon, children }: { to: string; icon: ReactNode; children: ReactNode }) {
  const active = useMatch(to) !== null;
  return (
    <Button
      component={NavLink}
      to={to}
      variant={active ? 'light' : 'subtle'}
      color={active ? 'indigo' : 'dark'}
      leftSection={icon}
    >
      {children}
    </Button>
  );
}
