import { z } from 'zod';
import { type DemoKiosk, demoKioskSchema } from '../../shared/region-data.js';
import type { Db } from '../db/client.js';
import { listOffices } from '../modules/network/offices.repository.js';
import { seedDemoKiosk } from '../modules/queue/kiosks.service.js';
import { loadOptionalRegionFile } from './optional-file.js';
import { RegionDataError } from './region-problem.js';

const kiosksFileSchema = z.array(demoKioskSchema);

export type { DemoKiosk };

/** The demo kiosks of `kiosks.json` in a region folder, or undefined when the folder has none. */
export function loadDemoKiosks(dir: string): DemoKiosk[] | undefined {
  return loadOptionalRegionFile(dir, 'kiosks.json', kiosksFileSchema);
}

/**
 * Enrolls the demo kiosks that do not exist yet (by office and label: one an admin revoked stays revoked),
 * each with its known device token. The offices must exist: seed the region first.
 */
export async function seedDemoKiosks(
  db: Db,
  kiosks: DemoKiosk[],
  now = new Date(),
): Promise<{ created: number; existing: number }> {
  const offices = new Set((await listOffices(db, {})).map((r) => r.code));
  for (const k of kiosks)
    if (!offices.has(k.office))
      throw new RegionDataError(`kiosks.json: ${k.label}: unknown office ${k.office}`);
  let created = 0;
  for (const k of kiosks) if (await seedDemoKiosk(db, k, now)) created++;
  return { created, existing: kiosks.length - created };
}
