/**
 * Live consoles: while a screen of an office is shown it listens to the office's board events
 * (GET /api/offices/{office}/board/events: `call` for a call or a recall, `queue` when the number waiting
 * changes) and marks the queue's cached answers stale on each, so the overview and «my window» are read
 * again at once. A burst of events (a busy hall) makes one read, not one per event. The browser reconnects
 * the stream by itself; a reconnect reads again too (events may have been missed meanwhile), and the
 * queries' own 10-second refetch covers a stream that stays down.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../app/query-keys.js';

const burstMs = 250;

export function useQueueLive(office: string | null | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!office || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/offices/${encodeURIComponent(office)}/board/events`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    const changed = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ queryKey: queryKeys.queue.myWindow() });
        void client.invalidateQueries({ queryKey: queryKeys.queue.overview(office) });
      }, burstMs);
    };
    const onOpen = () => {
      if (opened) changed();
      opened = true;
    };
    source.addEventListener('call', changed);
    source.addEventListener('queue', changed);
    source.addEventListener('open', onOpen);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [client, office]);
}
