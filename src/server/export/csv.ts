/**
 * A table as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a comma, a
 * quote, a line break or edge spaces (quotes doubled inside), numbers with a dot, null as an empty field.
 * It starts with a UTF-8 byte-order mark: without it Excel reads the bytes in the system's code page and
 * Cyrillic comes out garbled.
 *
 * A text that starts with = + - @ (or a tab / CR) gets a leading apostrophe: a spreadsheet would otherwise
 * run it as a formula («CSV injection»), and some exported texts (a rating's comment) are a stranger's.
 */

export type CsvCell = string | number | null;

const bom = '\uFEFF';
const needsQuotes = /[",\r\n]|^\s|\s$/;
const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line, then a line per row; every line ends with CRLF. */
export function csvOf(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return `${bom}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** The Content-Type of a CSV answer. */
export const csvContentType = 'text/csv; charset=utf-8';
