import { datesInRange, isoWeekday, isWeekend } from '../../../shared/calendar.js';
import type { AdminCalendarDay, CalendarImportBody } from '../../../shared/network.admin.js';
import type { DayKind } from '../../../shared/network.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import * as repo from './calendar.repository.js';
import { parseCalendarImport } from './calendar-import.js';
import { scheduleChanged } from './schedule-events.js';

type Deps = { db: Db };
type WriteDeps = Deps & { author: ChangeAuthor };

/** Without an entry, Monday to Friday are working days and the weekend is off. */
const defaultKind = (date: string): DayKind => (isWeekend(date) ? 'dayoff' : 'working');

const toDay = (date: string, override: repo.OverrideRow | undefined): AdminCalendarDay => ({
  date,
  weekday: isoWeekday(date),
  kind: override?.kind ?? defaultKind(date),
  note: override?.note ?? null,
  override: override !== undefined,
});
const entry = (o: repo.OverrideRow | undefined) => (o ? { kind: o.kind, note: o.note } : null);

export async function getCalendarYear({ db }: Deps, year: number) {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const overrides = new Map((await repo.overridesBetween(db, from, to)).map((o) => [o.date, o]));
  return { year, days: datesInRange(from, to).map((date) => toDay(date, overrides.get(date))) };
}

/**
 * Sets the kind of a day. The default kind of its weekday (a working Monday, a Sunday off) removes the
 * entry instead, note and all: the calendar keeps only what differs from the rule.
 */
export async function setCalendarDay(
  { db, author }: WriteDeps,
  date: string,
  input: { kind: DayKind; note: string | null },
): Promise<AdminCalendarDay> {
  return db.transaction(async (tx) => {
    await repo.lockCalendar(tx);
    const before = await repo.findOverride(tx, date);
    const isDefault = input.kind === defaultKind(date);
    if (isDefault) await repo.deleteOverride(tx, date);
    else await repo.upsertOverride(tx, { date, ...input });
    await scheduleChanged(db, tx, { offices: 'all', dates: [date] });
    const after = isDefault ? undefined : { date, ...input };
    await recordChange(tx, {
      author,
      entity: 'calendar',
      key: date,
      action: 'set',
      before: entry(before),
      after: entry(after),
    });
    return toDay(date, after);
  });
}

export async function removeCalendarDay({ db, author }: WriteDeps, date: string): Promise<AdminCalendarDay> {
  return db.transaction(async (tx) => {
    await repo.lockCalendar(tx);
    const before = await repo.findOverride(tx, date);
    if (!before) throw notFound(`calendar entry for ${date}`);
    await repo.deleteOverride(tx, date);
    await scheduleChanged(db, tx, { offices: 'all', dates: [date] });
    await recordChange(tx, {
      author,
      entity: 'calendar',
      key: date,
      action: 'delete',
      before: entry(before),
      after: null,
    });
    return toDay(date, undefined);
  });
}

/** Replaces a year's entries with those of a file, in one transaction; the first bad line refuses it all. */
export async function importCalendarYear({ db, author }: WriteDeps, input: CalendarImportBody) {
  const parsed = parseCalendarImport(input.year, input.format, input.content);
  if (!parsed.ok) {
    const where = parsed.line > 0 ? `line ${parsed.line}` : 'content';
    throw new AppError('VALIDATION', `invalid body.content, ${where}: ${parsed.message}`, [
      { field: 'body.content', line: parsed.line, message: parsed.message },
    ]);
  }
  // Entries equal to the weekday's default add nothing: they are not stored.
  const days = parsed.days.filter((d) => d.kind !== defaultKind(d.date));
  const [from, to] = [`${input.year}-01-01`, `${input.year}-12-31`];
  return db.transaction(async (tx) => {
    await repo.lockCalendar(tx);
    const before = await repo.overridesBetween(tx, from, to);
    await repo.deleteOverridesBetween(tx, from, to);
    for (const d of days) await repo.upsertOverride(tx, d);
    await scheduleChanged(db, tx, { offices: 'all' });
    await recordChange(tx, {
      author,
      entity: 'calendar',
      key: String(input.year),
      action: 'import',
      before,
      after: days,
    });
    return { year: input.year, overrides: days.length };
  });
}
