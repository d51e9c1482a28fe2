import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { OfficeInput } from '../../../shared/network.admin.js';
import type { Db } from '../../db/client.js';
import { qualified } from '../../db/columns.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import {
  districts,
  type OfficeRow,
  officeServices,
  offices,
  officeWindows,
  region,
} from './network.schema.js';

/** An office with what every list of offices shows of its district, its windows and its time zone. */
export type OfficeListRow = OfficeRow & {
  districtName: string;
  districtKind: 'city' | 'rural';
  districtPopulation: number;
  windowCount: number;
  /** The office's own time zone, else the region's. */
  zone: string;
};

export type OfficeFilter = {
  code?: string;
  district?: string;
  kind?: string;
  status?: string;
  /** Offices that offer this service: every main center, and the others that list it. */
  offering?: string;
  /** Narrows to the offices a staff member's grants cover (a WHERE clause). */
  scope?: ActorScope;
};

const selection = {
  code: offices.code,
  name: offices.name,
  kind: offices.kind,
  districtCode: offices.districtCode,
  address: offices.address,
  lat: offices.lat,
  lon: offices.lon,
  phone: offices.phone,
  email: offices.email,
  timeZone: offices.timeZone,
  offersAllServices: offices.offersAllServices,
  status: offices.status,
  updatedAt: offices.updatedAt,
  districtName: districts.name,
  districtKind: districts.kind,
  districtPopulation: districts.population,
  windowCount: sql<number>`(select count(*)::int from ${officeWindows} where ${qualified(officeWindows.officeCode)} = ${qualified(offices.code)})`,
  zone: sql<string>`coalesce(${offices.timeZone}, (select ${qualified(region.timeZone)} from ${region}), 'UTC')`,
};

function conditions(f: OfficeFilter): SQL[] {
  const where: (SQL | undefined)[] = [
    f.code === undefined ? undefined : eq(offices.code, f.code),
    f.district === undefined ? undefined : eq(offices.districtCode, f.district),
    f.kind === undefined ? undefined : sql`${offices.kind} = ${f.kind}`,
    f.status === undefined ? undefined : sql`${offices.status} = ${f.status}`,
    f.scope === undefined
      ? undefined
      : officeInScope(f.scope, sql`${offices.code}`, sql`${offices.districtCode}`),
    f.offering === undefined
      ? undefined
      : or(
          eq(offices.offersAllServices, true),
          sql`exists (select 1 from ${officeServices} where ${qualified(officeServices.officeCode)} = ${qualified(offices.code)}
            and ${qualified(officeServices.serviceCode)} = ${f.offering})`,
        ),
  ];
  return where.filter((c): c is SQL => c !== undefined);
}

export const listOffices = (db: Db, filter: OfficeFilter): Promise<OfficeListRow[]> =>
  db
    .select(selection)
    .from(offices)
    .innerJoin(districts, eq(districts.code, offices.districtCode))
    .where(and(...conditions(filter)))
    .orderBy(asc(districts.name), asc(offices.kind), asc(offices.name));

export async function findOffice(db: Db, code: string, lock = false): Promise<OfficeListRow | undefined> {
  const query = db
    .select(selection)
    .from(offices)
    .innerJoin(districts, eq(districts.code, offices.districtCode))
    .where(eq(offices.code, code));
  const [found] = lock ? await query.for('update', { of: offices }) : await query;
  return found;
}

/** The codes of the listed offices that exist. */
export async function existingOfficeCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .select({ code: offices.code })
    .from(offices)
    .where(inArray(offices.code, [...codes]));
  return found.map((r) => r.code);
}

const card = (o: OfficeInput) => ({
  name: o.name,
  kind: o.kind,
  districtCode: o.district,
  address: o.address,
  lat: o.lat,
  lon: o.lon,
  phone: o.phone,
  email: o.email,
  timeZone: o.timeZone,
});

/** A new office (a main center offers every service); false when its code is taken. */
export async function insertOffice(tx: Db, o: OfficeInput): Promise<boolean> {
  const inserted = await tx
    .insert(offices)
    .values({ code: o.code, ...card(o), offersAllServices: o.kind === 'main' })
    .onConflictDoNothing()
    .returning({ code: offices.code });
  return inserted.length === 1;
}

export async function updateOffice(tx: Db, o: OfficeInput): Promise<void> {
  await tx
    .update(offices)
    .set({ ...card(o), updatedAt: sql`now()` })
    .where(eq(offices.code, o.code));
}

/** Inserts or refreshes an office's card (loading a region's files). */
export async function saveOffice(tx: Db, o: OfficeInput, offersAll: boolean): Promise<void> {
  const values = { ...card(o), offersAllServices: offersAll };
  await tx
    .insert(offices)
    .values({ code: o.code, ...values })
    .onConflictDoUpdate({ target: offices.code, set: { ...values, updatedAt: sql`now()` } });
}

export async function setOfficeStatus(tx: Db, code: string, status: 'open' | 'closed'): Promise<void> {
  await tx.update(offices).set({ status, updatedAt: sql`now()` }).where(eq(offices.code, code));
}

export async function touchOffice(tx: Db, code: string): Promise<void> {
  await tx.update(offices).set({ updatedAt: sql`now()` }).where(eq(offices.code, code));
}

/** The district of each of these offices (unknown ones are left out). */
export async function districtsOfOffices(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const found = await db
    .select({ code: offices.code, districtCode: offices.districtCode })
    .from(offices)
    .where(inArray(offices.code, [...codes]));
  return new Map(found.map((r) => [r.code, r.districtCode]));
}
