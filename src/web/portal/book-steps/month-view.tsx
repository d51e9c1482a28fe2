/**
 * A month of an office's free days for a service (GET /api/offices/{office}/availability): a grid of weeks
 * from Monday, a day with no free time (or outside the booking horizon) shown but not choosable. One day
 * is in the tab order (the chosen one, else the first free); the arrows move by a day and a week, Home and
 * End to the week's ends, Page Up / Page Down by a month (the WAI-ARIA date grid). The booking page and
 * the rescheduling of /book/manage both use it.
 */
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { bookingQueries } from '../booking-queries.js';
import { useBookingFormat } from './format.js';
import { addMonths, keyTarget, monthOf, weeksOf } from './month-grid.js';

export function MonthView(props: {
  office: string;
  service: string;
  selected: string | null;
  onSelect: (date: string) => void;
  /** The month's title: h3 under a step's h2 (the default), h4 deeper. */
  titleLevel?: 3 | 4;
}) {
  const { t, tn, locale } = useT();
  const format = useBookingFormat();
  const availability = useQuery(bookingQueries.availability(props.office, props.service));
  const days = availability.data?.days ?? [];
  const free = useMemo(() => new Map(days.map((d) => [d.date, d.free])), [days]);
  const firstFree = days.find((d) => d.free > 0)?.date ?? null;
  const months = useMemo(() => [...new Set(days.map((d) => monthOf(d.date)))], [days]);

  const [month, setMonth] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const shownMonth = month ?? monthOf(props.selected ?? firstFree ?? days[0]?.date ?? '');
  const moveFocus = useRef(false);
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const headingId = useId();

  const weekdays = useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday
    return Array.from({ length: 7 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 0, 1 + i));
      return { short: short.format(day), long: long.format(day) };
    });
  }, [locale]);

  // the day in the tab order: the one moved to, the chosen one, the month's first free, its first
  const inMonth = (date: string | null) => date !== null && monthOf(date) === shownMonth;
  const monthFirstFree = days.find((d) => d.free > 0 && monthOf(d.date) === shownMonth)?.date ?? null;
  const active = inMonth(focused)
    ? focused!
    : inMonth(props.selected)
      ? props.selected!
      : (monthFirstFree ?? `${shownMonth}-01`);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    cells.current.get(active)?.focus();
  }, [active]);

  if (!availability.data) return <QueryStatus query={availability} space="space-results" />;
  const Heading = props.titleLevel === 4 ? 'h4' : 'h3';
  if (!firstFree) return <p className="notice">{t('book.day.none')}</p>;

  const canShow = (m: string) => months.includes(m);
  const goTo = (date: string, focus: boolean) => {
    if (!canShow(monthOf(date))) return;
    setMonth(monthOf(date));
    setFocused(date);
    moveFocus.current = focus;
  };
  const onKeyDown = (event: KeyboardEvent, date: string) => {
    const target = keyTarget(event.key, date);
    if (!target) return;
    event.preventDefault();
    goTo(target, true);
  };

  const label = (date: string) => {
    const n = free.get(date);
    const what =
      n === undefined ? t('book.day.outside') : n > 0 ? tn('book.day.free', n) : t('book.day.full');
    return `${format.day(date)}: ${what}`;
  };

  return (
    <div className="month-view" data-testid="month-view">
      <div className="month-nav">
        <button
          type="button"
          className="button"
          disabled={!canShow(addMonths(shownMonth, -1))}
          onClick={() => setMonth(addMonths(shownMonth, -1))}
        >
          <span aria-hidden="true">←</span>
          <span className="visually-hidden">{t('book.day.prevMonth')}</span>
        </button>
        <Heading id={headingId} className="month-title" aria-live="polite">
          {format.month(`${shownMonth}-01`)}
        </Heading>
        <button
          type="button"
          className="button"
          disabled={!canShow(addMonths(shownMonth, 1))}
          onClick={() => setMonth(addMonths(shownMonth, 1))}
        >
          <span className="visually-hidden">{t('book.day.nextMonth')}</span>
          <span aria-hidden="true">→</span>
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA date grid — the arrows move between days, and the role puts a screen reader in focus mode */}
      <table role="grid" className="month-grid" aria-labelledby={headingId}>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w.long} scope="col" abbr={w.long}>
                {w.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(shownMonth).map((week) => (
            <tr key={week.find((d) => d !== null)}>
              {week.map((date, i) => {
                if (!date)
                  // biome-ignore lint/suspicious/noArrayIndexKey: an empty cell before the 1st or after the last day
                  return <td key={`empty-${i}`} />;
                const n = free.get(date) ?? 0;
                const chosen = date === props.selected;
                return (
                  <td key={date}>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) cells.current.set(date, el);
                        else cells.current.delete(date);
                      }}
                      className={n > 0 ? 'day day-free' : 'day'}
                      tabIndex={date === active ? 0 : -1}
                      aria-disabled={n > 0 ? undefined : true}
                      aria-pressed={chosen}
                      aria-label={label(date)}
                      data-date={date}
                      onFocus={() => setFocused(date)}
                      onKeyDown={(e) => onKeyDown(e, date)}
                      onClick={() => {
                        if (n > 0) props.onSelect(date);
                      }}
                    >
                      {Number(date.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('book.day.hint')}</p>
    </div>
  );
}
