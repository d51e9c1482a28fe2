/**
 * The queue's staff reads as TanStack Query options: `useQuery(queueQueries.overview(office))`. The board's
 * events (live.ts) mark them stale the moment something changes; every 10 s they are read again anyway, in
 * case the event stream is down.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '../app/query-keys.js';
import { queueApi } from './api.js';

const keys = queryKeys.queue;
/** The fallback when no event comes: a console is never more than this behind. */
export const queueRefetchMs = 10_000;

export const queueQueries = {
  myWindow: () =>
    queryOptions({
      queryKey: keys.myWindow(),
      queryFn: ({ signal }) => queueApi.myWindow(signal),
      refetchInterval: queueRefetchMs,
      staleTime: 0,
    }),
  overview: (office: string) =>
    queryOptions({
      queryKey: keys.overview(office),
      queryFn: ({ signal }) => queueApi.overview(office, signal),
      refetchInterval: queueRefetchMs,
      staleTime: 0,
      enabled: office !== '',
    }),
  /** The office's services and the priority categories: they change rarely. */
  kioskSetup: (office: string) =>
    queryOptions({
      queryKey: keys.kioskSetup(office),
      queryFn: ({ signal }) => queueApi.kioskSetup(office, signal),
      staleTime: 5 * 60_000,
      enabled: office !== '',
    }),
};
