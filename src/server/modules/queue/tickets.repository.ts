import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { TicketEventKind } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import { type TicketRow, ticketCounters, ticketEvents, tickets } from './queue.schema.js';

/** Tickets, their per-day counters and their append-only events. */

/** The next number of a letter today at an office: the counter row serializes concurrent issues. */
export async function nextTicketSeq(
  tx: Db,
  officeCode: string,
  day: string,
  letter: string,
): Promise<number> {
  const [row] = await tx
    .insert(ticketCounters)
    .values({ officeCode, day, letter, last: 1 })
    .onConflictDoUpdate({
      target: [ticketCounters.officeCode, ticketCounters.day, ticketCounters.letter],
      set: { last: sql`${ticketCounters.last} + 1` },
    })
    .returning({ last: ticketCounters.last });
  return row.last;
}

export type NewTicket = typeof tickets.$inferInsert;

export async function insertTicket(tx: Db, values: NewTicket): Promise<TicketRow> {
  const [row] = await tx.insert(tickets).values(values).returning();
  return row;
}

export async function findTicket(db: Db, id: string, lock = false): Promise<TicketRow | undefined> {
  const query = db.select().from(tickets).where(eq(tickets.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function findTicketByTrack(db: Db, track: string): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.track, track));
  return row;
}

export type TicketChange = Partial<Omit<TicketRow, 'id' | 'officeCode' | 'day' | 'letter' | 'seq' | 'track'>>;

export async function updateTicket(tx: Db, id: string, change: TicketChange): Promise<TicketRow> {
  const [row] = await tx.update(tickets).set(change).where(eq(tickets.id, id)).returning();
  return row;
}

/** Every ticket waiting at an office (postponed ones too), oldest first. */
export const waitingTickets = (db: Db, officeCode: string): Promise<TicketRow[]> =>
  db
    .select()
    .from(tickets)
    .where(and(eq(tickets.officeCode, officeCode), eq(tickets.status, 'waiting')))
    .orderBy(asc(tickets.queuedAt), asc(tickets.id));

/** The ticket called to or served at each window of an office. */
export const ticketsAtWindows = (db: Db, officeCode: string): Promise<TicketRow[]> =>
  db
    .select()
    .from(tickets)
    .where(and(eq(tickets.officeCode, officeCode), inArray(tickets.status, ['called', 'serving'])));

/** The ticket called to or served at one window. */
export async function ticketAtWindow(
  db: Db,
  officeCode: string,
  number: number,
): Promise<TicketRow | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.officeCode, officeCode),
        eq(tickets.windowNumber, number),
        inArray(tickets.status, ['called', 'serving']),
      ),
    );
  return row;
}

/** Waiting tickets per office, for the load of many offices in one query. */
export async function waitingCounts(db: Db, officeCodes?: readonly string[]): Promise<Map<string, number>> {
  if (officeCodes?.length === 0) return new Map();
  const found = await db
    .select({ office: tickets.officeCode, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.status, 'waiting'),
        officeCodes ? inArray(tickets.officeCode, [...officeCodes]) : undefined,
      ),
    )
    .groupBy(tickets.officeCode);
  return new Map(found.map((r) => [r.office, r.n]));
}

export type TicketEventInput = {
  ticketId: string;
  officeCode: string;
  kind: TicketEventKind;
  at: string;
  windowNumber?: number | null;
  operatorId?: string | null;
  boardSeq?: number | null;
  details?: Record<string, unknown> | null;
};

export async function appendTicketEvent(tx: Db, e: TicketEventInput): Promise<void> {
  await tx.insert(ticketEvents).values({
    ticketId: e.ticketId,
    officeCode: e.officeCode,
    kind: e.kind,
    at: e.at,
    windowNumber: e.windowNumber ?? null,
    operatorId: e.operatorId ?? null,
    boardSeq: e.boardSeq ?? null,
    details: e.details ?? null,
  });
}

/** A ticket's events, in order. */
export const eventsOf = (db: Db, ticketId: string) =>
  db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id));

/** The board's view of its calls: the event's number, kind, window and time with the ticket's letter and number. */
const boardCalls = (db: Db) =>
  db
    .select({
      seq: ticketEvents.boardSeq,
      kind: ticketEvents.kind,
      window: ticketEvents.windowNumber,
      at: ticketEvents.at,
      letter: tickets.letter,
      number: tickets.seq,
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId));

