/** How an office's resolved day reads: "08:00–20:00, перерыв 13:00–14:00" or "Выходной", plus the reason. */
import type { ResolvedDay } from '../../shared/network.js';
import { type Translator, useT } from '../app/i18n/index.js';

export function hoursText(day: ResolvedDay, t: Translator['t']): string {
  if (!day.open || !day.opens || !day.closes) return t('office.closed');
  const hours = `${day.opens}–${day.closes}`;
  return day.breakStart && day.breakEnd
    ? `${hours}, ${t('office.break', { from: day.breakStart, to: day.breakEnd })}`
    : hours;
}

/** U+2060 WORD JOINER: no line break next to the dash of a time range («13:00–14:00» stays whole). */
const joiner = '\u2060';

/**
 * The hours of a day for a table cell: the opening hours kept on one line; the break may wrap after
 * «перерыв» (never inside its times), so the table fits a 375 px phone without scrolling sideways.
 */
export function HoursCell({ day }: { day: ResolvedDay }) {
  const { t } = useT();
  if (!day.open || !day.opens || !day.closes) return <>{t('office.closed')}</>;
  return (
    <>
      <span className="nowrap">
        {day.opens}–{day.closes}
      </span>
      {day.breakStart && day.breakEnd && (
        <>
          {', '}
          <span className="hours-break">
            {t('office.break', { from: `${day.breakStart}${joiner}`, to: `${joiner}${day.breakEnd}` })}
          </span>
        </>
      )}
    </>
  );
}

export function reasonText(day: ResolvedDay, t: Translator['t']): string {
  const reason = t(`office.reason.${day.reason}`);
  if (reason && day.note) return `${reason}: ${day.note}`;
  return reason || day.note || '';
}

export function OpenBadge({ openNow }: { openNow: boolean }) {
  const { t } = useT();
  return (
    <span className={`badge ${openNow ? 'badge-ok' : 'badge-neutral'}`}>
      {t(openNow ? 'office.openNow' : 'office.closedNow')}
    </span>
  );
}
