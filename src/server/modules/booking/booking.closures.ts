import { fitsDay } from '../../../shared/booking.slots.js';
import { toMinutes } from '../../../shared/office-hours.js';
import { instantToLocal } from '../../../shared/zoned-time.js';
import type { Db } from '../../db/client.js';
import { forgetKind } from '../../db/kept.js';
import { bookableOffices, officeOffers } from '../network/network.service.js';
import type { ScheduleChange } from '../network/schedule-events.js';
import { instantOf } from './booking.mappers.js';
import { bookableService, type OfficePlan, planKind, planOf, seatsChanged } from './booking.plan.js';
import type { BookingRow } from './booking.schema.js';
import { type BookingDeps, cancelActive } from './booking.service.js';
import { bookingSettingsOf } from './booking.settings.js';
import * as repo from './bookings.repository.js';

/**
 * Closing an office or a day — an exception, a calendar change, other hours, fewer windows, a service no
 * longer offered — cancels the future bookings it removes, in the change's transaction: each is freed,
 * its person told (booking.cancelled), and the office head lists them (cancel reason `office_closed`).
 */
export async function cancelRemovedBookings(
  tx: Db,
  deps: Omit<BookingDeps, 'db'> & { db: Db },
  change: ScheduleChange,
): Promise<number> {
  const { now } = deps;
  // this instance's plans are stale now (other instances' within seconds; their writes plan afresh)
  forgetKind(deps.db, planKind);
  seatsChanged(deps.db);
  const active = await repo.activeFromForUpdate(tx, change.offices, now.toISOString(), change.dates);
  if (active.length === 0) return 0;
  const settings = await bookingSettingsOf(tx, deps.db);
  const codes = [...new Set(active.map((b) => b.officeCode))];
  const { offices, calendar } = await bookableOffices(tx, {
    codes,
    now,
    days: settings.horizonDays + 2,
  });
  const plans = new Map<string, OfficePlan | null>();
  const planFor = async (b: BookingRow) => {
    const key = `${b.officeCode}|${b.serviceCode}`;
    if (!plans.has(key)) {
      const office = offices.find((o) => o.code === b.officeCode);
      const service = office
        ? await bookableService(tx, b.serviceCode, deps.db).catch(() => undefined)
        : undefined;
      const offered = office && service ? await officeOffers(tx, office, service.code) : false;
      plans.set(
        key,
        office && service && offered ? await planOf(tx, { office, calendar, service }, deps.db) : null,
      );
    }
    return plans.get(key) ?? null;
  };
  let cancelled = 0;
  for (const b of active) {
    const plan = await planFor(b);
    if (plan && stillFits(plan, b)) continue;
    await cancelActive(tx, deps, b, { reason: 'office_closed' });
    cancelled++;
  }
  return cancelled;
}

/** Whether a booking still has its place: the office open that day with the hours around it, a window for it. */
function stillFits(plan: OfficePlan, b: BookingRow): boolean {
  if (plan.office.status !== 'open' || plan.rules.serviceLanes < 1) return false;
  const local = instantToLocal(instantOf(b.startsAt), plan.office.timeZone);
  const day = plan.dayOf(local.date);
  if (!day.open) return false;
  return fitsDay(day, toMinutes(local.time), plan.rules);
}
