import { invalidField } from '../errors.js';
import { type Db, rows, sql, textArray } from './client.js';

/** The codes of the list that the table does not hold (for naming an unknown reference). */
export async function unknownCodes(
  db: Db,
  table: 'services' | 'categories' | 'districts' | 'agencies' | 'situations' | 'offices',
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await rows<{ code: string }>(
    db,
    sql`select code from ${sql.identifier(table)} where code = any(${textArray(codes)})`,
  );
  const set = new Set(known.map((r) => r.code));
  return codes.filter((c) => !set.has(c));
}

type Table = Parameters<typeof unknownCodes>[1];

/** Refuses an unknown referenced code with a 400 naming the body field (`agency`). */
export async function requireKnownCode(
  db: Db,
  table: Table,
  field: string,
  code: string | null,
): Promise<void> {
  if (code === null) return;
  if ((await unknownCodes(db, table, [code])).length) throw invalidField(field, `unknown code "${code}"`);
}

/** Refuses a list holding an unknown code with a 400 naming the item (`situations.2`). */
export async function requireKnownCodes(
  db: Db,
  table: Table,
  field: string,
  codes: readonly string[],
): Promise<void> {
  const [first] = await unknownCodes(db, table, codes);
  if (first !== undefined) throw invalidField(`${field}.${codes.indexOf(first)}`, `unknown code "${first}"`);
}
