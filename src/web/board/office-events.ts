/**
 * An office's live board events (Server-Sent Events), for the board and the ticket page. The browser
 * reconnects by itself and sends `Last-Event-ID`, so the server resumes after the last call this page got;
 * when the browser gives up (an answer that is no stream: a restart, a 503), the page opens a new stream
 * after the last call it applied (`after()`), so no call is missed or repeated either way.
 */
import { useEffect, useRef, useState } from 'react';
import type { BoardCall } from '../../shared/queue.js';
import { boardEventsUrl } from '../app/api.js';

export type OfficeEventHandlers = {
  onCall?: (call: BoardCall) => void;
  onQueue?: (waiting: number) => void;
  /** The sequence number to start after on a fresh stream; undefined: from now on. */
  after?: () => number | undefined;
};

const reopenMs = 3000;

/** Listens while `enabled`; answers whether the stream is connected now. */
export function useOfficeEvents(office: string, enabled: boolean, handlers: OfficeEventHandlers): boolean {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [online, setOnline] = useState(true);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource(boardEventsUrl(office, latest.current.after?.()));
      source.addEventListener('open', () => setOnline(true));
      source.addEventListener('call', (e) => {
        latest.current.onCall?.(JSON.parse((e as MessageEvent<string>).data) as BoardCall);
      });
      source.addEventListener('queue', (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as { waiting: number };
        latest.current.onQueue?.(data.waiting);
      });
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
  }, [office, enabled]);
  return online;
}
