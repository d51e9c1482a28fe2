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

/** The zone's offset from UTC at an instant, in minutes (Moscow: 180). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const p = partsIn(timeZone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const steadyOffsets = new Map<string, number | null>();
/** The zone's offset through a whole local day, or null when it changes that day (or the day before/after). */
function steadyOffset(timeZone: string, date: string, midnightUtc: number): number | null {
  const key = `${timeZone}|${date}`;
  const known = steadyOffsets.get(key);
  if (known !== undefined) return known;
  const day = 86_400_000;
  const probes = [-day, 0, day / 2, day, 2 * day].map((t) => offsetMinutes(timeZone, midnightUtc + t));
  const value = probes.every((o) => o === probes[0]) ? probes[0] : null;
  if (steadyOffsets.size > 20_000) steadyOffsets.clear();
  steadyOffsets.set(key, value);
  return value;
}

/**
 * The instant of a local date 'YYYY-MM-DD' and time 'HH:MM' in a zone. A time skipped by a spring-forward
 * gap is moved forward by the gap (02:30 → 03:30); a time repeated in the autumn is its first occurrence.
 */
export function localToInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // most days keep one offset from end to end: then the instant is the wall clock less it
  const steady = steadyOffset(timeZone, date, Date.UTC(y, mo - 1, d));
  if (steady !== null) return wall - steady * 60_000;
  const first = wall - offsetMinutes(timeZone, wall) * 60_000;
  const second = wall - offsetMinutes(timeZone, first) * 60_000;
  if (first === second) return first;
  // Two candidates: the one whose wall clock reads `time` is the answer; in a gap neither does — take the later.
  const reads = (t: number) => {
    const p = partsIn(timeZone, t);
    return p.hour === h && p.minute === mi;
  };
  if (reads(Math.min(first, second))) return Math.min(first, second);
  if (reads(Math.max(first, second))) return Math.max(first, second);
  return Math.max(first, second);
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
  const p = partsIn(timeZone, instant);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}
