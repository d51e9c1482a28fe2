import { and, asc, eq, sql } from 'drizzle-orm';
import type { DistrictInput } from '../../../shared/network.admin.js';
import type { Db } from '../../db/client.js';
import { qualified } from '../../db/columns.js';
import { type DistrictRow, districts, offices } from './network.schema.js';

/** Districts with the number of their offices (only the open ones, for the public). */
export type DistrictWithCount = Omit<DistrictRow, 'updatedAt'> & { officeCount: number };

const officeCount = (openOnly: boolean) =>
  sql<number>`(select count(*)::int from ${offices} where ${qualified(offices.districtCode)} = ${qualified(districts.code)}
    ${openOnly ? sql`and ${qualified(offices.status)} = 'open'` : sql``})`;

const selection = (openOnly: boolean) => ({
  code: districts.code,
  name: districts.name,
  kind: districts.kind,
  population: districts.population,
  officeCount: officeCount(openOnly),
});

export const listDistricts = (db: Db, options: { openOfficesOnly: boolean }): Promise<DistrictWithCount[]> =>
  db.select(selection(options.openOfficesOnly)).from(districts).orderBy(asc(districts.name));

export async function findDistrict(
  db: Db,
  code: string,
  lock = false,
): Promise<DistrictWithCount | undefined> {
  const query = db.select(selection(false)).from(districts).where(eq(districts.code, code));
  const [found] = lock ? await query.for('update') : await query;
  return found;
}

const values = (d: DistrictInput) => ({ code: d.code, name: d.name, kind: d.kind, population: d.population });

/** A new district; false when its code is taken. */
export async function insertDistrict(tx: Db, d: DistrictInput): Promise<boolean> {
  const inserted = await tx
    .insert(districts)
    .values(values(d))
    .onConflictDoNothing()
    .returning({ code: districts.code });
  return inserted.length === 1;
}

export async function updateDistrict(tx: Db, d: DistrictInput): Promise<void> {
  const { code, ...card } = values(d);
  await tx
    .update(districts)
    .set({ ...card, updatedAt: sql`now()` })
    .where(and(eq(districts.code, code)));
}

/** Inserts or refreshes a district (loading a region's files). */
export async function saveDistrict(tx: Db, d: DistrictInput): Promise<void> {
  const { code, ...card } = values(d);
  await tx
    .insert(districts)
    .values({ code, ...card })
    .onConflictDoUpdate({ target: districts.code, set: { ...card, updatedAt: sql`now()` } });
}
