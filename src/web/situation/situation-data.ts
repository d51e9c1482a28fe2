/**
 * The situational center's read and its live stream. The read is TanStack Query's (key
 * `queryKeys.queue.situation()`, dropped with the queue's at sign-in and sign-out); the server's stream
 * (`GET /api/analytics/situation/stream`, at most one `changed` a second) marks it stale, so it is read
 * again at once; when the stream (re)opens it is read again too (changes may have been missed meanwhile),
 * and every 30 s whatever happens — the fallback for a stream that stays down.
 */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Situation } from '../../shared/analytics.js';
import { request } from '../app/api.js';
import { queryKeys } from '../app/query-keys.js';

export const situationRefetchMs = 30_000;
export const situationStreamUrl = '/api/analytics/situation/stream';
const reopenMs = 3000;

export const situationQuery = () =>
  queryOptions({
    queryKey: queryKeys.queue.situation(),
    queryFn: ({ signal }) => request<Situation>('GET', '/api/analytics/situation', { signal }),
    refetchInterval: situationRefetchMs,
    staleTime: 0,
  });

/** Follows the stream while the screen is shown; answers whether it is connected now. */
export function useSituationLive(): boolean {
  const client = useQueryClient();
  const [online, setOnline] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.queue.situation() });
    const open = () => {
      source = new EventSource(situationStreamUrl);
      source.addEventListener('open', () => {
        setOnline(true);
        refresh();
      });
      source.addEventListener('changed', refresh);
      source.addEventListener('error', () => {
        setOnline(false);
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        timer = setTimeout(open, reopenMs);
      });
    };
    open();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [client]);
  return online;
}
