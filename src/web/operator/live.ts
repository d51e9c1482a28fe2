/**
 * Live consoles: while a screen of an office is shown it listens to the office's board events
 * (GET /api/offices/{office}/board/events: `call` for a call or a recall, `queue` when the number waiting
 * changes) and marks the queue's cached answers stale on each, so the overview and «my window» are read
 * again at once. A burst of events (a busy hall) makes one read, not one per event. The browser reconnects
 * a dropped stream by itself; a refused one (an error status: the server restarting behind a proxy) it
 * gives up, so it is opened again here after a pause. Every reconnect reads again (events may have been
 * missed meanwhile), and the queries' own 10-second refetch covers a stream that stays down.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../app/query-keys.js';

const burstMs = 250;
const reopenMs = 15_000;

export function useQueueLive(office: string | null | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!office || typeof EventSource === 'undefined') return;
    const url = `/api/offices/${encodeURIComponent(office)}/board/events`;
    let source: EventSource | null = null;
    let burst: ReturnType<typeof setTimeout> | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    const changed = () => {
      if (burst) return;
      burst = setTimeout(() => {
        burst = null;
        void client.invalidateQueries({ queryKey: queryKeys.queue.myWindow() });
        void client.invalidateQueries({ queryKey: queryKeys.queue.overview(office) });
      }, burstMs);
    };
    const open = () => {
      reopen = null;
      const next = new EventSource(url);
      source = next;
      next.addEventListener('call', changed);
      next.addEventListener('queue', changed);
      next.addEventListener('open', () => {
        if (opened) changed();
        opened = true;
      });
      next.addEventListener('error', () => {
        if (next.readyState !== EventSource.CLOSED || reopen) return;
        next.close();
        reopen = setTimeout(open, reopenMs);
      });
    };
    open();
    return () => {
      if (burst) clearTimeout(burst);
      if (reopen) clearTimeout(reopen);
      source?.close();
    };
  }, [client, office]);
}
