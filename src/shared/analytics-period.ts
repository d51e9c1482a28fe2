/**
 * Splitting a period for the rollups (pure): whole calendar months are read from the monthly rows, the days
 * before the first and after the last whole month from the daily rows. Dates are `YYYY-MM-DD`, inclusive.
 */
export type PeriodParts = {
  /** First days of whole months, inclusive range (null when none). */
  months: { from: string; to: string } | null;
  /** Day ranges outside the whole months (zero, one or two). */
  days: { from: string; to: string }[];
};

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s: string) => new Date(`${s}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return dateOf(d);
}

/** The same day a year before (29 February → 28 February). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${pad(m)}-${pad(Math.min(d, last))}`;
}

export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const monthEnd = (date: string) => {
  const d = parse(monthStart(date));
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return dateOf(d);
};
const nextMonth = (first: string) => {
  const d = parse(first);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return dateOf(d);
};
const prevMonth = (first: string) => {
  const d = parse(first);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return dateOf(d);
};

export function splitPeriod(from: string, to: string): PeriodParts {
  if (from > to) return { months: null, days: [] };
  const firstWhole = from === monthStart(from) ? from : nextMonth(monthStart(from));
  const lastWhole = to === monthEnd(to) ? monthStart(to) : prevMonth(monthStart(to));
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  const afterLast = nextMonth(lastWhole);
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

/** Days from `from` to `to`, inclusive. */
export const daysBetween = (from: string, to: string) =>
  Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000) + 1;
