import type { ServiceCardInput } from '../../../shared/catalog.admin.js';
import { type Db, jsonb, rows, sql, textArray } from '../../db/client.js';

export type ServiceRow = {
  code: string;
  published_version: number | null;
  draft_version: number | null;
  updated_at: Date | string;
};

export type VersionRow = {
  version: number;
  status: 'draft' | 'published' | 'archived';
  title: string;
  short_title: string;
  description: string;
  agency_code: string | null;
  category_code: string | null;
  situation_codes: string[];
  applicant_kinds: ('person' | 'business')[];
  fee_amount: string | number | null;
  fee_note: string | null;
  term_days: number | null;
  term_kind: 'working' | 'calendar' | null;
  keep_result_days: number | null;
  documents: {
    name: string;
    required: boolean;
    form: 'original' | 'copy' | 'original_and_copy';
    note?: string | null;
  }[];
  results: string[];
  refusal_reasons: string[];
  stages: {
    code: string;
    title: string;
    citizenText: string;
    notify: boolean;
    durationDays?: number | null;
  }[];
  aliases: string[];
  created_at: Date | string;
  created_by: string | null;
  published_at: Date | string | null;
};

export type ServiceListRow = {
  code: string;
  title: string;
  agency_code: string | null;
  category_code: string | null;
  published_version: number | null;
  draft_version: number | null;
  updated_at: Date | string;
};

export async function listServiceRows(
  db: Db,
  filter: {
    q?: string;
    status?: 'published' | 'draft' | 'unpublished';
    agency?: string;
    offset: number;
    limit: number;
  },
): Promise<{ rows: ServiceListRow[]; total: number }> {
  const where = [sql`true`];
  if (filter.status === 'published') where.push(sql`s.published_version is not null`);
  if (filter.status === 'draft') where.push(sql`s.draft_version is not null`);
  if (filter.status === 'unpublished') where.push(sql`s.published_version is null`);
  if (filter.agency) where.push(sql`v.agency_code = ${filter.agency}`);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    where.push(sql`(s.code like ${like} or v.search_text like ${like})`);
  }
  const from = sql`services s join service_versions v
    on v.service_code = s.code and v.version = coalesce(s.draft_version, s.published_version)
    where ${sql.join(where, sql` and `)}`;
  const found = await rows<ServiceListRow>(
    db,
    sql`select s.code, v.title, v.agency_code, v.category_code, s.published_version, s.draft_version, s.updated_at
      from ${from} order by v.title, s.code limit ${filter.limit} offset ${filter.offset}`,
  );
  const count = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${from}`);
  return { rows: found, total: Number(count[0]?.n ?? 0) };
}

export async function findServiceRow(db: Db, code: string, lock = false): Promise<ServiceRow | undefined> {
  const found = await rows<ServiceRow>(
    db,
    sql`select code, published_version, draft_version, updated_at from services where code = ${code}
      ${lock ? sql`for update` : sql``}`,
  );
  return found[0];
}

export async function findVersionRow(db: Db, code: string, version: number): Promise<VersionRow | undefined> {
  const found = await rows<VersionRow>(
    db,
    sql`select version, status, title, short_title, description, agency_code, category_code, situation_codes,
      applicant_kinds, fee_amount, fee_note, term_days, term_kind, keep_result_days, documents, results,
      refusal_reasons, stages, aliases, created_at, created_by, published_at
    from service_versions where service_code = ${code} and version = ${version}`,
  );
  return found[0];
}

export const versionRows = (db: Db, code: string) =>
  rows<Pick<VersionRow, 'version' | 'status' | 'title' | 'created_at' | 'created_by' | 'published_at'>>(
    db,
    sql`select version, status, title, created_at, created_by, published_at from service_versions
      where service_code = ${code} order by version desc`,
  );

export async function nextVersion(tx: Db, code: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select coalesce(max(version), 0)::int + 1 as n from service_versions where service_code = ${code}`,
  );
  return Number(row.n);
}

