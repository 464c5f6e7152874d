import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError, isTransientError } from './api-client';
import { holdForSignIn } from './pending-edits-storage';

interface QueryClientOptions {
  /** Called when any request finds the session gone, so the app can send the user to sign in. */
  onUnauthenticated?: () => void;
  /** Called when any request finds the session still waiting for its second factor. */
  onSecondFactorRequired?: () => void;
}

export function createQueryClient({ onUnauthenticated, onSecondFactorRequired }: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    if (error.code === 'unauthenticated') onUnauthenticated?.();
    if (error.code === 'second_factor_required') onSecondFactorRequired?.();
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A pending edit is not lost with the session: it waits for its account to sign in again.
        if (isApiError(error, 'unauthenticated')) holdForSignIn(queryClient, mutation);
        onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Only a network or server hiccup may pass by asking again; a refusal or a broken contract will not,
        // and a server that let a read run out of time is not asked twice more.
        retry: (failureCount, error) => isTransientError(error) && !isApiError(error, 'timeout') && failureCount < 2,
      },
      // A save that cannot reach the server says so at once, with a way to try again; only the
      // pending edits (lib/pending-edits.ts) wait for the connection instead.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return queryClient;
}