/** The board's calls after a sequence number, oldest first (a board catching up). */
export const boardCallsAfter = (db: Db, officeCode: string, afterSeq: number, limit: number) =>
  boardCalls(db)
    .where(and(eq(ticketEvents.officeCode, officeCode), gt(ticketEvents.boardSeq, afterSeq)))
    .orderBy(asc(ticketEvents.boardSeq))
    .limit(limit);

/** The latest calls of an office, newest first. */
export const latestBoardCalls = (db: Db, officeCode: string, limit: number) =>
  boardCalls(db)
    .where(and(eq(ticketEvents.officeCode, officeCode), sql`${ticketEvents.boardSeq} is not null`))
    .orderBy(desc(ticketEvents.boardSeq))
    .limit(limit);

/**
 * Mean minutes at the window per service over the last days, from finished tickets, per office and service
 * (`office|service`) and per service over the region (`*|service`), in one query.
 */
export async function measuredServiceTimes(db: Db, since: string): Promise<Map<string, number>> {
  const found = await db
    .select({
      office: sql<string>`coalesce(${tickets.officeCode}, '*')`,
      service: tickets.serviceCode,
      minutes: sql<number>`(extract(epoch from avg(${tickets.finishedAt} - ${tickets.startedAt})) / 60)::float8`,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.status, 'done'),
        sql`${tickets.finishedAt} >= ${since}::timestamptz`,
        sql`${tickets.startedAt} is not null`,
        sql`${tickets.serviceCode} is not null`,
      ),
    )
    .groupBy(sql`grouping sets ((${tickets.officeCode}, ${tickets.serviceCode}), (${tickets.serviceCode}))`);
  return new Map(found.map((r) => [`${r.office}|${r.service}`, r.minutes]));
}

/** Today's figures of an office: issued, called, called within the target, mean wait and service time. */
export async function dayFigures(db: Db, officeCode: string, day: string, targetMinutes: number) {
  const [row] = await db
    .select({
      issued: sql<number>`count(*)::int`,
      served: sql<number>`count(${tickets.calledAt})::int`,
      withinTarget: sql<number>`count(*) filter (where ${tickets.calledAt} - ${tickets.issuedAt} <= make_interval(mins => ${targetMinutes}))::int`,
      averageWait: sql<
        number | null
      >`(extract(epoch from avg(${tickets.calledAt} - ${tickets.issuedAt})) / 60)::float8`,
      averageService: sql<
        number | null
      >`(extract(epoch from avg(${tickets.finishedAt} - ${tickets.startedAt})) / 60)::float8`,
    })
    .from(tickets)
    .where(and(eq(tickets.officeCode, officeCode), eq(tickets.day, day)));
  return row;
}

/** A ticket whose office lies in the actor's scope (a WHERE clause, never a filter in memory); locked when asked. */
export async function findTicketInScope(
  db: Db,
  id: string,
  scope: ActorScope,
  lock = false,
): Promise<TicketRow | undefined> {
  const district = sql`(select o.district_code from offices o where o.code = ${tickets.officeCode})`;
  const query = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, id), officeInScope(scope, sql`${tickets.officeCode}`, district)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Every waiting ticket of these offices (the load of many offices in one query). */
export const waitingTicketsOf = (db: Db, officeCodes: readonly string[]): Promise<TicketRow[]> =>
  officeCodes.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(tickets)
        .where(and(inArray(tickets.officeCode, [...officeCodes]), eq(tickets.status, 'waiting')));

/** When each ticket was first called (its first 'called' event), for booking's report. */
export async function firstCallTimes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ ticketId: ticketEvents.ticketId, at: sql<string>`min(${ticketEvents.at})` })
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, [...ids]), eq(ticketEvents.kind, 'called')))
    .groupBy(ticketEvents.ticketId);
  return new Map(found.map((r) => [r.ticketId, r.at]));
}

/** Tickets issued per office on its own local day (`days`: office → YYYY-MM-DD), in one query. */
export async function issuedOnDays(db: Db, days: ReadonlyMap<string, string>): Promise<Map<string, number>> {
  if (days.size === 0) return new Map();
  const dates = [...new Set(days.values())];
  const found = await db
    .select({ office: tickets.officeCode, day: tickets.day, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(inArray(tickets.officeCode, [...days.keys()]), inArray(tickets.day, dates)))
    .groupBy(tickets.officeCode, tickets.day);
  return new Map(found.filter((r) => days.get(r.office) === r.day).map((r) => [r.office, r.n]));
}
