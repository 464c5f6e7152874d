import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDevices, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import type { CurrentUser } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { paths } from '../lib/paths';
import classes from './app-header.module.css';

export interface HeaderMenusProps {
  user: CurrentUser;
  onSignOut: () => void;
  onSignOutEverywhere?: () => void;
  signingOut?: boolean;
}

/** The bell and the user menu: their popovers' code comes after the screen's first paint. */
export function HeaderMenus({ user, onSignOut, onSignOutEverywhere, signingOut }: HeaderMenusProps) {
  const { t } = useTranslation();
  return (
    <>
      {(user.role === 'coordinator' || user.role === 'worker' || user.role === 'family') && (
        <div className={classes.bell}>
          <NotificationBell role={user.role} />
        </div>
      )}
      <Menu position="bottom-end" shadow="md" width={290} withinPortal hideDetached={false}>
        <Menu.Target>
          <Button
            variant="subtle"
            color="dark"
            size="sm"
            mih={44}
            loading={signingOut}
            leftSection={<IconUserCircle size={20} aria-hidden />}
            rightSection={<IconChevronDown size={16} aria-hidden />}
            className={classes.user}
            aria-label={t('app.userMenu', { name: user.name, role: t(`roles.${user.role}`) })}
          >
            <Text span size="sm" fw={600} truncate>
              {user.name}
            </Text>
            <Text span size="sm" ml={4} visibleFrom="xs">
              ({t(`roles.${user.role}`)})
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t(`roles.${user.role}`)}</Menu.Label>
          <Menu.Item component={Link} to={paths.changePassword} leftSection={<IconKey size={18} aria-hidden />} mih={44}>
            {t('password.changeMenu')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={onSignOut} mih={44}>
            {t('app.signOut')}
          </Menu.Item>
          {onSignOutEverywhere && (
            <Menu.Item leftSection={<IconDevices size={18} aria-hidden />} onClick={onSignOutEverywhere} mih={44}>
              {t('app.signOutEverywhere')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
