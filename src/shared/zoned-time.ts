/**
 * Local dates and times of an IANA time zone and the instants they name, I/O-free. Intl applies the zone's
 * rules at each instant, daylight saving included, so a booking grid stays on the office's wall clock.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, instant: number): Record<string, number> {
  let fmt = partsFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, fmt);
  }
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(instant)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset at an instant as Intl reads it, in minutes: a few microseconds. */
function offsetByIntl(timeZone: string, instant: number): number {
  const p = partsIn(timeZone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const dayMs = 86_400_000;
/**
 * Per zone, the offset of each UTC day that keeps one offset from its first second to its last (null: the
 * day has a transition, read each instant). A month of free times asks thousands of times; Intl would take
 * milliseconds. A zone never changes twice within one UTC day, so equal ends mean one offset all day.
 */
const steadyDays = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at an instant, in minutes (Moscow: 180). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const day = Math.floor(instant / dayMs);
  const days = steadyDays.get(timeZone);
  let steady = days?.get(day);
  if (steady === undefined) {
    // Intl first: an unknown zone throws its RangeError before anything is kept for it
    const first = offsetByIntl(timeZone, day * dayMs);
    steady = first === offsetByIntl(timeZone, day * dayMs + dayMs - 1) ? first : null;
    const kept = days ?? new Map<number, number | null>();
    if (kept.size >= 10_000) kept.clear();
    kept.set(day, steady);
    steadyDays.set(timeZone, kept);
  }
  return steady ?? offsetByIntl(timeZone, instant);
}

/**
 * The instant of a local date 'YYYY-MM-DD' and time 'HH:MM' in a zone. A time skipped by a spring-forward
 * gap is moved forward by the gap (02:30 → 03:30); a time repeated in the autumn is its first occurrence.
 */
export function localToInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offsets a day either side: equal (nearly always) → no transition near, one answer.
  const before = offsetMinutes(timeZone, wall - 86_400_000);
  const after = offsetMinutes(timeZone, wall + 86_400_000);
  if (before === after) return wall - before * 60_000;
  // A transition near: each offset gives a candidate, valid when the zone has that offset at it (its wall
  // clock reads `time`). Both valid: the autumn repeat — the earlier is the first occurrence. Neither: the
  // spring gap — the offset before it moves the time forward by the gap.
  const valid = [before, after]
    .map((offset) => ({ offset, instant: wall - offset * 60_000 }))
    .filter((c) => offsetMinutes(timeZone, c.instant) === c.offset)
    .map((c) => c.instant);
  return valid.length > 0 ? Math.min(...valid) : wall - before * 60_000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant written with the zone's offset: `2026-12-01T10:30:00+03:00`. */
export function isoInZone(instant: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, instant);
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** The local date and time 'HH:MM' of an instant in a zone. */
export function instantToLocal(instant: number, timeZone: string): { date: string; time: string } {
  const local = new Date(instant + offsetMinutes(timeZone, instant) * 60_000);
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}