export async function insertService(tx: Db, code: string): Promise<boolean> {
  const inserted = await rows<{ code: string }>(
    tx,
    sql`insert into services (code, draft_version) values (${code}, 1) on conflict (code) do nothing returning code`,
  );
  return inserted.length === 1;
}

export async function insertDraft(tx: Db, code: string, version: number, c: ServiceCardInput, by: string) {
  await tx.execute(sql`insert into service_versions (service_code, version, status, title, short_title, description,
      agency_code, category_code, situation_codes, applicant_kinds, fee_amount, fee_note, term_days, term_kind,
      keep_result_days, documents, results, refusal_reasons, stages, aliases, created_by)
    values (${code}, ${version}, 'draft', ${c.title}, ${c.shortTitle}, ${c.description}, ${c.agency}, ${c.category},
      ${textArray(c.situations)}, ${textArray(c.applicantKinds)}, ${c.fee?.amount ?? null}, ${c.fee?.note ?? null},
      ${c.term?.days ?? null}, ${c.term?.kind ?? null}, ${c.keepResultDays}, ${jsonb(c.documents)}, ${jsonb(c.results)},
      ${jsonb(c.refusalReasons)}, ${jsonb(c.stages)}, ${textArray(c.aliases)}, ${by})`);
}

export async function updateDraft(tx: Db, code: string, version: number, c: ServiceCardInput) {
  await tx.execute(sql`update service_versions set title = ${c.title}, short_title = ${c.shortTitle},
      description = ${c.description}, agency_code = ${c.agency}, category_code = ${c.category},
      situation_codes = ${textArray(c.situations)}, applicant_kinds = ${textArray(c.applicantKinds)},
      fee_amount = ${c.fee?.amount ?? null}, fee_note = ${c.fee?.note ?? null}, term_days = ${c.term?.days ?? null},
      term_kind = ${c.term?.kind ?? null}, keep_result_days = ${c.keepResultDays}, documents = ${jsonb(c.documents)},
      results = ${jsonb(c.results)}, refusal_reasons = ${jsonb(c.refusalReasons)}, stages = ${jsonb(c.stages)},
      aliases = ${textArray(c.aliases)}
    where service_code = ${code} and version = ${version} and status = 'draft'`);
}

export async function setVersionStatus(tx: Db, code: string, version: number, status: VersionRow['status']) {
  await tx.execute(sql`update service_versions set status = ${status},
      published_at = ${status === 'published' ? sql`now()` : sql`published_at`}
    where service_code = ${code} and version = ${version}`);
}

export async function deleteVersion(tx: Db, code: string, version: number) {
  await tx.execute(sql`delete from service_versions where service_code = ${code} and version = ${version}`);
}

export async function setVersionPointers(
  tx: Db,
  code: string,
  published: number | null,
  draft: number | null,
) {
  await tx.execute(sql`update services set published_version = ${published}, draft_version = ${draft},
    updated_at = now() where code = ${code}`);
}

export async function serviceOfficeCodes(db: Db, code: string) {
  const listed = await rows<{ office_code: string }>(
    db,
    sql`select office_code from office_services where service_code = ${code} order by office_code`,
  );
  const all = await rows<{ code: string }>(
    db,
    sql`select code from offices where offers_all_services order by code`,
  );
  return { offices: listed.map((r) => r.office_code), officesOfferingAll: all.map((r) => r.code) };
}

export async function replaceServiceOffices(tx: Db, code: string, offices: readonly string[]) {
  await tx.execute(sql`delete from office_services where service_code = ${code}`);
  if (offices.length) {
    await tx.execute(sql`insert into office_services (office_code, service_code)
      select unnest(${textArray(offices)}), ${code} on conflict do nothing`);
  }
  await tx.execute(sql`update services set updated_at = now() where code = ${code}`);
}
