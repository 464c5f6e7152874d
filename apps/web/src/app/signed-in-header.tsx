import { Anchor, Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDevices, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import type { CurrentUser } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { paths } from '../lib/paths';
import { AppHeader } from './app-header';
import classes from './app-header.module.css';
import { PendingEditsCount } from './pending-edits-count';

interface SignedInHeaderProps {
  user: CurrentUser;
  onSignOut: () => void;
  onSignOutEverywhere?: () => void;
  signingOut?: boolean;
}

/** The header with the user's areas, their pending edits, the bell and the user menu. */
export function SignedInHeader({ user, onSignOut, onSignOutEverywhere, signingOut }: SignedInHeaderProps) {
  const { t } = useTranslation();
  return (
    <AppHeader
      home={paths.families}
      links={
        <>
          {user.role === 'admin' && (
            <Anchor component={NavLink} to={paths.administration} fw={600} className={classes.adminLink}>
              {t('admin.title')}
            </Anchor>
          )}
          {user.role === 'manager' && (
            <Anchor component={NavLink} to={paths.insights} fw={600} className={classes.adminLink}>
              {t('insights.title')}
            </Anchor>
          )}
          {(user.role === 'manager' || user.role === 'coordinator') && (
            <Anchor component={NavLink} to={paths.programs} fw={600} className={classes.adminLink}>
              {t('programs.title')}
            </Anchor>
          )}
          <PendingEditsCount />
        </>
      }
      end={
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
      }
    />
  );
}
