import type { BookingOffice } from '../../../shared/booking.js';
import { bookingWindow, type FreeTime, toSlotDto } from '../../../shared/booking.slots.js';
import { addCalendarDays } from '../../../shared/calendar.js';
import { distanceKm } from '../../../shared/geo.js';
import type { Db } from '../../db/client.js';
import { bookableOffices } from '../network/network.service.js';
import { bookableService, planOf, takenMap, timesFromTaken } from './booking.plan.js';
import { bookingSettingsOf } from './booking.settings.js';
import { takenBetween } from './seats.repository.js';

/**
 * The offices that offer a service for booking, each with its first free time — for the portal's second step
 * and the call center's "free times nearby". One read of the schedules and one of the seats, whatever the
 * number of offices.
 */
export async function bookingOffices(
  deps: { db: Db; now: Date },
  q: { service: string; lat?: number; lon?: number; offices?: string; limit?: number },
): Promise<{ service: string; offices: BookingOffice[] }> {
  const { db, now } = deps;
  const service = await bookableService(db, q.service);
  const settings = await bookingSettingsOf(db);
  const codes = q.offices
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const { offices, calendar } = await bookableOffices(db, {
    ...(codes?.length ? { codes } : {}),
    offering: service.code,
    now,
    days: settings.horizonDays + 1,
  });
  const open = offices.filter((o) => o.status === 'open' && o.windows.length > 0);
  const span = open.map((o) => bookingWindow(now.getTime(), o.timeZone, settings.horizonDays));
  const taken = await takenBetween(db, {
    officeCodes: open.map((o) => o.code),
    service: service.code,
    from: now.getTime(),
    to: now.getTime() + (settings.horizonDays + 2) * 86_400_000,
  });
  const near = q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : null;
  const listed: BookingOffice[] = [];
  for (const [i, office] of open.entries()) {
    const plan = await planOf(db, { office, calendar, service });
    const officeTaken = takenMap(
      taken.filter((t) => t.officeCode === office.code),
      service.code,
    );
    // day by day until the first free time: most offices have one within days
    let first: FreeTime | undefined;
    for (let date = span[i].first; !first && date <= span[i].last; date = addCalendarDays(date, 1)) {
      first = timesFromTaken(plan, officeTaken, { from: date, to: date, now })
        .get(date)
        ?.find((t) => t.free > 0);
    }
    listed.push({
      code: office.code,
      name: office.name,
      address: office.address,
      district: office.districtCode,
      timeZone: office.timeZone,
      distanceKm:
        near && office.lat !== null && office.lon !== null
          ? Math.round(distanceKm(near, { lat: office.lat, lon: office.lon }) * 10) / 10
          : null,
      firstFree: first ? { date: first.date, ...toSlotDto(first, office.timeZone) } : null,
    });
  }
  const rank = (o: BookingOffice) => o.distanceKm ?? Number.POSITIVE_INFINITY;
  const firstFreeAt = (o: BookingOffice) =>
    o.firstFree ? Date.parse(o.firstFree.start) : Number.POSITIVE_INFINITY;
  listed.sort(
    (a, b) => rank(a) - rank(b) || firstFreeAt(a) - firstFreeAt(b) || a.name.localeCompare(b.name, 'ru'),
  );
  return { service: service.code, offices: listed.slice(0, q.limit ?? 50) };
}
