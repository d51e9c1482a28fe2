import type { RegionFolder } from '../../src/server/seed/region-files.js';
import type { Located } from '../../src/server/seed/region-problem.js';
import {
  type AgencyFile,
  type CalendarDayFile,
  type DemoKiosk,
  type DistrictFile,
  type OfficeFile,
  officeFileSchema,
  type ServiceFile,
  type StaffAccount,
  serviceFileSchema,
  staffAccountSchema,
} from '../../src/shared/region-data.js';

/** Items of region files as the schemas yield them (defaults filled), for tests of the checks. */
export const buildDistrict = (o: Partial<DistrictFile> = {}): DistrictFile => ({
  code: 'town',
  name: 'Город',
  kind: 'city',
  population: 1000,
  ...o,
});

export const buildAgency = (o: Partial<AgencyFile> = {}): AgencyFile => ({
  code: 'mvd',
  name: 'Министерство',
  shortName: 'МВД',
  level: 'federal',
  ...o,
});

export const buildServiceFile = (o: Partial<ServiceFile> = {}): ServiceFile =>
  serviceFileSchema.parse({
    code: 'passport',
    title: 'Паспорт',
    shortTitle: 'Паспорт',
    description: 'Выдача паспорта',
    agency: 'mvd',
    category: 'passports',
    term: { days: 10, kind: 'working' },
    results: ['Паспорт'],
    stages: [{ code: 'accepted', title: 'Принято', citizenText: 'Принято', notify: true }],
    ...o,
  });

export const buildOfficeFile = (o: Partial<OfficeFile> = {}): OfficeFile =>
  officeFileSchema.parse({
    code: 'town-main',
    name: 'МФЦ',
    kind: 'main',
    district: 'town',
    address: 'ул. Ленина, 1',
    windows: [{ number: 1, label: 'Окно 1' }],
    hours: [{ weekday: 1, opens: '08:00', closes: '20:00' }],
    services: 'all',
    ...o,
  });

export const buildStaffAccount = (o: Partial<StaffAccount> = {}): StaffAccount =>
  staffAccountSchema.parse({
    login: 'admin',
    password: 'demo',
    fullName: 'Админ',
    grants: [{ role: 'admin', scope: { kind: 'region' } }],
    ...o,
  });

type Lists = {
  districts?: DistrictFile[];
  agencies?: AgencyFile[];
  categories?: RegionFolder['categories'][number]['value'][];
  situations?: RegionFolder['situations'][number]['value'][];
  services?: ServiceFile[];
  offices?: OfficeFile[];
  calendar?: CalendarDayFile[];
  staff?: StaffAccount[];
  kiosks?: DemoKiosk[];
};

const located = <T>(file: string, values: T[]): Located<T>[] =>
  values.map((value, index) => ({ value, file, index }));

/**
 * A region folder as read, each list in its own file (`offices.json`…): one coherent region by default —
 * a district, an agency, a category, a situation, a service and an office — with `lists` replacing a list.
 */
export function folderOf(lists: Lists = {}, extra: Partial<RegionFolder> = {}): RegionFolder {
  const all = {
    districts: [buildDistrict()],
    agencies: [buildAgency()],
    categories: [{ code: 'passports', title: 'Паспорта' }],
    situations: [{ code: 'travel', title: 'Поездка' }],
    services: [buildServiceFile({ situations: ['travel'] })],
    offices: [buildOfficeFile()],
    calendar: [],
    staff: [],
    kiosks: [],
    ...lists,
  };
  return {
    region: { value: { code: 'test', name: 'Тест', timeZone: 'Europe/Moscow' }, file: 'region.json' },
    districts: located('districts.json', all.districts),
    agencies: located('agencies.json', all.agencies),
    categories: located('categories.json', all.categories),
    situations: located('situations.json', all.situations),
    services: located('services.json', all.services),
    offices: located('offices.json', all.offices),
    calendar: located('calendar.json', all.calendar),
    staff: located('staff.json', all.staff),
    kiosks: located('kiosks.json', all.kiosks),
    unparsed: {
      districts: new Set(),
      agencies: new Set(),
      categories: new Set(),
      situations: new Set(),
      services: new Set(),
      offices: new Set(),
      calendar: new Set(),
      staff: new Set(),
      kiosks: new Set(),
    },
    unread: new Set(),
    ...extra,
  };
}
