import { type BookingRegionFile, bookingRegionFileSchema } from '../../shared/booking.js';
import type { Db } from '../db/client.js';
import { saveBookingSetup } from '../modules/booking/booking.settings.js';
import { loadOptionalRegionFile } from './optional-file.js';

/**
 * A region's booking setup (`booking.json`): the settings, service minutes at the window, and offices' own
 * shares and minutes. Optional: without it migration 0009's defaults hold.
 */
export function loadBookingSetup(dir: string): BookingRegionFile | undefined {
  return loadOptionalRegionFile(dir, 'booking.json', bookingRegionFileSchema);
}

/** Writes the setup in one transaction; seeding again replaces it. */
export async function seedBookingSetup(db: Db, setup: BookingRegionFile): Promise<void> {
  await db.transaction((tx) => saveBookingSetup(tx, setup));
}
