import type { AdminOfficeSummary } from '../../../shared/network.admin.js';
import type { District, OfficeSummary, ResolvedDay, WeeklyHours } from '../../../shared/network.js';
import type { OfficeException } from '../../../shared/office-hours.js';
import type { DistrictWithCount } from './districts.repository.js';
import type { OfficeExceptionRow, OfficeHoursRow, OfficeWindowRow } from './network.schema.js';
import type { OfficeListRow } from './offices.repository.js';

/** One mapper per DTO of the network, shared by the public and the staff API. */

/** Main centers first, then remote offices, then kiosks. */
export const officeKindRank: Record<OfficeSummary['kind'], number> = { main: 0, remote: 1, kiosk: 2 };

export const toDistrictDto = (r: DistrictWithCount): District => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  population: r.population,
  officeCount: r.officeCount,
});

export const toWeeklyHours = (r: OfficeHoursRow): WeeklyHours => ({
  weekday: r.weekday,
  opens: r.opens,
  closes: r.closes,
  breakStart: r.breakStart,
  breakEnd: r.breakEnd,
});

export const toException = (r: OfficeExceptionRow): OfficeException => ({
  date: r.date,
  kind: r.kind,
  opens: r.opens,
  closes: r.closes,
  note: r.note,
});

export const toWindow = (w: OfficeWindowRow) => ({
  number: w.number,
  label: w.label,
  serviceCodes: w.serviceCodes,
  categoryCodes: w.categoryCodes,
});

export const toOfficeSummaryDto = (
  r: OfficeListRow,
  today: ResolvedDay,
  openNow: boolean,
): OfficeSummary => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  district: { code: r.districtCode, name: r.districtName },
  address: r.address,
  lat: r.lat,
  lon: r.lon,
  phone: r.phone,
  timeZone: r.zone,
  status: r.status,
  windowCount: r.windowCount,
  openNow,
  today,
});

export const toAdminOfficeSummaryDto = (r: OfficeListRow): AdminOfficeSummary => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  district: { code: r.districtCode, name: r.districtName },
  address: r.address,
  status: r.status,
  windowCount: r.windowCount,
});
