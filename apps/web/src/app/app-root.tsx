import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { SocketSource } from '../lib/socket-client';
import { AppProviders } from './providers';

interface AppRootProps {
  router: DataRouter;
  queryClient: QueryClient;
  i18n: i18n;
  socket: SocketSource;
}

/** The whole app: the same tree in the browser and in the build's pre-rendered pages, so one can hydrate the other. */
export function AppRoot({ router, queryClient, i18n, socket }: AppRootProps) {
  return (
    <StrictMode>
      <AppProviders queryClient={queryClient} i18n={i18n} socket={socket}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>
  );
}

/** Resolves once the router has the code of the address's screens, i.e. renders them rather than the fallback. */
export function routerReady(router: DataRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}
