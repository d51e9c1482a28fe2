/**
 * The outbox's figures (`npm run bench`, or alone: `npx tsx bench/outbox-bench.ts [pglite|postgres]`):
 * messages delivered per second to the local SMTP server and SMS gateway (`okno dev gateways`, in process);
 * the lag from commit to handover under a burst of 10,000 case-stage changes on PostgreSQL, 2,000 on PGlite
 * (each a transaction that changes a row and writes its SMS); and what writing a message costs a booking-like transaction.
 */
import { randomBytes } from 'node:crypto';
import { testConfig } from '../src/server/config.js';
import { type Database, openDatabase, sql } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import type { ChannelAdapter } from '../src/server/modules/notifications/channels/channel.js';
import { buildChannels, closeChannels } from '../src/server/modules/notifications/channels/channels.js';
import { startDevGateways } from '../src/server/modules/notifications/dev-gateways.js';
import {
  enqueueNotification,
  type Notification,
  type OutboxDeps,
} from '../src/server/modules/notifications/outbox.enqueue.js';
import { createOutboxWorker } from '../src/server/modules/notifications/outbox.worker.js';
import { personalDataCipher } from '../src/server/privacy/personal-data.js';
import { daytimeZone } from '../tests/support/notifications.js';

const cipher = personalDataCipher(randomBytes(32).toString('hex'));
const office = {
  name: 'МФЦ «Мои документы» Советский',
  address: 'Липецк, ул. Советская, 1',
  phone: '+7 4742 00-00-00',
};
const service = {
  title: 'Выдача паспорта гражданина РФ',
  shortTitle: 'Паспорт РФ',
  documents: ['Паспорт', 'Фото'],
};

/** A zone where it is midday now: the quiet hours never hold the bench's SMS, whenever it runs. */
const timeZone = daytimeZone;

