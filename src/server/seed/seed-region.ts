import { sql } from 'drizzle-orm';
import { type Db, jsonb, rows, textArray } from '../db/client.js';
import { refreshSearchWords } from '../modules/catalog/catalog.search-words.js';
import type { RegionData } from './load-region.js';

export type SeedCounts = {
  districts: number;
  offices: number;
  agencies: number;
  services: number;
  calendarDays: number;
};

/** Whether the database already holds a region (the embedded default seeds only a fresh one). */
export async function hasRegion(db: Db): Promise<boolean> {
  const found = await rows<{ n: number }>(db, sql`select count(*)::int as n from region`);
  return Number(found[0]?.n) > 0;
}

/**
 * Loads a region's data into the database in one transaction: everything or nothing.
 * Loading the same files again updates the rows in place, so a region can refresh its data.
 */
export async function seedRegion(db: Db, data: RegionData): Promise<SeedCounts> {
  await db.transaction(async (tx) => {
    const r = data.region;
    await tx.execute(sql`insert into region (id, code, name, time_zone) values (true, ${r.code}, ${r.name}, ${r.timeZone})
      on conflict (id) do update set code = excluded.code, name = excluded.name, time_zone = excluded.time_zone`);

    for (const d of data.districts) {
      await tx.execute(sql`insert into districts (code, name, kind, population) values (${d.code}, ${d.name}, ${d.kind}, ${d.population})
        on conflict (code) do update set name = excluded.name, kind = excluded.kind, population = excluded.population, updated_at = now()`);
    }
    for (const a of data.agencies) {
      await tx.execute(sql`insert into agencies (code, name, short_name, level) values (${a.code}, ${a.name}, ${a.shortName}, ${a.level})
        on conflict (code) do update set name = excluded.name, short_name = excluded.short_name, level = excluded.level, updated_at = now()`);
    }
    for (const [i, c] of data.categories.entries()) {
      await tx.execute(sql`insert into categories (code, title, title_en, sort) values (${c.code}, ${c.title}, ${c.titleEn ?? null}, ${i})
        on conflict (code) do update set title = excluded.title, title_en = excluded.title_en, sort = excluded.sort`);
    }
    for (const [i, s] of data.situations.entries()) {
      await tx.execute(sql`insert into situations (code, title, title_en, sort) values (${s.code}, ${s.title}, ${s.titleEn ?? null}, ${i})
        on conflict (code) do update set title = excluded.title, title_en = excluded.title_en, sort = excluded.sort`);
    }
    for (const s of data.services) await seedService(tx, s);
    for (const d of data.calendar) {
      await tx.execute(sql`insert into calendar_days (date, kind, note) values (${d.date}, ${d.kind}, ${d.note ?? null})
        on conflict (date) do update set kind = excluded.kind, note = excluded.note`);
    }
    const remoteServices = data.services
      .filter((s) => s.remote && s.status === 'published')
      .map((s) => s.code);
    for (const o of data.offices) await seedOffice(tx, o, remoteServices);
    await refreshSearchWords(tx);
  });
  // Fresh tables have no statistics until autovacuum comes round: plan the first queries on real ones.
  await db.execute(sql`analyze`);
  return {
    districts: data.districts.length,
    offices: data.offices.length,
    agencies: data.agencies.length,
    services: data.services.length,
    calendarDays: data.calendar.length,
  };
}

