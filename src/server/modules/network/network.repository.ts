import type { CalendarOverride } from '../../../shared/calendar.js';
import type { OfficeException } from '../../../shared/office-hours.js';
import { type Db, rows, sql, textArray } from '../../db/client.js';

/** Named queries of the network: districts, offices, their hours and the production calendar. */

export type DistrictRow = {
  code: string;
  name: string;
  kind: 'city' | 'rural';
  population: number;
  office_count: number;
};

export type OfficeRow = {
  code: string;
  name: string;
  kind: 'main' | 'remote' | 'kiosk';
  district_code: string;
  district_name: string;
  district_kind: 'city' | 'rural';
  address: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  time_zone: string;
  status: 'open' | 'closed';
  offers_all_services: boolean;
  window_count: number;
};

export type HoursRow = {
  office_code: string;
  weekday: number;
  opens: string;
  closes: string;
  break_start: string | null;
  break_end: string | null;
};

export type ExceptionRow = OfficeException & { office_code: string };
export type WindowRow = { number: number; label: string; service_codes: string[]; category_codes: string[] };
export type OfficeServiceRow = { code: string; title: string; category: string | null };

export type OfficeFilter = {
  district?: string;
  kind?: string;
  service?: string;
  code?: string;
  publicOnly: boolean;
};

/** A text[] parameter that both drivers pass as one value (drizzle would spread a JS array into a list). */

const hhmm = (column: string) => sql.raw(`to_char(${column}, 'HH24:MI')`);

export function createNetworkRepository(db: Db) {
  return {
    listDistricts: () =>
      rows<DistrictRow>(
        db,
        sql`select d.code, d.name, d.kind, d.population,
              (select count(*)::int from offices o where o.district_code = d.code and o.status = 'open') as office_count
            from districts d`,
      ),

    /** Offices with their district and time zone (the office's own, else the region's). */
    listOffices: (f: OfficeFilter) =>
      rows<OfficeRow>(
        db,
        sql`select o.code, o.name, o.kind, o.district_code, d.name as district_name, d.kind as district_kind,
              o.address, o.lat, o.lon, o.phone, o.email, o.status, o.offers_all_services,
              coalesce(o.time_zone, (select time_zone from region), 'UTC') as time_zone,
              (select count(*)::int from office_windows w where w.office_code = o.code) as window_count
            from offices o join districts d on d.code = o.district_code
            where true
              ${f.publicOnly ? sql`and o.status = 'open'` : sql``}
              ${f.code !== undefined ? sql`and o.code = ${f.code}` : sql``}
              ${f.district !== undefined ? sql`and o.district_code = ${f.district}` : sql``}
              ${f.kind !== undefined ? sql`and o.kind = ${f.kind}` : sql``}
              ${
                f.service !== undefined
                  ? sql`and exists (select 1 from services s where s.code = ${f.service} and s.published_version is not null)
                        and (o.offers_all_services or exists (select 1 from office_services os
                          where os.office_code = o.code and os.service_code = ${f.service}))`
                  : sql``
              }`,
      ),

    hoursOf: (officeCodes: readonly string[]) =>
      officeCodes.length === 0
        ? Promise.resolve([])
        : rows<HoursRow>(
            db,
            sql`select office_code, weekday, ${hhmm('opens')} as opens, ${hhmm('closes')} as closes,
                  ${hhmm('break_start')} as break_start, ${hhmm('break_end')} as break_end
                from office_hours where office_code = any(${textArray(officeCodes)})
                order by office_code, weekday`,
          ),

    /** Exceptions of the offices between two dates, both included. */
    exceptionsOf: (officeCodes: readonly string[], from: string, to: string) =>
      officeCodes.length === 0
        ? Promise.resolve([])
        : rows<ExceptionRow>(
            db,
            sql`select office_code, to_char(date, 'YYYY-MM-DD') as date, kind,
                  ${hhmm('opens')} as opens, ${hhmm('closes')} as closes, note
                from office_exceptions
                where office_code = any(${textArray(officeCodes)}) and date between ${from}::date and ${to}::date
                order by office_code, date`,
          ),

    windowsOf: (officeCode: string) =>
      rows<WindowRow>(
        db,
        sql`select number, label, service_codes, category_codes from office_windows
            where office_code = ${officeCode} order by number`,
      ),

    /** Published services the office offers: all of them for a main center, else its list. */
    servicesOf: (officeCode: string, offersAll: boolean) =>
      rows<OfficeServiceRow>(
        db,
        sql`select s.code, v.title, v.category_code as category
            from services s join service_versions v on v.service_code = s.code and v.version = s.published_version
            where s.published_version is not null
              ${
                offersAll
                  ? sql``
                  : sql`and exists (select 1 from office_services os where os.office_code = ${officeCode} and os.service_code = s.code)`
              }
            order by s.code`,
      ),

    /** Every override of the production calendar: a few hundred rows (about 30 a year). */
    calendarOverrides: () =>
      rows<Required<CalendarOverride>>(
        db,
        sql`select to_char(date, 'YYYY-MM-DD') as date, kind, note from calendar_days order by date`,
      ),
  };
}

export type NetworkRepository = ReturnType<typeof createNetworkRepository>;
