/**
 * One month of the production calendar as a grid of weeks (Monday first). Each day is a button coloured
 * by its kind (working, day off, short), marked when an entry overrides the weekday rule; clicking it
 * selects the day for editing.
 */
import type { AdminCalendarDay } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';

export function MonthGrid({
  year,
  month,
  days,
  selected,
  onSelect,
}: {
  year: number;
  month: number;
  days: AdminCalendarDay[];
  selected: string | null;
  onSelect: (date: string) => void;
}) {
  const { t, locale } = useT();
  const title = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const blanks = days.length ? days[0].weekday - 1 : 0;
  const cells: (AdminCalendarDay | null)[] = [...Array<null>(blanks).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const kindName = (d: AdminCalendarDay) =>
    t(d.kind === 'working' ? 'admin.dayWorking' : d.kind === 'dayoff' ? 'admin.dayOff' : 'admin.dayShort');
  return (
    <section className="month" aria-labelledby={`month-${month}`}>
      <h3 id={`month-${month}`} className="month-title">
        {title}
      </h3>
      <table className="month-grid">
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((wd) => (
              <th
                key={wd}
                scope="col"
                abbr={new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
                  Date.UTC(2024, 0, wd),
                )}
              >
                {weekdayShort.format(Date.UTC(2024, 0, wd))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: weeks of a month are fixed
            <tr key={i}>
              {week.map((day, j) =>
                day ? (
                  <td key={day.date}>
                    <button
                      type="button"
                      className={`day day-${day.kind}${day.override ? ' day-override' : ''}`}
                      data-date={day.date}
                      aria-pressed={selected === day.date}
                      aria-label={`${full.format(Date.UTC(year, month - 1, Number(day.date.slice(8))))}: ${kindName(day)}${day.override ? `, ${t('admin.dayOverride')}` : ''}${day.note ? `, ${day.note}` : ''}`}
                      title={day.note ?? undefined}
                      onClick={() => onSelect(day.date)}
                    >
                      {Number(day.date.slice(8))}
                    </button>
                  </td>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: empty cells have no identity
                  <td key={`empty-${j}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
