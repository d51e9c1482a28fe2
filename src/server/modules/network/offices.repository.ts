import type { ExceptionInput, HoursInput, OfficeInput, WindowInput } from '../../../shared/network.admin.js';
import { type Db, rows, sql, textArray } from '../../db/client.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';

export type OfficeRow = {
  code: string;
  name: string;
  kind: 'main' | 'remote' | 'kiosk';
  district_code: string;
  district_name: string;
  district_population: number;
  address: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  time_zone: string | null;
  offers_all_services: boolean;
  status: 'open' | 'closed';
  updated_at: Date | string;
  window_count: number;
};
export type WindowRow = { number: number; label: string; service_codes: string[]; category_codes: string[] };
export type HoursRow = {
  weekday: number;
  opens: string;
  closes: string;
  break_start: string | null;
  break_end: string | null;
};
export type ExceptionRow = {
  date: string;
  kind: 'closed' | 'hours';
  opens: string | null;
  closes: string | null;
  note: string | null;
};

const select = sql`select o.code, o.name, o.kind, o.district_code, d.name as district_name,
    d.population as district_population, o.address, o.lat, o.lon, o.phone, o.email, o.time_zone,
    o.offers_all_services, o.status, o.updated_at,
    (select count(*)::int from office_windows w where w.office_code = o.code) as window_count
  from offices o join districts d on d.code = o.district_code`;

export function listOfficeRows(
  db: Db,
  filter: { district?: string; kind?: string; status?: string },
  scope: ActorScope,
) {
  const where = [officeInScope(scope, sql`o.code`, sql`o.district_code`)];
  if (filter.district) where.push(sql`o.district_code = ${filter.district}`);
  if (filter.kind) where.push(sql`o.kind = ${filter.kind}`);
  if (filter.status) where.push(sql`o.status = ${filter.status}`);
  return rows<OfficeRow>(
    db,
    sql`${select} where ${sql.join(where, sql` and `)} order by d.name, o.kind, o.name`,
  );
}

export async function findOfficeRow(db: Db, code: string, lock = false): Promise<OfficeRow | undefined> {
  const found = await rows<OfficeRow>(
    db,
    sql`${select} where o.code = ${code} ${lock ? sql`for update of o` : sql``}`,
  );
  return found[0];
}

export const windowRows = (db: Db, code: string) =>
  rows<WindowRow>(
    db,
    sql`select number, label, service_codes, category_codes from office_windows where office_code = ${code} order by number`,
  );

export const hoursRows = (db: Db, code: string) =>
  rows<HoursRow>(
    db,
    sql`select weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes,
      to_char(break_start, 'HH24:MI') as break_start, to_char(break_end, 'HH24:MI') as break_end
    from office_hours where office_code = ${code} order by weekday`,
  );

export const exceptionRows = (db: Db, code: string) =>
  rows<ExceptionRow>(
    db,
    sql`select date::text as date, kind, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes, note
    from office_exceptions where office_code = ${code} order by date`,
  );

export const offeredServiceRows = (db: Db, code: string) =>
  rows<{ code: string; title: string }>(
    db,
    sql`select s.code, coalesce(v.title, s.code) as title from office_services os
      join services s on s.code = os.service_code
      left join service_versions v on v.service_code = s.code and v.version = coalesce(s.published_version, s.draft_version)
    where os.office_code = ${code} order by title`,
  );

export async function insertOffice(tx: Db, o: OfficeInput): Promise<boolean> {
  const inserted = await rows<{ code: string }>(
    tx,
    sql`insert into offices (code, name, kind, district_code, address, lat, lon, phone, email, time_zone, offers_all_services)
      values (${o.code}, ${o.name}, ${o.kind}, ${o.district}, ${o.address}, ${o.lat}, ${o.lon}, ${o.phone}, ${o.email},
        ${o.timeZone}, ${o.kind === 'main'})
      on conflict (code) do nothing returning code`,
  );
  return inserted.length === 1;
}

export async function updateOffice(tx: Db, o: OfficeInput): Promise<void> {
  await tx.execute(sql`update offices set name = ${o.name}, kind = ${o.kind}, district_code = ${o.district},
    address = ${o.address}, lat = ${o.lat}, lon = ${o.lon}, phone = ${o.phone}, email = ${o.email},
    time_zone = ${o.timeZone}, updated_at = now() where code = ${o.code}`);
}

export async function setOfficeStatus(tx: Db, code: string, status: 'open' | 'closed'): Promise<void> {
  await tx.execute(sql`update offices set status = ${status}, updated_at = now() where code = ${code}`);
}

export const touchOffice = (tx: Db, code: string) =>
  tx.execute(sql`update offices set updated_at = now() where code = ${code}`);

export async function replaceWindows(tx: Db, code: string, windows: readonly WindowInput[]): Promise<void> {
  await tx.execute(sql`delete from office_windows where office_code = ${code}`);
  for (const w of windows) {
    await tx.execute(sql`insert into office_windows (office_code, number, label, service_codes, category_codes)
      values (${code}, ${w.number}, ${w.label}, ${textArray(w.serviceCodes)}, ${textArray(w.categoryCodes)})`);
  }
}

export async function replaceHours(tx: Db, code: string, hours: readonly HoursInput[]): Promise<void> {
  await tx.execute(sql`delete from office_hours where office_code = ${code}`);
  for (const h of hours) {
    await tx.execute(sql`insert into office_hours (office_code, weekday, opens, closes, break_start, break_end)
      values (${code}, ${h.weekday}, ${h.opens}, ${h.closes}, ${h.breakStart}, ${h.breakEnd})`);
  }
}

export async function upsertException(tx: Db, code: string, date: string, e: ExceptionInput): Promise<void> {
  await tx.execute(sql`insert into office_exceptions (office_code, date, kind, opens, closes, note)
    values (${code}, ${date}, ${e.kind}, ${e.kind === 'hours' ? e.opens : null}, ${e.kind === 'hours' ? e.closes : null}, ${e.note})
    on conflict (office_code, date) do update set kind = excluded.kind, opens = excluded.opens,
      closes = excluded.closes, note = excluded.note`);
}

export async function deleteException(tx: Db, code: string, date: string): Promise<void> {
  await tx.execute(sql`delete from office_exceptions where office_code = ${code} and date = ${date}`);
}

export async function replaceOfficeServices(
  tx: Db,
  code: string,
  offersAll: boolean,
  services: readonly string[],
) {
  await tx.execute(
    sql`update offices set offers_all_services = ${offersAll}, updated_at = now() where code = ${code}`,
  );
  await tx.execute(sql`delete from office_services where office_code = ${code}`);
  if (!offersAll && services.length) {
    await tx.execute(sql`insert into office_services (office_code, service_code)
      select ${code}, unnest(${textArray(services)}) on conflict do nothing`);
  }
}
