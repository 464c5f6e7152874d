import { Anchor, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../../components/loading-state';
import { currentUserQueryOptions } from '../../features/auth/api/current-user.query';
import { markSecondFactorDone } from '../../features/auth/api/second-factor.mutations';
import { useSignOut } from '../../features/auth/api/sign-out.mutation';
import { SecondFactorCodeForm } from '../../features/auth/components/second-factor-code-form';
import { SecondFactorEnrolmentFlow } from '../../features/auth/components/second-factor-enrolment';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { AppHeader } from '../app-header';
import { returnPath, type NavigationState } from '../navigation-state';

/** The second step of a professional's sign-in: a code from the authenticator app, or setting the app up. */
export function SecondFactorRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const currentUser = useQuery(currentUserQueryOptions());
  const signOut = useSignOut();
  const [sessionEnded, setSessionEnded] = useState(false);
  const enrol = currentUser.data?.secondFactor === 'enrol';
  const title = enrol ? t('secondFactor.enrolTitle') : t('secondFactor.title');
  usePageTitle(title);

  if (currentUser.isPending) return <LoadingState />;
  if (!currentUser.data) {
    const state: NavigationState = sessionEnded ? { notice: 'secondFactorEnded' } : {};
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  if (currentUser.data.secondFactor === 'done') return <Navigate to={returnPath(location.state)} replace />;

  return (
    <>
      <AppHeader />
      <Container size={480} component="main" id="main" tabIndex={-1} py="xl">
        <Paper withBorder p="lg" radius="md">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {title}
              </Title>
              <Text size="sm">{t('secondFactor.signedInAs', { name: currentUser.data.name })}</Text>
            </Stack>
            {enrol ? (
              <SecondFactorEnrolmentFlow onDone={() => markSecondFactorDone(queryClient)} />
            ) : (
              <SecondFactorCodeForm onSessionEnded={() => setSessionEnded(true)} />
            )}
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="gray.8"
              mih={44}
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate(paths.signIn, { replace: true }) })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('secondFactor.cancel')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
    </>
  );
}
