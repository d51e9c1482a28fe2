import { asc, eq } from 'drizzle-orm';
import type { VisitPurpose } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { kept } from '../../db/kept.js';
import {
  type PriorityCategoryRow,
  priorityCategories,
  type QueueSettingsRow,
  queueSettings,
} from './queue.schema.js';

/** The region's queue settings (one row) and its priority categories. */

/** Settings and priorities change only by the seed (or an admin's SQL): kept per instance for 10 s. */
const settingsTtlMs = 10_000;

export const queueSettingsOf = (db: Db, cacheKey: object = db): Promise<QueueSettingsRow> =>
  kept(cacheKey, 'settings', '', settingsTtlMs, async () => {
    const [row] = await db.select().from(queueSettings);
    if (!row) throw new Error('queue_settings has no row: migration 0008 inserts it');
    return row;
  });

export const activePriorities = (db: Db, cacheKey: object = db): Promise<PriorityCategoryRow[]> =>
  kept(cacheKey, 'priorities', '', settingsTtlMs, () =>
    db
      .select()
      .from(priorityCategories)
      .where(eq(priorityCategories.active, true))
      .orderBy(asc(priorityCategories.position), asc(priorityCategories.code)),
  );

export async function savePriorityCategory(
  tx: Db,
  row: typeof priorityCategories.$inferInsert,
): Promise<void> {
  await tx
    .insert(priorityCategories)
    .values(row)
    .onConflictDoUpdate({
      target: priorityCategories.code,
      set: {
        title: row.title,
        titleEn: row.titleEn ?? null,
        federal: row.federal ?? false,
        rank: row.rank ?? 1,
        position: row.position ?? 0,
        active: row.active ?? true,
      },
    });
}

export async function saveQueueSettings(
  tx: Db,
  change: Partial<Omit<QueueSettingsRow, 'id'>>,
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await tx.update(queueSettings).set(change).where(eq(queueSettings.id, true));
}

/** The ticket's letter: its service's category, else its purpose, else the default («А»). */
export function ticketLetter(
  letters: Record<string, string>,
  ticket: { categoryCode: string | null; purpose: VisitPurpose | null },
): string {
  return (
    (ticket.categoryCode ? letters[`category:${ticket.categoryCode}`] : undefined) ??
    (ticket.purpose ? letters[`purpose:${ticket.purpose}`] : undefined) ??
    letters.default ??
    'А'
  );
}

/** «А-017»: the letter and three digits. */
export const ticketNumber = (letter: string, seq: number) => `${letter}-${String(seq).padStart(3, '0')}`;
