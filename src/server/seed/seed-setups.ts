import type { Db } from '../db/client.js';
import { loadBookingSetup, seedBookingSetup } from './seed-booking.js';
import { loadCasesSetup, seedCasesSetup } from './seed-cases.js';
import { loadQueueSetup, seedQueueSetup } from './seed-queue.js';

/** The optional setups of a region folder after its data: the queue's (`queue.json`), booking's (`booking.json`), cases' (`cases.json`). */
export async function seedRegionSetups(db: Db, dir: string): Promise<void> {
  const queue = loadQueueSetup(dir);
  if (queue) await seedQueueSetup(db, queue);
  const booking = loadBookingSetup(dir);
  if (booking) await seedBookingSetup(db, booking);
  const cases = loadCasesSetup(dir);
  if (cases) await seedCasesSetup(db, cases);
}
