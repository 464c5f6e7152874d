import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@yhdessa/shared';
import 'dayjs/locale/fi';
import 'dayjs/locale/sv';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { actionStatusChange } from '../features/actions/api/update-action.mutation';
import { goalProgressEntry } from '../features/goals/api/goal.mutations';
import { newNote } from '../features/notes/api/notes.query';
import { useLanguage } from '../lib/locale';
import { registerPendingEditKinds } from '../lib/pending-edits';
import { keepPendingEdits } from '../lib/pending-edits-storage';
import { createQueryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';
import { SocketContext, type AppSocket } from '../lib/socket-client';
import { cssVariablesResolver, theme } from '../lib/theme';
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

/**
 * Calendars name months and weekdays in the user's language, weeks from Monday as in Finland.
 * No weekend days: Mantine draws them in a red that falls under AA contrast for small text.
 */
function LocalizedDates({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return <DatesProvider settings={{ locale: language, firstDayOfWeek: 1, weekendDays: [] }}>{children}</DatesProvider>;
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
        <LocalizedDates>
          <QueryClientProvider client={queryClient}>
            <PendingEditsKeeper />
            <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>
          </QueryClientProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
