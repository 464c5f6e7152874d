import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';
import { SocketContext, type AppSocket } from '../lib/socket-client';
import { cssVariablesResolver, theme } from '../lib/theme';

/**
 * When any request finds the session gone, the shell sees "signed out" and sends the user to sign in;
 * when it finds the second factor still missing, the shell sends the user to the code step.
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
  return queryClient;
}

interface AppProvidersProps {
  queryClient: QueryClient;
  i18n: i18n;
  socket: AppSocket;
  children: ReactNode;
}

export function AppProviders({ queryClient, i18n, socket, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
