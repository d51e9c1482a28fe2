/**
 * Dates and times of a booking as the person reads them: always on the office's wall clock (the API's
 * instants carry the office's offset; the zone's rules give the same answer for any other spelling).
 *   const f = useBookingFormat(); f.day('2026-12-01') → «вторник, 1 декабря»; f.time(slot.start, zone) → «10:30»
 */
import { useMemo } from 'react';
import { instantToLocal } from '../../../shared/zoned-time.js';
import { useT } from '../../app/i18n/index.js';

/** The office's local date and 'HH:MM' of an ISO instant. */
export const localOf = (iso: string, timeZone: string) => instantToLocal(Date.parse(iso), timeZone);

export function useBookingFormat() {
  const { date, weekdayOf, locale } = useT();
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const zoneNames = new Map<string, Intl.DateTimeFormat>();
    return {
      /** «вторник, 1 декабря» for a local date YYYY-MM-DD. */
      day: (iso: string) => `${weekdayOf(iso)}, ${date(iso)}`,
      /** «Декабрь 2026 г.» for any date of the month. */
      month: (iso: string) => {
        const text = monthFormat.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
        return text.charAt(0).toUpperCase() + text.slice(1);
      },
      /** 'HH:MM' on the office's clock. */
      time: (instant: string, timeZone: string) => localOf(instant, timeZone).time,
      /** «вторник, 1 декабря, 10:30» on the office's clock. */
      dateTime: (instant: string, timeZone: string) => {
        const local = localOf(instant, timeZone);
        return `${weekdayOf(local.date)}, ${date(local.date)}, ${local.time}`;
      },
      /** «1 декабря, 10:30» on the office's clock: for a sentence («перенесена на …»). */
      dateTimeShort: (instant: string, timeZone: string) => {
        const local = localOf(instant, timeZone);
        return `${date(local.date)}, ${local.time}`;
      },
      /** The zone's name in the person's language: «Москва, стандартное время». */
      zone: (instant: string, timeZone: string) => {
        let format = zoneNames.get(timeZone);
        if (!format) {
          format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' });
          zoneNames.set(timeZone, format);
        }
        return (
          format.formatToParts(new Date(Date.parse(instant))).find((p) => p.type === 'timeZoneName')?.value ??
          timeZone
        );
      },
    };
  }, [date, weekdayOf, locale]);
}
