import { MantineProvider, type MantineThemeOverride } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { actionStatusChange } from '../features/actions/api/update-action.mutation';
import { goalProgressEntry } from '../features/goals/api/goal.mutations';
import { newNote } from '../features/notes/api/notes.query';
import { registerPendingEditKinds } from '../lib/pending-edits';
import { keepPendingEdits } from '../lib/pending-edits-storage';
import { createQueryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';
import { SocketProvider, type SocketSource } from '../lib/socket-client';
import { cssVariablesResolver, theme as appTheme } from '../lib/theme';
import { PendingEditsKeeper } from './pending-edits-keeper';

/**
 * When any request finds the session gone, the shell sees "signed out" and sends the user to sign in;
 * when it finds the second factor still missing, the shell sends the user to the code step. The
 * edits that may be made without a connection are registered, and kept in this browser.
 */
export function createAppQueryClient(): QueryClient {
  const queryClient: QueryClient = createQueryClient({
    onUnauthenticated: () => queryClient.setQueryData(queryKeys.currentUser, null),
    onSecondFactorRequired: () => {
      queryClient.setQueryData<CurrentUser | null>(queryKeys.currentUser, (user) =>
        user && user.secondFactor === 'done' ? { ...user, secondFactor: 'required' } : user,
      );
      // The server knows whether a code or setting up the app is what is missing.
      void queryClient.invalidateQueries({ queryKey: queryKeys.currentUser });
    },
  });
  registerPendingEditKinds(queryClient, [actionStatusChange, newNote, goalProgressEntry]);
  keepPendingEdits(queryClient);
  return queryClient;
}

interface AppProvidersProps {
  queryClient: QueryClient;
  i18n: i18n;
  socket: SocketSource;
  /** The app's theme; tests in jsdom adjust it to a page without layout (testing/render-app.tsx). */
  theme?: MantineThemeOverride;
  children: ReactNode;
}

export function AppProviders({ queryClient, i18n, socket, theme = appTheme, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <PendingEditsKeeper />
          <SocketProvider source={socket}>{children}</SocketProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
