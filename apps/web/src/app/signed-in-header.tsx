import { Anchor } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AfterFirstScreen } from '../components/after-first-screen';
import { paths } from '../lib/paths';
import { AppHeader } from './app-header';
import classes from './app-header.module.css';
import type { HeaderMenusProps } from './header-menus';
import { HeaderMenusPlace } from './header-menus-place';
import { PendingEditsCount } from './pending-edits-count';

// The popovers load once the first screen is drawn.
const HeaderMenus = lazy(() => import('./header-menus').then((m) => ({ default: m.HeaderMenus })));

type SignedInHeaderProps = HeaderMenusProps;

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
        <AfterFirstScreen placeholder={<HeaderMenusPlace user={user} />}>
          <HeaderMenus user={user} onSignOut={onSignOut} onSignOutEverywhere={onSignOutEverywhere} signingOut={signingOut} />
        </AfterFirstScreen>
      }
    />
  );
}
