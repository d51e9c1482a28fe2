import type { AgencyInput } from '../../../shared/catalog.admin.js';
import { type Db, rows, sql } from '../../db/client.js';

export type AgencyRow = {
  code: string;
  name: string;
  short_name: string;
  level: 'federal' | 'regional' | 'municipal';
  service_count: number;
};

// Every service whose current card (draft or published) names the agency.
const select = sql`select a.code, a.name, a.short_name, a.level,
    (select count(*)::int from services s join service_versions v on v.service_code = s.code
      and v.version = coalesce(s.draft_version, s.published_version) where v.agency_code = a.code) as service_count
  from agencies a`;

export const listAgencyRows = (db: Db) =>
  rows<AgencyRow>(
    db,
    sql`${select} order by case a.level when 'federal' then 0 when 'regional' then 1 else 2 end, a.name`,
  );

export async function findAgencyRow(db: Db, code: string, lock = false): Promise<AgencyRow | undefined> {
  const found = await rows<AgencyRow>(
    db,
    sql`${select} where a.code = ${code} ${lock ? sql`for update of a` : sql``}`,
  );
  return found[0];
}

export async function insertAgency(tx: Db, a: AgencyInput): Promise<boolean> {
  const inserted = await rows<{ code: string }>(
    tx,
    sql`insert into agencies (code, name, short_name, level) values (${a.code}, ${a.name}, ${a.shortName}, ${a.level})
      on conflict (code) do nothing returning code`,
  );
  return inserted.length === 1;
}

export async function updateAgency(tx: Db, a: AgencyInput): Promise<void> {
  await tx.execute(sql`update agencies set name = ${a.name}, short_name = ${a.shortName}, level = ${a.level},
    updated_at = now() where code = ${a.code}`);
}
