import { Alert, Anchor, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockExclamation, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { AppHeader } from '../app-header';
import { readNavigationState, returnPath, type NavigationState } from '../navigation-state';

/** Where a fresh session goes: the second factor first when it is still missing. */
function nextStep(user: CurrentUser, state: unknown): { to: string; state?: NavigationState } {
  if (user.secondFactor !== 'done') return { to: paths.secondFactor, state: { from: returnPath(state) } };
  return { to: returnPath(state) };
}

export function SignInRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const currentUser = useQuery(currentUserQueryOptions());
  const { notice, email } = readNavigationState(location.state);
  usePageTitle(t('signIn.title'));

  if (currentUser.isPending) return <LoadingState />;
  if (currentUser.data) {
    const next = nextStep(currentUser.data, location.state);
    return <Navigate to={next.to} state={next.state} replace />;
  }

  return (
    <>
      <AppHeader />
      <Container size={440} component="main" id="main" tabIndex={-1} py="xl">
        <Paper withBorder p="lg" radius="md">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <Text size="sm">{t('signIn.intro')}</Text>
            </Stack>
            {notice === 'invitationAccepted' && (
              <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
                {t('signIn.invitationAccepted')}
              </Alert>
            )}
            {notice === 'passwordReset' && (
              <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
                {t('password.resetDone')}
              </Alert>
            )}
            {notice === 'sessionEnded' && (
              <Alert color="orange" variant="light" icon={<IconClockExclamation aria-hidden />} role="alert">
                {t('offline.sessionEnded')}
              </Alert>
            )}
            {(notice === 'secondFactorEnded' || notice === 'signedOutEverywhere') && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
                {t(`signIn.notice.${notice}`)}
              </Alert>
            )}
            <SignInForm
              initialEmail={email}
              onSignedIn={(user) => {
                const next = nextStep(user, location.state);
                void navigate(next.to, { replace: true, state: next.state });
              }}
            />
            <Anchor component={Link} to={paths.forgotPassword} size="sm">
              {t('password.forgotLink')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
    </>
  );
}
