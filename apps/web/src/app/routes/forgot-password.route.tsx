import { Anchor, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { AppHeader } from '../app-header';

/** `/sign-in/forgot-password`: asks for a link that sets a new password. */
export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('password.forgotTitle'));
  return (
    <>
      <AppHeader />
      <Container size={440} component="main" id="main" tabIndex={-1} py="xl">
        <Paper withBorder p="lg" radius="md">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {t('password.forgotTitle')}
              </Title>
              <Text size="sm">{t('password.forgotIntro')}</Text>
            </Stack>
            <ForgotPasswordForm />
            <Anchor component={Link} to={paths.signIn} size="sm">
              {t('password.backToSignIn')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
    </>
  );
}
