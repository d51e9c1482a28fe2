/**
 * The free times of one day at an office (GET /api/offices/{office}/slots): a button per time with a seat
 * left, on the office's clock; taken times are not shown. Used by the booking page and by rescheduling.
 */
import { useQuery } from '@tanstack/react-query';
import type { Slot } from '../../../shared/booking.js';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { bookingQueries } from '../booking-queries.js';
import { useBookingFormat } from './format.js';

export function DayTimes(props: {
  office: string;
  service: string;
  date: string;
  /** The chosen time 'HH:MM' on the office's clock. */
  selected: string | null;
  onSelect: (slot: Slot, time: string) => void;
}) {
  const { t } = useT();
  const format = useBookingFormat();
  const slots = useQuery(bookingQueries.slots(props.office, props.service, props.date));
  if (!slots.data) return <QueryStatus query={slots} space="space-results" />;
  const { timeZone } = slots.data;
  const free = slots.data.slots.filter((s) => s.free > 0);
  if (free.length === 0) return <p className="notice">{t('book.time.none')}</p>;
  return (
    <>
      <ul className="time-list" data-testid="day-times">
        {free.map((slot) => {
          const time = format.time(slot.start, timeZone);
          return (
            <li key={slot.start}>
              <button
                type="button"
                className="button time"
                aria-pressed={time === props.selected}
                onClick={() => props.onSelect(slot, time)}
              >
                {time}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('book.time.zone', { zone: format.zone(free[0].start, timeZone) })}</p>
    </>
  );
}

/** The slot of a day's answer that starts at 'HH:MM' on the office's clock, if it is still free. */
export function useFreeSlot(office: string, service: string, date: string, time: string) {
  const format = useBookingFormat();
  const slots = useQuery(bookingQueries.slots(office, service, date));
  const slot = slots.data?.slots.find(
    (s) => s.free > 0 && format.time(s.start, slots.data.timeZone) === time,
  );
  return { query: slots, slot: slot ?? null, timeZone: slots.data?.timeZone ?? null };
}
