import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { OutboxQuery } from '../../../shared/notifications.admin.js';
import type { Channel, MessageStatus } from '../../../shared/notifications.js';
import { type Db, rows } from '../../db/client.js';
import { outboxAttempts, outboxMessages } from './notifications.schema.js';

/** The admin's reads and writes of the outbox: lists with filters, attempts, retries, delivery figures. */

const m = outboxMessages;

/** Created within [from, to]: whole days in `timeZone` (the region's), whatever the session's zone. */
function createdWithin(timeZone: string, from?: string, to?: string): SQL[] {
  const where: SQL[] = [];
  if (from) where.push(gte(m.createdAt, sql`(${from}::date)::timestamp at time zone ${timeZone}`));
  if (to) where.push(lt(m.createdAt, sql`(${to}::date + 1)::timestamp at time zone ${timeZone}`));
  return where;
}

export async function findMessages(db: Db, q: OutboxQuery, timeZone: string) {
  const where = and(
    q.status ? eq(m.status, q.status) : undefined,
    q.channel ? eq(m.channel, q.channel) : undefined,
    q.event ? eq(m.event, q.event) : undefined,
    ...createdWithin(timeZone, q.from, q.to),
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(m)
      .where(where)
      .orderBy(desc(m.createdAt), desc(m.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(m).where(where),
  ]);
  return { items, total };
}

/** The newest messages to any of these keyed hashes (one person's phone and e-mail), of one channel if given. */
export function messagesToHashes(db: Db, hashes: readonly string[], limit: number, channel?: Channel) {
  return db
    .select()
    .from(m)
    .where(and(inArray(m.recipientHash, [...hashes]), channel ? eq(m.channel, channel) : undefined))
    .orderBy(desc(m.createdAt))
    .limit(limit);
}

export async function findMessage(db: Db, id: string) {
  const [message] = await db.select().from(m).where(eq(m.id, id));
  if (!message) return undefined;
  const attempts = await db
    .select()
    .from(outboxAttempts)
    .where(eq(outboxAttempts.messageId, id))
    .orderBy(outboxAttempts.attempt);
  return { message, attempts };
}

/** Failed messages back to the queue, due now, each with a fresh set of `attempts` tries. */
export async function requeueFailed(db: Db, ids: readonly string[], attempts: number): Promise<string[]> {
  const done = await db
    .update(m)
    .set({
      status: 'queued',
      nextAttemptAt: sql`now()`,
      attemptLimit: sql`${m.attempts} + ${attempts}`,
      lastError: null,
      failedAt: null,
    })
    .where(and(inArray(m.id, [...ids]), eq(m.status, 'failed')))
    .returning({ id: m.id });
  return done.map((d) => d.id);
}

export type ChannelTotals = {
  channel: Channel;
  status: MessageStatus;
  n: number;
  lagP50: number | null;
  lagP99: number | null;
  attempts: number | null;
};

/** Per channel and status: how many, the lag from written to handed over (seconds), attempts made. */
export async function channelTotals(
  db: Db,
  timeZone: string,
  from?: string,
  to?: string,
): Promise<ChannelTotals[]> {
  const where = and(...createdWithin(timeZone, from, to));
  return rows<ChannelTotals>(
    db,
    sql`select ${m.channel} as channel, ${m.status} as status, count(*)::int as n,
          percentile_cont(0.5) within group (order by extract(epoch from ${m.sentAt} - ${m.createdAt})) as "lagP50",
          percentile_cont(0.99) within group (order by extract(epoch from ${m.sentAt} - ${m.createdAt})) as "lagP99",
          avg(${m.attempts})::float8 as attempts
        from ${m} ${where ? sql`where ${where}` : sql``}
        group by ${m.channel}, ${m.status}`,
  );
}

/**
 * A gateway's delivery report: sent → delivered, or failed with its reason — only a message that gateway
 * (`provider`, the adapter's name) took under that id. The number of messages it changed.
 */
export async function markDelivery(
  db: Db,
  provider: string,
  report: { providerId: string; status: 'delivered' | 'failed'; reason?: string },
): Promise<number> {
  const now = sql`now()`;
  const changed = await db
    .update(m)
    .set(
      report.status === 'delivered'
        ? { status: 'delivered', deliveredAt: now }
        : {
            status: 'failed',
            failedAt: now,
            lastError: `gateway: ${report.reason ?? 'not delivered'}`.slice(0, 300),
          },
    )
    .where(and(eq(m.provider, provider), eq(m.providerId, report.providerId), inArray(m.status, ['sent'])))
    .returning({ id: m.id });
  return changed.length;
}
