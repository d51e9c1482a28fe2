/**
 * The one QueryClient of the web app (every audience shares it: one cache, one de-duplication).
 * - fresh for 30 s: moving between pages does not ask again; a focused window or a restored connection
 *   does (refetchOnWindowFocus / refetchOnReconnect);
 * - a refusal (4xx) is an answer, not a glitch: it is never retried; a network failure or a 5xx is
 *   retried twice (1 s, 2 s) before the page shows the error with its «Повторить» button;
 * - errors are `ApiError` everywhere (Register below), so pages read `error.status` without casts.
 * Mutations change the cache through `invalidateChanged` (query-keys.ts), as live events will.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.js';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

const isRefusal = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        retry: (failures, error) => !isRefusal(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's client: main.tsx provides it; the admin API client updates it after each mutation. */
export const queryClient = createQueryClient();
