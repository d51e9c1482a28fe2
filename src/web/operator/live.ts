/**
 * Live consoles: while a screen of an office is shown it follows the office's board events (the board's
 * own stream, board/office-events.ts: `call` for a call or a recall, `queue` when the office's queue
 * changed) and marks the queue's cached answers stale on each, so the overview and «my window» are read
 * again at once. A burst of events (a busy hall) makes one read, not one per event. When the stream comes
 * back after being down, they are read again too (events may have been missed meanwhile); the queries'
 * own 10-second refetch covers a stream that stays down.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { queryKeys } from '../app/query-keys.js';
import { useOfficeEvents } from '../board/office-events.js';

const burstMs = 250;

export function useQueueLive(office: string | null | undefined): void {
  const client = useQueryClient();
  const burst = useRef<ReturnType<typeof setTimeout> | null>(null);
  const changed = useCallback(() => {
    if (burst.current || !office) return;
    burst.current = setTimeout(() => {
      burst.current = null;
      void client.invalidateQueries({ queryKey: queryKeys.queue.myWindow() });
      void client.invalidateQueries({ queryKey: queryKeys.queue.overview(office) });
    }, burstMs);
  }, [client, office]);
  useEffect(
    () => () => {
      if (burst.current) clearTimeout(burst.current);
      burst.current = null;
    },
    [],
  );
  const online = useOfficeEvents(office ?? '', Boolean(office), { onCall: changed, onQueue: changed });
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) changed();
    wasOnline.current = online;
  }, [online, changed]);
}
