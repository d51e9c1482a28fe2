import { randomBytes } from 'node:crypto';
import type { Database, Db } from '../../src/server/db/client.js';
import { listAgencies } from '../../src/server/modules/catalog/agencies.repository.js';
import { saveService, saveVersion } from '../../src/server/modules/catalog/services.repository.js';
import { topicCodes } from '../../src/server/modules/catalog/topics.repository.js';
import { listDistricts } from '../../src/server/modules/network/districts.repository.js';
import { replaceHours, replaceWindows } from '../../src/server/modules/network/office-schedule.repository.js';
import { insertOffice } from '../../src/server/modules/network/offices.repository.js';
import { setServiceOfficeCodes } from '../../src/server/modules/network/service-offices.js';
import type { Grant } from '../../src/shared/auth.js';
import type { ServiceCardInput } from '../../src/shared/catalog.admin.js';
import type { HoursInput, OfficeInput, WindowInput } from '../../src/shared/network.admin.js';
import { createStaffUser } from './auth.js';

/**
 * Test factories: a known office, service or staff account in one call, with defaults for every field
 * the test does not care about. They write through the modules' own repository functions (the ones the
 * admin console and the seed use), so what they build is what okno itself would have written.
 */

/** A code no seeded region uses. */
export const factoryCode = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export type OfficeSpec = Partial<OfficeInput> & {
  /** Weekly hours; by default Monday to Friday 09:00–18:00 with a break 13:00–14:00. */
  hours?: HoursInput[];
  /** Windows; by default one window for every service. */
  windows?: WindowInput[];
};

const weekdays: HoursInput[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: '09:00',
  closes: '18:00',
  breakStart: '13:00',
  breakEnd: '14:00',
}));

/** An open office (remote by default) in the first district of the region; returns its code. */
export async function buildOffice(db: Db, spec: OfficeSpec = {}): Promise<string> {
  const code = spec.code ?? factoryCode('office');
  const district = spec.district ?? (await listDistricts(db, { openOfficesOnly: false }))[0]?.code;
  if (!district) throw new Error('buildOffice: the database holds no district');
  const inserted = await insertOffice(db, {
    code,
    name: spec.name ?? `Офис ${code}`,
    kind: spec.kind ?? 'remote',
    district,
    address: spec.address ?? 'ул. Тестовая, 1',
    lat: spec.lat ?? null,
    lon: spec.lon ?? null,
    phone: spec.phone ?? null,
    email: spec.email ?? null,
    timeZone: spec.timeZone ?? null,
  });
  if (!inserted) throw new Error(`buildOffice: office ${code} exists`);
  await replaceHours(db, code, spec.hours ?? weekdays);
  await replaceWindows(
    db,
    code,
    spec.windows ?? [{ number: 1, label: 'Окно 1', serviceCodes: [], categoryCodes: [] }],
  );
  return code;
}

export type ServiceSpec = {
  code?: string;
  title: string;
  shortTitle?: string;
  description?: string;
  aliases?: string[];
  popularity?: number;
  /** 'draft' makes a service that was never published: the public catalog must not show it. */
  status?: 'published' | 'draft';
  /** Defaults to the first agency / category of the seeded region. */
  agency?: string;
  category?: string;
  situations?: string[];
  fee?: ServiceCardInput['fee'];
  term?: ServiceCardInput['term'];
  /** Remote offices that list it (main centers offer every published service). */
  offices?: string[];
};

/** A service with one version (published by default); returns its code. */
export async function buildService(db: Db, spec: ServiceSpec): Promise<string> {
  const code = spec.code ?? factoryCode('service');
  const published = (spec.status ?? 'published') === 'published';
  const agency = spec.agency ?? (await listAgencies(db))[0]?.code ?? null;
  await saveService(db, code, {
    popularity: spec.popularity ?? 0,
    publishedVersion: published ? 1 : null,
    draftVersion: published ? null : 1,
  });
  await saveVersion(
    db,
    code,
    1,
    published ? 'published' : 'draft',
    {
      title: spec.title,
      shortTitle: spec.shortTitle ?? spec.title,
      description: spec.description ?? '',
      agency,
      category: spec.category ?? (await topicCodes(db, 'category'))[0] ?? null,
      situations: spec.situations ?? [],
      applicantKinds: ['person'],
      fee: spec.fee ?? null,
      term: spec.term ?? { days: 10, kind: 'working' },
      keepResultDays: null,
      documents: [{ name: 'Паспорт', required: true, form: 'original', note: null }],
      results: [],
      refusalReasons: [],
      stages: [
        {
          code: 'accepted',
          title: 'Принято',
          citizenText: 'Документы приняты',
          notify: true,
          durationDays: null,
        },
      ],
      aliases: spec.aliases ?? [],
    },
    'test',
  );
  if (spec.offices?.length) await setServiceOfficeCodes(db, code, spec.offices);
  return code;
}

export type UserSpec = { login?: string; password?: string; fullName?: string; grants?: Grant[] };

/** A staff account (an operator of the whole region by default) with its login and password. */
export const buildUser = (database: Database, spec: UserSpec = {}) =>
  createStaffUser(database, {
    ...spec,
    grants: spec.grants ?? [{ role: 'operator', scope: { kind: 'region' } }],
  });
