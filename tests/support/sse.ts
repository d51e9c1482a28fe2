import http from 'node:http';

/** One Server-Sent Event as received. */
export type SseEvent = { id: string | null; event: string; data: string };

/**
 * Reads a text/event-stream over plain HTTP (as a board does), collecting its events. `waitFor` resolves
 * once a predicate holds over what arrived; `close` ends the connection.
 */
export function openEventStream(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  let buffer = '';
  let status = 0;
  let destroy = () => {};
  const check = () => {
    for (const w of [...waiters]) {
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const ready = new Promise<void>((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      status = response.statusCode ?? 0;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | null = null;
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') id = value;
            else if (field === 'event') event = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length > 0 || id !== null) events.push({ id, event, data: data.join('\n') });
          end = buffer.indexOf('\n\n');
        }
        check();
      });
      resolve();
    });
    request.on('error', reject);
    // the executor runs before `stream` below exists: close through a variable, not `stream.close = …`
    destroy = () => request.destroy();
  });
  const stream = {
    events,
    ready,
    status: () => status,
    close: () => destroy(),
    /** Resolves when `test` holds over the events received (rejects after `timeoutMs`). */
    waitFor(test: (events: SseEvent[]) => boolean, timeoutMs = 10_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no such events within ${timeoutMs} ms; got ${JSON.stringify(events)}`)),
          timeoutMs,
        );
        const waiter = {
          test: () => test(events),
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        if (waiter.test()) waiter.resolve();
        else waiters.push(waiter);
      });
    },
  };
  return stream;
}
