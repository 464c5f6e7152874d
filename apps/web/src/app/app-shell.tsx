import { Alert, Container } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useIsFetching, useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { ErrorState } from '../components/error-state';
import { LoadingState } from '../components/loading-state';
import { currentUserQueryOptions } from '../features/auth/api/current-user.query';
import { useSignOut } from '../features/auth/api/sign-out.mutation';
import { useSignOutEverywhere } from '../features/auth/api/sign-out-everywhere.mutation';
import { ConnectionBanner } from '../features/realtime/components/connection-banner';
import { useMarkFirstScreenDrawn } from '../lib/first-screen';
import { paths } from '../lib/paths';
import { useSocket } from '../lib/socket-client';
import { AppFooter } from './app-footer';
import { SignedInHeader } from './signed-in-header';
import { readNavigationState, type NavigationState, type Notice } from './navigation-state';

/** Its own component, so that the shell and the screen are not drawn again whenever a fetch starts or ends. */
function FirstScreenWatch() {
  const navigation = useNavigation();
  const fetching = useIsFetching();
  useMarkFirstScreenDrawn(navigation.state === 'idle' && fetching === 0);
  return null;
}

/** A socket authenticated by the old session must not stay in any family's room. Its own component: the shell is not drawn again when the socket comes. */
function SocketSignOut({ signedOut }: { signedOut: boolean }) {
  const socket = useSocket();
  useEffect(() => {
    if (signedOut) socket?.disconnect();
  }, [signedOut, socket]);
  return null;
}

/** Everything behind sign-in: the header, and the screen of the current route. */
export function AppShell() {
  const currentUser = useQuery(currentUserQueryOptions());
  return (
    <>
      <SocketSignOut signedOut={currentUser.data === null} />
      <SignedInScreen />
    </>
  );
}

function SignedInScreen() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const currentUser = useQuery(currentUserQueryOptions());
  const signOut = useSignOut();
  // Signing out leaves the shell through its own redirect below; this is what that redirect tells the sign-in page.
  const [exitNotice, setExitNotice] = useState<Notice | undefined>();
  const signOutEverywhere = useSignOutEverywhere({ onSignedOut: () => setExitNotice('signedOutEverywhere') });
  const { notice } = readNavigationState(location.state);
  // Whether this screen had someone signed in: losing them without signing out means the session ended.
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  if (currentUser.data && currentUser.data.id !== signedInAs) setSignedInAs(currentUser.data.id);
  const here = location.pathname + location.search;

  if (currentUser.isPending) return <LoadingState />;
  if (currentUser.isError)
    return (
      <Container size="sm" py="xl">
        <ErrorState title={t('app.loadFailed')} onRetry={() => void currentUser.refetch()} />
      </Container>
    );
  if (currentUser.data === null) {
    // After the session ended, signing in again comes back here, where the forms' drafts wait.
    const state: NavigationState = exitNotice
      ? { notice: exitNotice }
      : { from: here, ...(signedInAs !== null && { notice: 'sessionEnded' }) };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  if (currentUser.data.secondFactor !== 'done') {
    const state: NavigationState = { from: here };
    return <Navigate to={paths.secondFactor} replace state={state} />;
  }

  return (
    <>
      <SignedInHeader
        user={currentUser.data}
        signingOut={signOut.isPending || signOutEverywhere.isPending}
        onSignOut={() => {
          setExitNotice('signedOut');
          signOut.mutate(undefined, { onError: () => setExitNotice(undefined) });
        }}
        onSignOutEverywhere={() => signOutEverywhere.mutate()}
      />
      {/* At least the window's height: the footer stays below it and does not move as the screen's content arrives. */}
      <Container size="xl" component="main" id="main" tabIndex={-1} py="lg" mih="100vh">
        {notice === 'familyRevoked' && (
          <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} role="alert" mb="md">
            {t('app.familyRevoked')}
          </Alert>
        )}
        {/* While the next screen's code loads, the screen being left is gone already: it must not read again what the user left (or lost). */}
        {navigation.state === 'loading' ? (
          <LoadingState />
        ) : (
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        )}
      </Container>
      <FirstScreenWatch />
      <ConnectionBanner />
      <AppFooter />
    </>
  );
}
