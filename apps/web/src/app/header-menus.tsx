import { Menu } from '@mantine/core';
import { IconDevices, IconKey, IconLogout } from '@tabler/icons-react';
import type { CurrentUser } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { paths } from '../lib/paths';
import classes from './app-header.module.css';
import { hasBell, UserMenuButton } from './header-menus-place';

export interface HeaderMenusProps {
  user: CurrentUser;
  onSignOut: () => void;
  onSignOutEverywhere?: () => void;
  signingOut?: boolean;
}

/** The bell and the user menu: their popovers' code comes once the first screen is drawn (signed-in-header.tsx). */
export function HeaderMenus({ user, onSignOut, onSignOutEverywhere, signingOut }: HeaderMenusProps) {
  const { t } = useTranslation();
  return (
    <>
      {hasBell(user.role) && (
        <div className={classes.bell}>
          <NotificationBell role={user.role} />
        </div>
      )}
      <Menu position="bottom-end" shadow="md" width={290} withinPortal hideDetached={false}>
        <Menu.Target>
          <UserMenuButton user={user} signingOut={signingOut} />
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
