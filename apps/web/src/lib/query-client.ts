import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

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
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Only a network or server hiccup may pass by asking again; a refusal or a broken contract will not.
        retry: (failureCount, error) =>
          error instanceof ApiError && (error.status === 0 || error.status >= 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
