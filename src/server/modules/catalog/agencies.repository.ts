import { asc, eq, sql } from 'drizzle-orm';
import type { AgencyInput } from '../../../shared/catalog.admin.js';
import type { Db } from '../../db/client.js';
import { qualified } from '../../db/columns.js';
import { type AgencyRow, agencies, services, serviceVersions } from './catalog.schema.js';

export type AgencyWithCount = Omit<AgencyRow, 'updatedAt'> & { serviceCount: number };

// Every service whose current card (draft or published) names the agency.
const selection = {
  code: agencies.code,
  name: agencies.name,
  shortName: agencies.shortName,
  level: agencies.level,
  serviceCount: sql<number>`(select count(*)::int from ${services} join ${serviceVersions}
    on ${qualified(serviceVersions.serviceCode)} = ${qualified(services.code)}
    and ${qualified(serviceVersions.version)} = coalesce(${qualified(services.draftVersion)}, ${qualified(services.publishedVersion)})
    where ${qualified(serviceVersions.agencyCode)} = ${qualified(agencies.code)})`,
};

export const listAgencies = (db: Db): Promise<AgencyWithCount[]> =>
  db
    .select(selection)
    .from(agencies)
    .orderBy(
      sql`case ${agencies.level} when 'federal' then 0 when 'regional' then 1 else 2 end`,
      asc(agencies.name),
    );

export async function findAgency(db: Db, code: string, lock = false): Promise<AgencyWithCount | undefined> {
  const query = db.select(selection).from(agencies).where(eq(agencies.code, code));
  const [found] = lock ? await query.for('update') : await query;
  return found;
}

const card = (a: AgencyInput) => ({ name: a.name, shortName: a.shortName, level: a.level });

/** A new agency; false when its code is taken. */
export async function insertAgency(tx: Db, a: AgencyInput): Promise<boolean> {
  const inserted = await tx
    .insert(agencies)
    .values({ code: a.code, ...card(a) })
    .onConflictDoNothing()
    .returning({ code: agencies.code });
  return inserted.length === 1;
}

export async function updateAgency(tx: Db, a: AgencyInput): Promise<void> {
  await tx
    .update(agencies)
    .set({ ...card(a), updatedAt: sql`now()` })
    .where(eq(agencies.code, a.code));
}

/** Inserts or refreshes an agency (loading a region's files). */
export async function saveAgency(tx: Db, a: AgencyInput): Promise<void> {
  await tx
    .insert(agencies)
    .values({ code: a.code, ...card(a) })
    .onConflictDoUpdate({ target: agencies.code, set: { ...card(a), updatedAt: sql`now()` } });
}
