import type { DistrictInput } from '../../../shared/network.admin.js';
import { type Db, rows, sql } from '../../db/client.js';

export type DistrictRow = {
  code: string;
  name: string;
  kind: 'city' | 'rural';
  population: number;
  office_count: number;
};

const select = sql`select d.code, d.name, d.kind, d.population,
    (select count(*)::int from offices o where o.district_code = d.code) as office_count
  from districts d`;

export const listDistrictRows = (db: Db) => rows<DistrictRow>(db, sql`${select} order by d.name`);

export async function findDistrictRow(db: Db, code: string, lock = false): Promise<DistrictRow | undefined> {
  const found = await rows<DistrictRow>(
    db,
    sql`${select} where d.code = ${code} ${lock ? sql`for update` : sql``}`,
  );
  return found[0];
}

export async function insertDistrict(tx: Db, d: DistrictInput): Promise<boolean> {
  const inserted = await rows<{ code: string }>(
    tx,
    sql`insert into districts (code, name, kind, population) values (${d.code}, ${d.name}, ${d.kind}, ${d.population})
      on conflict (code) do nothing returning code`,
  );
  return inserted.length === 1;
}

export async function updateDistrict(tx: Db, d: DistrictInput): Promise<void> {
  await tx.execute(sql`update districts set name = ${d.name}, kind = ${d.kind}, population = ${d.population},
    updated_at = now() where code = ${d.code}`);
}
