import type { DayKind } from '../../../shared/network.js';
import { type Db, rows, sql } from '../../db/client.js';
import { lockForTransaction } from '../../db/locks.js';

export type OverrideRow = { date: string; kind: DayKind; note: string | null };

export const overridesBetween = (db: Db, from: string, to: string) =>
  rows<OverrideRow>(
    db,
    sql`select date::text as date, kind, note from calendar_days where date between ${from} and ${to} order by date`,
  );

export async function findOverride(db: Db, date: string): Promise<OverrideRow | undefined> {
  const found = await rows<OverrideRow>(
    db,
    sql`select date::text as date, kind, note from calendar_days where date = ${date}`,
  );
  return found[0];
}

export async function upsertOverride(tx: Db, day: OverrideRow): Promise<void> {
  await tx.execute(sql`insert into calendar_days (date, kind, note) values (${day.date}, ${day.kind}, ${day.note})
    on conflict (date) do update set kind = excluded.kind, note = excluded.note`);
}

export async function deleteOverride(tx: Db, date: string): Promise<void> {
  await tx.execute(sql`delete from calendar_days where date = ${date}`);
}

export async function deleteOverridesBetween(tx: Db, from: string, to: string): Promise<void> {
  await tx.execute(sql`delete from calendar_days where date between ${from} and ${to}`);
}

/** Calendar writers take turns: an import and a single-day edit of the same year never interleave. */
export const lockCalendar = (tx: Db) => lockForTransaction(tx, 'calendar');
