import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { LiveHub } from '../../db/live-hub.js';
import { queueChannel } from '../queue/tickets.service.js';

/**
 * The situational center's stream: Server-Sent Events that tell a screen to read the situation again.
 * One hub subscription to the queue's channel per instance (taken with the first screen, dropped with the
 * last) fans out to every screen whose scope holds the office that changed. A screen gets at most one
 * `changed` event per `throttleMs` (a busy region sends hundreds of changes a second; the screen reads the
 * whole situation on each, so more would only load the server), carrying the offices changed since its
 * last; a comment every `heartbeatMs` keeps proxies from closing an idle stream. When the hub lost events
 * (its connection dropped), every screen is told to read again.
 */

type Client = {
  res: ServerResponse;
  /** The offices of the screen's scope; null: the whole region. */
  offices: ReadonlySet<string> | null;
  pending: Set<string>;
  /** Everything may have changed (the hub's resync). */
  everything: boolean;
  lastSent: number;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
};

/** At most this many office codes are named in one event; more read as «everything». */
const maxNamed = 50;

export function createSituationStreams(options: {
  hub: LiveHub;
  log: FastifyBaseLogger;
  throttleMs?: number;
  heartbeatMs?: number;
}) {
  const { hub, log } = options;
  const throttleMs = options.throttleMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const clients = new Set<Client>();
  let subscription: Promise<() => void> | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closing = false;

  const write = (c: Client, text: string) => {
    if (c.closed || c.res.writableEnded) return;
    try {
      c.res.write(text);
    } catch (err) {
      log.warn({ err }, 'situation stream write failed');
    }
  };

  const flush = (c: Client) => {
    c.timer = undefined;
    if (c.closed || (!c.everything && c.pending.size === 0)) return;
    const offices = c.everything || c.pending.size > maxNamed ? null : [...c.pending];
    c.pending.clear();
    c.everything = false;
    c.lastSent = Date.now();
    write(c, `event: changed\ndata: ${JSON.stringify({ offices })}\n\n`);
  };

  const touch = (c: Client, office: string | null) => {
    if (office === null) c.everything = true;
    else if (c.offices === null || c.offices.has(office)) c.pending.add(office);
    else return;
    if (c.timer) return;
    const wait = c.lastSent + throttleMs - Date.now();
    if (wait <= 0) flush(c);
    else c.timer = setTimeout(() => flush(c), wait);
  };

  const onEvent = (payload: string) => {
    let office: unknown;
    try {
      office = (JSON.parse(payload) as { o?: unknown }).o;
    } catch {
      return;
    }
    if (typeof office !== 'string') return;
    for (const c of clients) touch(c, office);
  };
  const onResync = () => {
    for (const c of clients) touch(c, null);
  };

  const subscribed = () => {
    subscription ??= hub.subscribe(queueChannel, { onEvent, onResync }).catch((err) => {
      subscription = undefined;
      throw err;
    });
    return subscription;
  };

  const release = (c: Client) => {
    c.closed = true;
    clearTimeout(c.timer);
    clients.delete(c);
    if (clients.size > 0) return;
    clearInterval(heartbeat);
    heartbeat = undefined;
    const s = subscription;
    subscription = undefined;
    void s?.then((unsubscribe) => unsubscribe()).catch(() => {});
  };

  return {
    /** Streams to `res` (the reply is hijacked; `headers` are written with the stream's first bytes). */
    async connect(res: ServerResponse, offices: ReadonlySet<string> | null, headers: Record<string, string>) {
      if (closing) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'the server is stopping' } }));
        return;
      }
      const client: Client = {
        res,
        offices,
        pending: new Set(),
        everything: false,
        lastSent: 0,
        timer: undefined,
        closed: false,
      };
      clients.add(client);
      res.on('close', () => release(client));
      try {
        // Listening before the stream opens: the screen reads the situation again on `open`, so a change
        // committed while it connected is read or announced, never neither.
        await subscribed();
      } catch (err) {
        release(client);
        throw err;
      }
      if (client.closed) return;
      heartbeat ??= setInterval(() => {
        for (const c of clients) write(c, ': ping\n\n');
      }, heartbeatMs);
      heartbeat.unref();
      res.writeHead(200, headers);
      res.write('retry: 3000\n\n');
    },

    /** Ends every stream (the app is closing): screens reconnect to another instance or after the restart. */
    close() {
      closing = true;
      for (const c of [...clients]) {
        release(c);
        if (!c.res.writableEnded) c.res.end();
      }
    },

    stats: () => ({ clients: clients.size }),
  };
}
