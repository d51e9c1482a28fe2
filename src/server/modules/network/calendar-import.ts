import { z } from 'zod';
import { isValidIsoDate } from '../../../shared/calendar.js';
import type { DayKind } from '../../../shared/network.js';

/**
 * Parses a year of the production calendar from a small CSV ("date,kind,note" lines; a header line and
 * blank lines are skipped; the note is the rest of the line) or a JSON array of {date, kind, note}.
 * I/O-free. The first bad line stops the parse and is reported by its number (1-based; for JSON the
 * position of the item in the array).
 */

export type ImportedDay = { date: string; kind: DayKind; note: string | null };
export type ImportResult = { ok: true; days: ImportedDay[] } | { ok: false; line: number; message: string };

const kinds = new Set<string>(['working', 'dayoff', 'short']);
const jsonDay = z.object({
  date: z.string(),
  kind: z.string(),
  note: z.string().max(1000).nullish(),
});

function checkDay(
  seen: Set<string>,
  year: number,
  date: string,
  kind: string,
  note: string | null,
): ImportedDay | string {
  if (!isValidIsoDate(date)) return `"${date}" is not a date YYYY-MM-DD`;
  if (Number(date.slice(0, 4)) !== year) return `${date} is not in ${year}`;
  // A date listed twice is a mistake in the file, not a correction: refuse it at its second line.
  if (seen.has(date)) return `${date} is listed twice`;
  seen.add(date);
  if (!kinds.has(kind)) return `kind "${kind}" is not one of working, dayoff, short`;
  if (note !== null && note.length > 1000) return 'note is longer than 1000 characters';
  return { date, kind: kind as DayKind, note: note === '' ? null : note };
}

const unquote = (s: string) => {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
};

function parseCsv(year: number, content: string): ImportResult {
  const days: ImportedDay[] = [];
  const seen = new Set<string>();
  const lines = content.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || (i === 0 && /^date\s*[,;]/i.test(line))) continue;
    const separator = line.includes(',') ? ',' : ';';
    const [date = '', kind = '', ...rest] = line.split(separator);
    const note = rest.length ? unquote(rest.join(separator)) : null;
    const day = checkDay(seen, year, unquote(date), unquote(kind).toLowerCase(), note);
    if (typeof day === 'string') return { ok: false, line: i + 1, message: day };
    days.push(day);
  }
  return { ok: true, days };
}

function parseJson(year: number, content: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    return { ok: false, line: 0, message: `not JSON: ${(err as Error).message}` };
  }
  if (!Array.isArray(data)) return { ok: false, line: 0, message: 'expected an array of {date, kind, note}' };
  const days: ImportedDay[] = [];
  const seen = new Set<string>();
  for (const [i, item] of data.entries()) {
    const parsed = jsonDay.safeParse(item);
    if (!parsed.success) return { ok: false, line: i + 1, message: 'expected {date, kind, note}' };
    const day = checkDay(seen, year, parsed.data.date, parsed.data.kind, parsed.data.note ?? null);
    if (typeof day === 'string') return { ok: false, line: i + 1, message: day };
    days.push(day);
  }
  return { ok: true, days };
}

export function parseCalendarImport(year: number, format: 'csv' | 'json', content: string): ImportResult {
  return format === 'csv' ? parseCsv(year, content) : parseJson(year, content);
}
