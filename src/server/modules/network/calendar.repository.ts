import { asc, between, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { lockForTransaction } from '../../db/locks.js';
import { type CalendarDayRow, calendarDays } from './network.schema.js';

/** The production calendar: only the days that differ from the weekly rule. */
export type OverrideRow = CalendarDayRow;

/** Every override: a few hundred rows (about 30 a year). */
export const allOverrides = (db: Db): Promise<OverrideRow[]> =>
  db.select().from(calendarDays).orderBy(asc(calendarDays.date));

export const overridesBetween = (db: Db, from: string, to: string): Promise<OverrideRow[]> =>
  db
    .select()
    .from(calendarDays)
    .where(between(calendarDays.date, from, to))
    .orderBy(asc(calendarDays.date));

export async function findOverride(db: Db, date: string): Promise<OverrideRow | undefined> {
  const [found] = await db.select().from(calendarDays).where(eq(calendarDays.date, date));
  return found;
}

export async function upsertOverride(tx: Db, day: OverrideRow): Promise<void> {
  await tx
    .insert(calendarDays)
    .values(day)
    .onConflictDoUpdate({ target: calendarDays.date, set: { kind: day.kind, note: day.note } });
}

export async function deleteOverride(tx: Db, date: string): Promise<void> {
  await tx.delete(calendarDays).where(eq(calendarDays.date, date));
}

export async function deleteOverridesBetween(tx: Db, from: string, to: string): Promise<void> {
  await tx.delete(calendarDays).where(between(calendarDays.date, from, to));
}

/** Calendar writers take turns: an import and a single-day edit of the same year never interleave. */
export const lockCalendar = (tx: Db) => lockForTransaction(tx, 'calendar');
