import { type SQL, sql } from 'drizzle-orm';

/**
 * Keyset pagination for the large lists to come (tickets, cases, events): a page is "the next N rows
 * after this one" in a stable order, so page 1,000 costs what page 1 costs (an index seek, no OFFSET
 * scan) and rows added meanwhile neither repeat nor vanish. The cursor is opaque to clients: the sort
 * key and the id of the last row, base64url-encoded JSON.
 */
export type Cursor = { key: string | number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or undefined when it is not one okno made (then: refuse with 400). */
export function decodeCursor(text: string): Cursor | undefined {
  if (text.length > 500 || !/^[\w-]+$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [key, id] = value;
    if ((typeof key !== 'string' && typeof key !== 'number') || typeof id !== 'string') return undefined;
    if (typeof key === 'number' && !Number.isFinite(key)) return undefined;
    return { key, id };
  } catch {
    return undefined;
  }
}

/**
 * The WHERE condition of the page after `cursor` for `order by <key> <direction>, <id> <direction>`:
 * a row comparison, which an index on (key, id) serves directly.
 */
export function afterCursor(key: SQL, id: SQL, cursor: Cursor | undefined, direction: 'asc' | 'desc'): SQL {
  if (!cursor) return sql`true`;
  return direction === 'asc'
    ? sql`(${key}, ${id}) > (${cursor.key}, ${cursor.id})`
    : sql`(${key}, ${id}) < (${cursor.key}, ${cursor.id})`;
}

/** One page of `limit` rows fetched as `limit + 1`: the extra row only says whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
