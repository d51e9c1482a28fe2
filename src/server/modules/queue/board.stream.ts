import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { BoardCall } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import type { LiveHub } from '../../db/live-hub.js';
import { type BoardCallRow, toBoardCall, windowLabels } from './board.mappers.js';
import { boardCallsAfter, waitingCounts } from './tickets.repository.js';
import { queueChannel } from './tickets.service.js';
import { officeQueueRow } from './windows.repository.js';

/**
 * The display boards' live stream (Server-Sent Events). One feed per office per instance, all fed by one
 * subscription to the hub channel `queue`: a `call` notice makes the feed read the new calls once and fan
 * them out to every board of the office (500 boards on one office: one query per call); a `change` notice
 * sends the number waiting, at most every `waitingThrottleMs` per office.
 *
 * Never a missed or repeated call: board sequence numbers of an office are gap-free and commit in order (the
 * call's transaction holds the office's queue row from taking its number to its commit), so each board is
 * sent exactly the call `last + 1`; when the feed does not hold it (a board catching up after a reconnect,
 * or one that joined behind), that board reads the calls after its last from the database, in order.
 */

/** The payload the queue's services NOTIFY on `queue` inside each change's transaction (publishQueue). */
export type QueueNotice = { o: string; k: 'call' | 'change'; s?: number };

export function parseQueueNotice(payload: string): QueueNotice | null {
  try {
    const v = JSON.parse(payload) as Partial<QueueNotice> | null;
    if (!v || typeof v.o !== 'string' || (v.k !== 'call' && v.k !== 'change')) return null;
    return { o: v.o, k: v.k, s: typeof v.s === 'number' ? v.s : undefined };
  } catch {
    return null;
  }
}

/** `last + 1` parsed from an SSE `Last-Event-ID` or `after`: a non-negative integer, else undefined. */
export function eventIdOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export type BoardStreamOptions = {
  db: Db;
  hub: LiveHub;
  log: FastifyBaseLogger;
  heartbeatMs?: number;
  waitingThrottleMs?: number;
};

type Client = { res: ServerResponse; last: number; pumping: boolean; again: boolean; closed: boolean };

const batch = 200;
/** Calls a feed keeps for boards a little behind; older ones are read from the database. */
const keptCalls = 256;
/** A board that reads slower than this much buffered output is dropped; it reconnects and catches up. */
const maxBuffered = 1 << 20;

export type BoardStreams = ReturnType<typeof createBoardStreams>;

