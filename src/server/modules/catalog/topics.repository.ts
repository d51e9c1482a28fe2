import type { Db } from '../../db/client.js';
import { categories, situations } from './catalog.schema.js';

/** Categories and life situations: written only by loading a region's files; `sort` keeps the files' order. */
export async function saveTopic(
  tx: Db,
  kind: 'category' | 'situation',
  topic: { code: string; title: string; titleEn?: string },
  sort: number,
): Promise<void> {
  const table = kind === 'category' ? categories : situations;
  const values = { title: topic.title, titleEn: topic.titleEn ?? null, sort };
  await tx
    .insert(table)
    .values({ code: topic.code, ...values })
    .onConflictDoUpdate({ target: table.code, set: values });
}

/** The codes of the categories or situations, in the files' order. */
export async function topicCodes(db: Db, kind: 'category' | 'situation'): Promise<string[]> {
  const table = kind === 'category' ? categories : situations;
  const found = await db.select({ code: table.code }).from(table).orderBy(table.sort, table.code);
  return found.map((r) => r.code);
}
