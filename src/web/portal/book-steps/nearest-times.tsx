/** After a 409 SLOT_TAKEN: the nearest free times the server named, each a button that takes it instead. */
import type { Slot } from '../../../shared/booking.js';
import { useT } from '../../app/i18n/index.js';
import { useBookingFormat } from './format.js';

export function NearestTimes(props: { slots: Slot[]; timeZone: string; onPick: (slot: Slot) => void }) {
  const { t } = useT();
  const format = useBookingFormat();
  return (
    <>
      <p>{t('book.nearest.title')}</p>
      <ul className="time-list" data-testid="nearest-times">
        {props.slots.map((slot) => (
          <li key={slot.start}>
            <button type="button" className="button time-wide" onClick={() => props.onPick(slot)}>
              {format.dateTime(slot.start, props.timeZone)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