async function seedService(tx: Db, s: RegionData['services'][number]): Promise<void> {
  const existing = await rows<{ published_version: number | null; draft_version: number | null }>(
    tx,
    sql`select published_version, draft_version from services where code = ${s.code}`,
  );
  const version = existing[0]?.published_version ?? existing[0]?.draft_version ?? 1;
  const published = s.status === 'published';
  await tx.execute(sql`insert into services (code, popularity, published_version, draft_version)
    values (${s.code}, ${s.popularity}, ${published ? version : null}, ${published ? null : version})
    on conflict (code) do update set popularity = excluded.popularity, updated_at = now()`);
  await tx.execute(sql`insert into service_versions (service_code, version, status, title, short_title, description,
      agency_code, category_code, situation_codes, applicant_kinds, fee_amount, fee_note, term_days, term_kind,
      keep_result_days, documents, results, refusal_reasons, stages, aliases, created_by, published_at)
    values (${s.code}, ${version}, ${s.status}, ${s.title}, ${s.shortTitle}, ${s.description}, ${s.agency}, ${s.category},
      ${textArray(s.situations)}, ${textArray(s.applicantKinds)}, ${s.fee?.amount ?? null}, ${s.fee?.note ?? null},
      ${s.term.days}, ${s.term.kind}, ${s.keepResultDays ?? null}, ${jsonb(s.documents)}, ${jsonb(s.results)},
      ${jsonb(s.refusalReasons)}, ${jsonb(s.stages)}, ${textArray(s.aliases)}, 'seed', ${published ? sql`now()` : null})
    on conflict (service_code, version) do update set status = excluded.status, title = excluded.title,
      short_title = excluded.short_title, description = excluded.description, agency_code = excluded.agency_code,
      category_code = excluded.category_code, situation_codes = excluded.situation_codes,
      applicant_kinds = excluded.applicant_kinds, fee_amount = excluded.fee_amount, fee_note = excluded.fee_note,
      term_days = excluded.term_days, term_kind = excluded.term_kind, keep_result_days = excluded.keep_result_days,
      documents = excluded.documents, results = excluded.results, refusal_reasons = excluded.refusal_reasons,
      stages = excluded.stages, aliases = excluded.aliases`);
}

async function seedOffice(tx: Db, o: RegionData['offices'][number], remoteServices: string[]): Promise<void> {
  const all = o.services === 'all';
  await tx.execute(sql`insert into offices (code, name, kind, district_code, address, lat, lon, phone, email, time_zone, offers_all_services)
    values (${o.code}, ${o.name}, ${o.kind}, ${o.district}, ${o.address}, ${o.lat ?? null}, ${o.lon ?? null},
      ${o.phone ?? null}, ${o.email ?? null}, ${o.timeZone ?? null}, ${all})
    on conflict (code) do update set name = excluded.name, kind = excluded.kind, district_code = excluded.district_code,
      address = excluded.address, lat = excluded.lat, lon = excluded.lon, phone = excluded.phone, email = excluded.email,
      time_zone = excluded.time_zone, offers_all_services = excluded.offers_all_services, updated_at = now()`);
  await tx.execute(sql`delete from office_windows where office_code = ${o.code}`);
  for (const w of o.windows) {
    await tx.execute(sql`insert into office_windows (office_code, number, label, service_codes, category_codes)
      values (${o.code}, ${w.number}, ${w.label}, ${textArray(w.services)}, ${textArray(w.categories)})`);
  }
  await tx.execute(sql`delete from office_hours where office_code = ${o.code}`);
  for (const h of o.hours) {
    await tx.execute(sql`insert into office_hours (office_code, weekday, opens, closes, break_start, break_end)
      values (${o.code}, ${h.weekday}, ${h.opens}, ${h.closes}, ${h.breakStart ?? null}, ${h.breakEnd ?? null})`);
  }
  await tx.execute(sql`delete from office_exceptions where office_code = ${o.code}`);
  for (const e of o.exceptions) {
    await tx.execute(sql`insert into office_exceptions (office_code, date, kind, opens, closes, note)
      values (${o.code}, ${e.date}, ${e.kind}, ${e.opens ?? null}, ${e.closes ?? null}, ${e.note ?? null})`);
  }
  await tx.execute(sql`delete from office_services where office_code = ${o.code}`);
  // An empty list on a remote office means "the services marked remote"; a main center offers them all.
  const listed = o.services === 'all' ? [] : o.services;
  const offered = all ? [] : listed.length ? listed : o.kind === 'remote' ? remoteServices : [];
  if (offered.length) {
    await tx.execute(sql`insert into office_services (office_code, service_code)
      select ${o.code}, unnest(${textArray(offered)}) on conflict do nothing`);
  }
}
