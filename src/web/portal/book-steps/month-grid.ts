/**
 * The month grid's arithmetic on local dates 'YYYY-MM-DD' (calendar dates, no zone: UTC is only the
 * carrier), I/O-free: weeks from Monday, and where a key moves the focus from a day.
 *   weeksOf('2026-12') → [[null, '2026-12-01', …, '2026-12-06'], …]; keyTarget('PageDown', '2027-01-31') → '2027-02-28'
 */

const dayMs = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => fromMs(toMs(date) + days * dayMs);
/** Monday 0 … Sunday 6. */
export const weekdayIndex = (date: string) => (new Date(toMs(date)).getUTCDay() + 6) % 7;
export const monthOf = (date: string) => date.slice(0, 7);
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
/** The same day of the month in another month, or its last day (31 January → 28 February). */
export function sameDayIn(month: string, date: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(Math.min(Number(date.slice(8)), last)).padStart(2, '0')}`;
}
/** Where a key moves from a day: a day and a week, the week's ends, a month (the WAI-ARIA date grid). */
export function keyTarget(key: string, date: string): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -weekdayIndex(date));
    case 'End':
      return addDays(date, 6 - weekdayIndex(date));
    case 'PageUp':
      return sameDayIn(addMonths(monthOf(date), -1), date);
    case 'PageDown':
      return sameDayIn(addMonths(monthOf(date), 1), date);
    default:
      return null;
  }
}
/** The weeks (Monday first) covering a month 'YYYY-MM'; null for a cell of another month. */
export function weeksOf(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let day = first; monthOf(day) === month; day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}
