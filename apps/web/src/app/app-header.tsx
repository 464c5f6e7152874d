import { Anchor, Box, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../components/language-switcher';
import { paths } from '../lib/paths';
import classes from './app-header.module.css';

interface AppHeaderProps {
  /** Where the brand leads: sign-in, or the signed-in user's home. */
  home?: string;
  /** Before the languages: the signed-in user's areas. */
  links?: ReactNode;
  /** After the languages (on a phone, on a line of their own): the bell and the user menu. */
  end?: ReactNode;
}

/** The bar at the top of every page; the signed-in parts come from `SignedInHeader`, which the sign-in page does not load. */
export function AppHeader({ home = paths.signIn, links, end }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Container size="xl" py={6} className={classes.bar}>
        <Anchor component={Link} to={home} fw={750} fz="xl" c="indigo.9" underline="hover" className={classes.brand}>
          {t('app.name')}
        </Anchor>
        {links}
        <div className={classes.languages}>
          <LanguageSwitcher />
        </div>
        <span className={classes.lineBreak} aria-hidden />
        {end}
      </Container>
    </Box>
  );
}
