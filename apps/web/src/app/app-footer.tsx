import { Anchor, Box, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../lib/paths';

/** Under every page: the accessibility statement must be reachable from each one (laki 306/2019). */
export function AppFooter() {
  const { t } = useTranslation();
  return (
    <Box
      component="footer"
      aria-label={t('accessibility.footerLabel')}
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Container size="xl" py="sm">
        <Anchor component={NavLink} to={paths.accessibilityStatement} size="sm">
          {t('accessibility.footerLink')}
        </Anchor>
      </Container>
    </Box>
  );
}
