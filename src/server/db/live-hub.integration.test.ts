import { describeOnBackends } from '../../../tests/support/app.js';
import { createPostgresDatabase } from '../../../tests/support/databases.js';
import { type Database, openDatabase, rows, sql } from './client.js';

/** Resolves with what `wait` returns once it is truthy, or rejects after `ms`. */
async function within<T>(ms: number, wait: () => T | undefined): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = wait();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`nothing within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describeOnBackends('live-update hub', (ctx) => {
  it('delivers an event published in a transaction once it commits, and never for a rollback', async () => {
    const { database } = ctx();
    const got: string[] = [];
    const stop = await database.hub.subscribe('test_commit', { onEvent: (p) => got.push(p) });
    try {
      await database.db
        .transaction(async (tx) => {
          await database.hub.publish(tx, 'test_commit', '{"kind":"rolled-back"}');
          throw new Error('roll back');
        })
        .catch(() => {});
      await database.db.transaction((tx) =>
        database.hub.publish(tx, 'test_commit', '{"kind":"ticket","id":"1"}'),
      );
      await within(2000, () => got.length > 0);
      await new Promise((r) => setTimeout(r, 50));
      expect(got).toEqual(['{"kind":"ticket","id":"1"}']);
    } finally {
      stop();
    }
  });

  it('fans one event out to 1,000 subscribers over at most one connection', async () => {
    const { database } = ctx();
    let received = 0;
    const stops = await Promise.all(
      Array.from({ length: 1000 }, () => database.hub.subscribe('test_many', { onEvent: () => received++ })),
    );
    try {
      expect(database.hub.stats()).toMatchObject({ subscribers: 1000, channels: 1 });
      expect(database.hub.stats().connections).toBeLessThanOrEqual(1);
      await database.db.transaction((tx) => database.hub.publish(tx, 'test_many', 'x'));
      await within(2000, () => received === 1000);
    } finally {
      for (const stop of stops) stop();
    }
    expect(database.hub.stats()).toMatchObject({ subscribers: 0, channels: 0 });
  });

  it('refuses a payload that would not fit a NOTIFY, and a bad channel name', async () => {
    const { database } = ctx();
    await expect(
      database.db.transaction((tx) => database.hub.publish(tx, 'test_big', 'x'.repeat(5000))),
    ).rejects.toThrow(/send ids, not data/);
    await expect(database.hub.subscribe('Bad; drop', { onEvent: () => {} })).rejects.toThrow(
      /bad live channel/,
    );
  });
});

describe('live-update hub across instances on one PostgreSQL [postgres]', () => {
  let url: string;
  let drop: () => Promise<void>;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    ({ url, drop } = await createPostgresDatabase());
    a = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    b = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('brings an event published on one instance to a subscriber on the other within 100 ms', async () => {
    let arrived = 0;
    const stop = await b.hub.subscribe('test_cross', { onEvent: () => (arrived = performance.now()) });
    try {
      const sent = performance.now();
      await a.db.transaction((tx) => a.hub.publish(tx, 'test_cross', '{"kind":"call"}'));
      await within(1000, () => arrived > 0);
      expect(arrived - sent).toBeLessThan(100);
    } finally {
      stop();
    }
  });

  it('tells subscribers to resync after the listening connection is killed, and delivers later events', async () => {
    const got: string[] = [];
    let resyncs = 0;
    const stop = await b.hub.subscribe('test_resync', {
      onEvent: (p) => got.push(p),
      onResync: () => resyncs++,
    });
    try {
      const listeners = await rows<{ pid: number }>(
        a.db,
        sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
      );
      expect(listeners.length).toBeGreaterThan(0);
      for (const { pid } of listeners) await a.db.execute(sql`select pg_terminate_backend(${pid})`);
      await within(5000, () => resyncs > 0);
      await a.db.transaction((tx) => a.hub.publish(tx, 'test_resync', 'after'));
      await within(2000, () => got.includes('after'));
      expect(b.hub.stats().connections).toBe(1);
    } finally {
      stop();
    }
  });
});
