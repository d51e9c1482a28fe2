import { eq } from 'drizzle-orm';
import type { BookingRegionFile } from '../../../shared/booking.js';
import type { Db } from '../../db/client.js';
import { kept } from '../../db/kept.js';
import { officeExists } from '../network/network.service.js';
import {
  type BookingSettingsRow,
  bookingOfficeSettings,
  bookingServiceMinutes,
  bookingSettings,
} from './booking.schema.js';

/** The region's booking settings, offices' shares and service minutes: changed by the seed, kept 10 s per instance. */
const ttlMs = 10_000;

export const bookingSettingsOf = (db: Db, cacheKey: object = db): Promise<BookingSettingsRow> =>
  kept(cacheKey, 'booking-settings', '', ttlMs, async () => {
    const [row] = await db.select().from(bookingSettings);
    if (!row) throw new Error('booking_settings has no row: migration 0009 inserts it');
    return row;
  });

type Minutes = { shares: Map<string, number>; minutes: Map<string, number> };
const minutesOf = (db: Db, cacheKey: object): Promise<Minutes> =>
  kept(cacheKey, 'booking-minutes', '', ttlMs, async () => {
    const shares = await db.select().from(bookingOfficeSettings);
    const minutes = await db.select().from(bookingServiceMinutes);
    return {
      shares: new Map(
        shares.filter((s) => s.bookingShare !== null).map((s) => [s.officeCode, s.bookingShare as number]),
      ),
      minutes: new Map(minutes.map((m) => [`${m.officeCode}|${m.serviceCode}`, m.minutes])),
    };
  });

/** What booking a service at an office takes: its minutes (the office's, else the region's, else the default) and the share. */
export async function bookingTermsOf(db: Db, officeCode: string, serviceCode: string, cacheKey: object = db) {
  const settings = await bookingSettingsOf(db, cacheKey);
  const { shares, minutes } = await minutesOf(db, cacheKey);
  return {
    settings,
    share: shares.get(officeCode) ?? settings.bookingShare,
    serviceMinutes:
      minutes.get(`${officeCode}|${serviceCode}`) ??
      minutes.get(`*|${serviceCode}`) ??
      settings.defaultServiceMinutes,
  };
}

/** The region's booking.json written: settings, minutes and shares replaced by the file's. */
export async function saveBookingSetup(tx: Db, setup: BookingRegionFile): Promise<void> {
  await tx.update(bookingSettings).set(setup.settings).where(eq(bookingSettings.id, true));
  await tx.delete(bookingServiceMinutes);
  const rows = [
    ...Object.entries(setup.serviceMinutes).map(([serviceCode, minutes]) => ({
      officeCode: '*',
      serviceCode,
      minutes,
    })),
    ...Object.entries(setup.offices).flatMap(([officeCode, o]) =>
      Object.entries(o.serviceMinutes).map(([serviceCode, minutes]) => ({
        officeCode,
        serviceCode,
        minutes,
      })),
    ),
  ];
  if (rows.length > 0) await tx.insert(bookingServiceMinutes).values(rows);
  await tx.delete(bookingOfficeSettings);
  const shares = [];
  for (const [officeCode, o] of Object.entries(setup.offices)) {
    // an office the region does not have is left out (the file may name offices of a larger region)
    if (o.bookingShare !== undefined && (await officeExists(tx, officeCode)))
      shares.push({ officeCode, bookingShare: o.bookingShare });
  }
  if (shares.length > 0) await tx.insert(bookingOfficeSettings).values(shares);
}
