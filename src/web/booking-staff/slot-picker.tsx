/**
 * A free time at an office for a service: the days with a seat left (the availability of the whole
 * horizon), then the free times of the day chosen, each a button. Times are the office's own. Used by
 * the call center (for a caller, and to move a caller's booking) and the operator (the next visit).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Slot } from '../../shared/booking.js';
import './booking-staff.css';
import { QueryStatus } from '../app/components.js';
import { bookingQueries } from './api.js';
import { useBookingWords } from './words.js';

/** How many days with free times are offered at once: a caller picks among the nearest. */
const daysShown = 14;

export function SlotPicker({
  prefix,
  office,
  service,
  timeZone,
  picked,
  onPick,
  initialDate,
}: {
  prefix: 'callcenter' | 'queue';
  office: string;
  service: string;
  timeZone: string;
  picked: string | null;
  onPick: (slot: Slot) => void;
  initialDate?: string;
}) {
  const w = useBookingWords(timeZone);
  const { t } = w;
  const queries = bookingQueries(prefix);
  const availability = useQuery(queries.availability(office, service));
  const freeDays = (availability.data?.days ?? []).filter((d) => d.free > 0).slice(0, daysShown);
  const [chosen, setChosen] = useState<string | null>(initialDate ?? null);
  const date = chosen ?? freeDays[0]?.date ?? null;
  const daysId = useId();
  const timesId = useId();
  return (
    <div className="bs-picker" data-testid="slot-picker">
      <QueryStatus query={availability} />
      {availability.data && freeDays.length === 0 && <p>{t('bstaff.noFreeDays')}</p>}
      {freeDays.length > 0 && (
        <>
          <h4 id={daysId}>{t('bstaff.day')}</h4>
          <ul className="staff-choices" aria-labelledby={daysId} data-testid="free-days">
            {freeDays.map((d) => (
              <li key={d.date}>
                <button
                  type="button"
                  className={d.date === date ? 'staff-choice staff-choice-current' : 'staff-choice'}
                  aria-pressed={d.date === date}
                  onClick={() => setChosen(d.date)}
                >
                  {w.day(d.date)}
                  <span className="block small">{w.tn('bstaff.freeTimes', d.free)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {date && (
        <DayTimes
          prefix={prefix}
          office={office}
          service={service}
          date={date}
          timeZone={timeZone}
          picked={picked}
          onPick={onPick}
          labelId={timesId}
        />
      )}
    </div>
  );
}

function DayTimes(props: {
  prefix: 'callcenter' | 'queue';
  office: string;
  service: string;
  date: string;
  timeZone: string;
  picked: string | null;
  onPick: (slot: Slot) => void;
  labelId: string;
}) {
  const w = useBookingWords(props.timeZone);
  const { t } = w;
  const slots = useQuery(bookingQueries(props.prefix).slots(props.office, props.service, props.date));
  const free = (slots.data?.slots ?? []).filter((s) => s.free > 0);
  return (
    <>
      <h4 id={props.labelId}>{t('bstaff.timesOf', { day: w.day(props.date) })}</h4>
      <QueryStatus query={slots} />
      {slots.data && free.length === 0 && <p>{t('bstaff.noFreeTimes')}</p>}
      <ul className="staff-choices bs-times" aria-labelledby={props.labelId} data-testid="free-times">
        {free.map((s) => (
          <li key={s.start}>
            <button
              type="button"
              className={s.start === props.picked ? 'staff-choice staff-choice-current' : 'staff-choice'}
              aria-pressed={s.start === props.picked}
              onClick={() => props.onPick(s)}
            >
              {w.time(s.start)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
