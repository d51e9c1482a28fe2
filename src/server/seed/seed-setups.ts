import type { Db } from '../db/client.js';
import { loadBookingSetup, seedBookingSetup } from './seed-booking.js';
import { loadQueueSetup, seedQueueSetup } from './seed-queue.js';

/** The optional setups of a region folder after its data: the queue's (`queue.json`), booking's (`booking.json`). */
export async function seedRegionSetups(db: Db, dir: string): Promise<void> {
  const queue = loadQueueSetup(dir);
  if (queue) await seedQueueSetup(db, queue);
  const booking = loadBookingSetup(dir);
  if (booking) await seedBookingSetup(db, booking);
}
