import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client.js';

/**
 * Live updates across instances: NOTIFY carries small payloads (ids and kinds), one LISTEN connection
 * per instance receives them and fans them out in process to any number of subscribers. On PostgreSQL the
 * connection is its own (never a pool's); when it is lost the hub reconnects, LISTENs again and tells
 * every subscriber to resync (events sent meanwhile are gone). On PGlite the same interface runs in
 * process. Publish inside the transaction of the change: PostgreSQL delivers NOTIFY at commit, never for
 * a rollback.
 */
export type Subscriber = {
  onEvent: (payload: string) => void;
  /** The hub lost events (its connection dropped): reload what is shown. */
  onResync?: () => void;
};

export type LiveHub = {
  subscribe(channel: string, subscriber: Subscriber): Promise<() => void>;
  /** NOTIFY within `tx`; refuses a payload over the limit. */
  publish(tx: Db, channel: string, payload: string): Promise<void>;
  /** Database connections the hub holds (one at most) and subscribers, for tests and /health. */
  stats(): { connections: number; subscribers: number; channels: number };
  close(): Promise<void>;
};

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; okno keeps well under it. */
export const maxPayloadBytes = 4000;
const channelPattern = /^[a-z][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!channelPattern.test(channel)) throw new Error(`bad live channel name "${channel}"`);
}

export async function publishLive(tx: Db, channel: string, payload: string): Promise<void> {
  checkChannel(channel);
  if (Buffer.byteLength(payload) > maxPayloadBytes) {
    throw new Error(`live payload on ${channel} is ${Buffer.byteLength(payload)} bytes: send ids, not data`);
  }
  await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** The fan-out shared by both databases: channels to subscribers, and what to do on a first or last one. */
function fanOut(listen: (channel: string) => Promise<void>, unlisten: (channel: string) => Promise<void>) {
  const channels = new Map<string, Set<Subscriber>>();
  return {
    channels,
    async subscribe(channel: string, subscriber: Subscriber) {
      checkChannel(channel);
      let set = channels.get(channel);
      if (!set) {
        set = new Set();
        channels.set(channel, set);
        try {
          await listen(channel);
        } catch (err) {
          // Else a later subscriber would find the channel and never LISTEN.
          if (channels.get(channel) === set && set.size === 0) channels.delete(channel);
          throw err;
        }
      }
      set.add(subscriber);
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && channels.get(channel) === set) {
          channels.delete(channel);
          void unlisten(channel).catch(() => {});
        }
      };
    },
    deliver(channel: string, payload: string) {
      for (const s of channels.get(channel) ?? []) {
        try {
          s.onEvent(payload);
        } catch {
          // One subscriber's failure must not keep the event from the others.
        }
      }
    },
    resyncAll() {
      for (const set of channels.values()) for (const s of set) s.onResync?.();
    },
    stats(connections: number) {
      let subscribers = 0;
      for (const set of channels.values()) subscribers += set.size;
      return { connections, subscribers, channels: channels.size };
    },
  };
}

export function createPostgresHub(url: string, options: { maxBackoffMs?: number } = {}): LiveHub {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let backoff = 50;
  const maxBackoff = options.maxBackoffMs ?? 5000;

  const hub = fanOut(
    async (channel) => {
      const c = await connection();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    },
    async (channel) => {
      if (client) await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`);
    },
  );

  const connection = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (msg) => hub.deliver(msg.channel, msg.payload ?? ''));
      c.on('error', () => lost(c));
      c.on('end', () => lost(c));
      await c.connect();
      for (const channel of hub.channels.keys()) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = c;
      backoff = 50;
      return c;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    void c.end().catch(() => {});
    if (closed) return;
    const reconnect = async () => {
      if (closed) return;
      try {
        await connection();
        hub.resyncAll();
      } catch {
        backoff = Math.min(backoff * 2, maxBackoff);
        setTimeout(reconnect, backoff).unref();
      }
    };
    setTimeout(reconnect, backoff).unref();
  };

  return {
    subscribe: (channel, subscriber) => hub.subscribe(channel, subscriber),
    publish: publishLive,
    stats: () => hub.stats(client ? 1 : 0),
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}

export function createPgliteHub(pglite: PGlite): LiveHub {
  const unlistens = new Map<string, () => Promise<void>>();
  const hub = fanOut(
    async (channel) => {
      unlistens.set(channel, await pglite.listen(channel, (payload) => hub.deliver(channel, payload)));
    },
    async (channel) => {
      await unlistens.get(channel)?.();
      unlistens.delete(channel);
    },
  );
  return {
    subscribe: (channel, subscriber) => hub.subscribe(channel, subscriber),
    publish: publishLive,
    // PGlite runs in process: its LISTEN shares the one connection there is.
    stats: () => hub.stats(0),
    async close() {
      for (const unlisten of unlistens.values()) await unlisten().catch(() => {});
      unlistens.clear();
    },
  };
}
