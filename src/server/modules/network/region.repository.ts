import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { region } from './network.schema.js';

/** The one row naming the region and its time zone. */
export async function saveRegion(tx: Db, r: { code: string; name: string; timeZone: string }): Promise<void> {
  const values = { code: r.code, name: r.name, timeZone: r.timeZone };
  await tx
    .insert(region)
    .values({ id: true, ...values })
    .onConflictDoUpdate({ target: region.id, set: values });
}

/** Whether the database already holds a region (the embedded default seeds only a fresh one). */
export async function hasRegion(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(region);
  return (row?.n ?? 0) > 0;
}
