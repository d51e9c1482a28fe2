import { z } from 'zod';
import type { Db } from '../db/client.js';
import { savePriorityCategory, saveQueueSettings } from '../modules/queue/queue.settings.js';
import { loadOptionalRegionFile } from './optional-file.js';

/**
 * A region's queue setup (`queue.json`): its settings, the ticket letters per category and purpose, and
 * the priority categories (the federal list and the region's own). Optional: without it the defaults of
 * migration 0008 hold and no priority is offered.
 */
const minutes = z.number().int().min(0).max(600);
const letter = z.string().regex(/^[А-ЯЁ]{1,2}$/, 'a ticket letter is one or two capital Cyrillic letters');
export const queueSetupSchema = z
  .object({
    settings: z
      .object({
        closingMarginMinutes: minutes,
        starvationMinutes: minutes.min(1),
        noShowAfterCalls: z.number().int().min(1).max(10),
        postponeMinutes: minutes.min(1),
        alertWaitMinutes: minutes.min(1),
        targetWaitMinutes: minutes.min(1),
        dayEndGraceMinutes: minutes,
        turnNearAhead: z.number().int().min(1).max(50),
        defaultServiceMinutes: minutes.min(1),
      })
      .partial()
      .strict()
      .default({}),
    letters: z
      .record(z.string().regex(/^(default|category:[a-z0-9-]+|purpose:(submit|collect|consult))$/), letter)
      .default({}),
    priorities: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z0-9-]{1,64}$/),
            title: z.string().min(1).max(200),
            titleEn: z.string().min(1).max(200).optional(),
            federal: z.boolean(),
            rank: z.number().int().min(1).max(100),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type QueueSetup = z.infer<typeof queueSetupSchema>;

export function loadQueueSetup(dir: string): QueueSetup | undefined {
  return loadOptionalRegionFile(dir, 'queue.json', queueSetupSchema);
}

/** Writes the setup in one transaction; seeding again updates it. */
export async function seedQueueSetup(db: Db, setup: QueueSetup): Promise<void> {
  await db.transaction(async (tx) => {
    await saveQueueSettings(tx, { ...setup.settings, letters: setup.letters });
    for (const [position, p] of setup.priorities.entries()) {
      await savePriorityCategory(tx, { ...p, titleEn: p.titleEn ?? null, position, active: true });
    }
  });
}