const phone = (i: number) => `+7912${String(1_000_000 + (i % 8_000_000)).padStart(7, '0')}`;
const stage = (i: number, email: boolean): Notification => ({
  event: 'case.stage',
  recipient: {
    phone: phone(i),
    email: email ? `person${i}@example.ru` : null,
    name: 'Иван',
    smsConsent: true,
  },
  context: {
    timeZone,
    caseNumber: `48-2026-${String(i).padStart(7, '0')}`,
    stage: { title: 'В работе', citizenText: 'Документы переданы в Росреестр' },
  },
});
const booking = (i: number): Notification => ({
  event: 'booking.confirmed',
  recipient: { phone: phone(i), email: `person${i}@example.ru`, name: 'Иван', smsConsent: true },
  context: {
    timeZone,
    office,
    service,
    at: new Date(Date.now() + 86_400_000).toISOString(),
    bookingCode: `K${i}`,
  },
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function runConcurrently(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

export async function outboxBench(kind: 'pglite' | 'postgres', database: Database): Promise<string[]> {
  const lines: string[] = [];
  const workersCount = kind === 'postgres' ? 2 : 1;
  const concurrency = kind === 'postgres' ? 16 : 1;
  const deps = (): OutboxDeps => ({
    cipher,
    publicUrl: 'https://mfc.example.ru',
    maxAttempts: 8,
  });
  await database.exec(`
    create table if not exists bench_cases (id int primary key, stage text not null);
    create table if not exists bench_slots (id int primary key, taken int not null, capacity int not null);
    create table if not exists bench_bookings (id bigserial primary key, slot int not null, phone text not null);
    truncate bench_cases, bench_slots, bench_bookings, outbox_messages, outbox_attempts;
    insert into bench_cases select g, 'accepted' from generate_series(1, 10000) g;
    insert into bench_slots select g, 0, 1000000 from generate_series(1, 100) g;`);
  const gateways = await startDevGateways({ smtpPort: 0, smsPort: 0, print: false });
  const channels = buildChannels({
    ...testConfig().notifications,
    smtpUrl: `smtp://127.0.0.1:${gateways.smtpPort}`,
    smsGatewayUrl: `http://127.0.0.1:${gateways.smsPort}/sms`,
  });
  const policy = { batch: 100, pollMs: 200, retryBaseSeconds: 30, retryCapSeconds: 600, concurrency: 32 };
  try {
    // 1. Delivery rate per channel: a backlog written first, then drained by the workers.
    for (const channel of ['sms', 'email'] as const) {
      const n = kind === 'postgres' ? 4000 : 2000;
      await runConcurrently(n, concurrency, (i) =>
        database.db.transaction(async (tx) => {
          const r = stage(i, channel === 'email');
          await enqueueNotification(
            tx,
            deps(),
            channel === 'email' ? { ...r, recipient: { ...r.recipient, phone: null } } : r,
          );
        }),
      );
      const only = { [channel]: channels[channel] };
      const workers = Array.from({ length: workersCount }, (_, w) =>
        createOutboxWorker({ database, cipher, channels: only, policy, name: `bench-${w}` }),
      );
      const t0 = performance.now();
      const done = (await Promise.all(workers.map((w) => w.drain()))).reduce((a, b) => a + b, 0);
      const seconds = (performance.now() - t0) / 1000;
      lines.push(
        `${kind}: ${channel.padEnd(5)} delivered ${done} to the local ${channel === 'sms' ? 'SMS gateway' : 'SMTP server'} at ${Math.round(done / seconds)} msg/s (${workersCount} worker${workersCount > 1 ? 's' : ''})`,
      );
      await database.exec('truncate outbox_messages, outbox_attempts');
    }

    // 2. Lag under a burst: 10,000 stage changes as fast as they commit, workers running and woken by the hub.
    const committed = new Map<string, number>();
    const lags: number[] = [];
    const handedOver: ChannelAdapter = {
      channel: 'sms',
      name: 'timed',
      async send(m) {
        const sent = await channels.sms!.send(m);
        const at = committed.get(m.id);
        if (at !== undefined) lags.push(performance.now() - at);
        return sent;
      },
    };
    const workers = Array.from({ length: workersCount }, (_, w) =>
      createOutboxWorker({ database, cipher, channels: { sms: handedOver }, policy, name: `burst-${w}` }),
    );
    await Promise.all(workers.map((w) => w.start()));
    // The burst on PostgreSQL (the production path); a fifth of it on the one-connection PGlite.
    const burst = kind === 'postgres' ? 10_000 : 2_000;
    const t0 = performance.now();
    await runConcurrently(burst, concurrency, async (i) => {
      const { queued } = await database.db.transaction(async (tx) => {
        await tx.execute(sql`update bench_cases set stage = 'sent_to_agency' where id = ${i + 1}`);
        return enqueueNotification(tx, deps(), stage(i, false));
      });
      committed.set(queued[0].id, performance.now());
    });
    const writeSeconds = (performance.now() - t0) / 1000;
    while (lags.length < burst && performance.now() - t0 < 600_000)
      await new Promise((r) => setTimeout(r, 50));
    const allSeconds = (performance.now() - t0) / 1000;
    await Promise.all(workers.map((w) => w.stop()));
    const sorted = [...lags].sort((a, b) => a - b);
    lines.push(
      `${kind}: burst of ${burst} stage changes: committed in ${round(writeSeconds)} s (${Math.round(burst / writeSeconds)}/s), all handed over in ${round(allSeconds)} s; lag commit→handover p50 ${Math.round(percentile(sorted, 50))} ms, p99 ${Math.round(percentile(sorted, 99))} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
    );
    await database.exec('truncate outbox_messages, outbox_attempts');

    // 3. The cost of the outbox in a booking transaction: the same booking with and without its messages.
    const bookings = kind === 'postgres' ? 4000 : 1500;
    const bookingRate = async (withOutbox: boolean) => {
      const started = performance.now();
      await runConcurrently(bookings, kind === 'postgres' ? 8 : 1, (i) =>
        database.db.transaction(async (tx) => {
          await tx.execute(
            sql`update bench_slots set taken = taken + 1 where id = ${(i % 100) + 1} and taken < capacity`,
          );
          await tx.execute(
            sql`insert into bench_bookings (slot, phone) values (${(i % 100) + 1}, ${phone(i)})`,
          );
          if (withOutbox) await enqueueNotification(tx, deps(), booking(i));
        }),
      );
      return bookings / ((performance.now() - started) / 1000);
    };
    await bookingRate(false); // warm-up
    const without = await bookingRate(false);
    const withIt = await bookingRate(true);
    lines.push(
      `${kind}: booking transaction ${Math.round(without)}/s without the outbox, ${Math.round(withIt)}/s with its SMS and e-mail written (×${round(without / withIt)} the cost)`,
    );
  } finally {
    await closeChannels(channels);
    await gateways.close();
    await database.exec(
      'drop table if exists bench_cases, bench_slots, bench_bookings; truncate outbox_messages, outbox_attempts',
    );
  }
  return lines;
}

// Alone: npx tsx bench/outbox-bench.ts [pglite|postgres]
if (process.argv[1]?.endsWith('outbox-bench.ts')) {
  const which = process.argv[2] ?? 'pglite';
  let stop = () => {};
  let database: Database;
  if (which === 'postgres') {
    const { startPostgres } = await import('../tests/support/postgres-server.js');
    const server = await startPostgres();
    stop = server.stop;
    database = await openDatabase({ kind: 'postgres', url: server.url('postgres'), poolSize: 20 });
  } else database = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(database);
    for (const line of await outboxBench(which === 'postgres' ? 'postgres' : 'pglite', database))
      console.log(line);
  } finally {
    await database.close();
    stop();
  }
}
