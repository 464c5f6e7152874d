import { Button, Text } from '@mantine/core';
import { IconChevronDown, IconUserCircle } from '@tabler/icons-react';
import type { CurrentUser, Role } from '@yhdessa/shared';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './app-header.module.css';

/** Whose header has the notification bell. */
export const hasBell = (role: Role) => role === 'coordinator' || role === 'worker' || role === 'family';

/** The bell's size (its button's least size, which its icon does not exceed). */
const BELL_SIZE = 44;

type UserMenuButtonProps = ComponentPropsWithRef<'button'> & { user: CurrentUser; signingOut?: boolean };

/** The user menu's button: who is signed in, and in which role. */
export function UserMenuButton({ user, signingOut, className, ...props }: UserMenuButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      color="dark"
      size="sm"
      mih={44}
      loading={signingOut}
      leftSection={<IconUserCircle size={20} aria-hidden />}
      rightSection={<IconChevronDown size={16} aria-hidden />}
      // The menu's target passes a class of its own (or none): the header's still applies.
      className={[classes.user, className].filter(Boolean).join(' ')}
      aria-label={t('app.userMenu', { name: user.name, role: t(`roles.${user.role}`) })}
      {...props}
    >
      <Text span size="sm" fw={600} truncate>
        {user.name}
      </Text>
      <Text span size="sm" ml={4} visibleFrom="xs">
        ({t(`roles.${user.role}`)})
      </Text>
    </Button>
  );
}

/**
 * The bell's and the user menu's places while their code loads (header-menus.tsx), their sizes
 * exactly: on a phone, where they share a line with the user's areas, the line wraps as it will
 * with them and nothing below moves when they come. Not shown, and nothing to press.
 */
export function HeaderMenusPlace({ user }: { user: CurrentUser }) {
  return (
    <>
      {hasBell(user.role) && <div aria-hidden className={classes.bell} style={{ width: BELL_SIZE, height: BELL_SIZE }} />}
      <UserMenuButton user={user} aria-hidden tabIndex={-1} style={{ visibility: 'hidden' }} />
    </>
  );
}