export function createBoardStreams(options: BoardStreamOptions) {
  const { db, hub, log } = options;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const throttleMs = options.waitingThrottleMs ?? 200;
  const feeds = new Map<string, Feed>();
  let subscription: Promise<() => void> | undefined;
  let closing = false;

  const send = (c: Client, text: string) => {
    if (c.closed) return;
    c.res.write(text);
    if (c.res.writableLength > maxBuffered) c.res.destroy();
  };
  const callEvent = (call: BoardCall) => `id: ${call.seq}\nevent: call\ndata: ${JSON.stringify(call)}\n\n`;

  class Feed {
    readonly clients = new Set<Client>();
    /** Pending connections: the feed stays while a board is still joining. */
    joining = 0;
    /** The newest call this feed has read (-1: not read yet). */
    lastSeq = -1;
    recent: BoardCall[] = [];
    private labels = new Map<number, string>();
    private dirty = false;
    private running: Promise<void> | undefined;
    private waitingTimer: NodeJS.Timeout | undefined;
    private waitingRunning = false;
    private waitingDirty = false;
    private waitingAt = 0;
    private readonly heartbeat: NodeJS.Timeout;

    constructor(readonly office: string) {
      this.heartbeat = setInterval(() => {
        for (const c of this.clients) send(c, ': ping\n\n');
        // A safety net under the notices: a lost one is found within a heartbeat.
        void this.refresh();
      }, heartbeatMs);
      this.heartbeat.unref();
    }

    /** Reads the calls after the feed's last and sends them on; concurrent asks share one read. */
    refresh(): Promise<void> {
      this.dirty = true;
      this.running ??= (async () => {
        try {
          while (this.dirty) {
            this.dirty = false;
            await this.readNew();
          }
        } catch (err) {
          log.error({ err, office: this.office }, 'board feed could not read the calls');
        } finally {
          this.running = undefined;
        }
        for (const c of this.clients) void this.pump(c);
      })();
      return this.running;
    }

    private async readNew(): Promise<void> {
      if (this.lastSeq < 0) this.lastSeq = (await officeQueueRow(db, this.office))?.boardSeq ?? 0;
      for (;;) {
        const rows = await boardCallsAfter(db, this.office, this.lastSeq, batch);
        for (const call of await this.toCalls(rows)) {
          this.recent.push(call);
          this.lastSeq = call.seq;
        }
        if (this.recent.length > keptCalls) this.recent = this.recent.slice(-keptCalls);
        if (rows.length < batch) return;
      }
    }

    async toCalls(rows: BoardCallRow[]): Promise<BoardCall[]> {
      if (rows.some((r) => r.window !== null && !this.labels.has(r.window))) {
        this.labels = await windowLabels(db, this.office);
      }
      return rows.map((r) => toBoardCall(r, this.labels));
    }

    /** The call right after `seq` when the feed holds it. */
    private held(seq: number): BoardCall | undefined {
      const first = this.recent[0];
      if (!first) return undefined;
      const call = this.recent[seq + 1 - first.seq];
      return call?.seq === seq + 1 ? call : undefined;
    }

    /** Brings one board up to the feed's last call, one call after another; serialized per board. */
    async pump(c: Client): Promise<void> {
      if (c.pumping) {
        c.again = true;
        return;
      }
      c.pumping = true;
      try {
        do {
          c.again = false;
          while (!c.closed && c.last < this.lastSeq) {
            const next = this.held(c.last);
            if (next) {
              send(c, callEvent(next));
              c.last = next.seq;
              continue;
            }
            if (!(await this.catchUp(c))) break;
          }
        } while (c.again && !c.closed);
      } catch (err) {
        log.error({ err, office: this.office }, 'board could not catch up; it reconnects');
        c.res.destroy();
      } finally {
        c.pumping = false;
      }
    }

    /** A board behind the feed's memory reads its calls from the database; false when none came. */
    private async catchUp(c: Client): Promise<boolean> {
      const calls = await this.toCalls(await boardCallsAfter(db, this.office, c.last, batch));
      for (const call of calls) {
        if (c.closed) return false;
        if (call.seq !== c.last + 1) {
          // Every call up to a visible one has committed (numbers are taken under the office's row lock),
          // so a number missing below it will never come: said once in the log, not waited for.
          log.warn({ office: this.office, from: c.last + 1, to: call.seq - 1 }, 'board sequence has a gap');
        }
        send(c, callEvent(call));
        c.last = call.seq;
      }
      return calls.length > 0;
    }

    /** The number waiting, sent to every board: the first change at once, then at most every throttleMs. */
    changed(): void {
      this.waitingDirty = true;
      if (this.waitingTimer || this.waitingRunning) return;
      const wait = Math.max(0, this.waitingAt + throttleMs - Date.now());
      this.waitingTimer = setTimeout(() => void this.sendWaiting(), wait);
      this.waitingTimer.unref();
    }

    private async sendWaiting(): Promise<void> {
      this.waitingTimer = undefined;
      this.waitingDirty = false;
      this.waitingRunning = true;
      this.waitingAt = Date.now();
      try {
        const waiting = (await waitingCounts(db, [this.office])).get(this.office) ?? 0;
        const text = `event: queue\ndata: ${JSON.stringify({ waiting })}\n\n`;
        for (const c of this.clients) send(c, text);
      } catch (err) {
        log.error({ err, office: this.office }, 'board feed could not count the waiting');
      } finally {
        this.waitingRunning = false;
      }
      if (this.waitingDirty && this.clients.size > 0) this.changed();
    }

    dispose(): void {
      clearInterval(this.heartbeat);
      clearTimeout(this.waitingTimer);
      this.waitingTimer = undefined;
      this.waitingDirty = false;
    }
  }

  const onEvent = (payload: string) => {
    const notice = parseQueueNotice(payload);
    const feed = notice && feeds.get(notice.o);
    if (!notice || !feed) return;
    // A call changes the number waiting too.
    feed.changed();
    if (notice.k === 'call' && (notice.s === undefined || notice.s > feed.lastSeq)) void feed.refresh();
  };
  const onResync = () => {
    for (const feed of feeds.values()) {
      void feed.refresh();
      feed.changed();
    }
  };

  const subscribed = () => {
    subscription ??= hub.subscribe(queueChannel, { onEvent, onResync }).catch((err) => {
      subscription = undefined;
      throw err;
    });
    return subscription;
  };

  const release = (feed: Feed) => {
    if (feed.clients.size > 0 || feed.joining > 0 || feeds.get(feed.office) !== feed) return;
    feed.dispose();
    feeds.delete(feed.office);
    if (feeds.size === 0 && subscription) {
      const s = subscription;
      subscription = undefined;
      void s.then((unsubscribe) => unsubscribe()).catch(() => {});
    }
  };

  return {
    /**
     * Streams the office's board to `res` from the call after `after` (undefined: from now on). The caller
     * has checked the office and hijacked the reply; `headers` are written with the stream's own.
     */
    async connect(
      office: string,
      after: number | undefined,
      res: ServerResponse,
      headers: Record<string, string>,
    ) {
      if (closing) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'the server is stopping' } }));
        return;
      }
      let feed = feeds.get(office);
      if (!feed) {
        feed = new Feed(office);
        feeds.set(office, feed);
      }
      feed.joining++;
      const client: Client = { res, last: 0, pumping: false, again: false, closed: false };
      res.on('close', () => {
        client.closed = true;
        feed.clients.delete(client);
        release(feed);
      });
      try {
        // Listening before the first read: a call committed in between is read or notified, never neither.
        await subscribed();
        if (feed.lastSeq < 0 || (after !== undefined && after > feed.lastSeq)) await feed.refresh();
        // A board from before the database was reset would wait for numbers long gone.
        client.last = after === undefined ? feed.lastSeq : Math.min(after, feed.lastSeq);
      } catch (err) {
        feed.joining--;
        release(feed);
        throw err;
      }
      feed.joining--;
      if (client.closed || closing) {
        release(feed);
        if (!res.writableEnded) res.end();
        return;
      }
      res.writeHead(200, headers);
      // The browser's reconnection delay; then the first bytes, so proxies and clients see the stream open.
      res.write('retry: 3000\n\n');
      feed.clients.add(client);
      void feed.pump(client);
    },

    /** Ends every stream (the app is closing): boards reconnect to another instance or after the restart. */
    close() {
      closing = true;
      for (const feed of feeds.values()) {
        for (const c of feed.clients) {
          c.closed = true;
          c.res.end();
        }
        feed.clients.clear();
        feed.dispose();
      }
      feeds.clear();
      const s = subscription;
      subscription = undefined;
      void s?.then((unsubscribe) => unsubscribe()).catch(() => {});
    },

    stats() {
      let clients = 0;
      for (const feed of feeds.values()) clients += feed.clients.size;
      return { feeds: feeds.size, clients };
    },
  };
}
