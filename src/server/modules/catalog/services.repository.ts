import { and, asc, desc, eq, getTableColumns, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { ServiceCardInput } from '../../../shared/catalog.admin.js';
import type { Db } from '../../db/client.js';
import { type ServiceRow, type ServiceVersionRow, services, serviceVersions } from './catalog.schema.js';

export type { ServiceRow };
export type VersionRow = Omit<ServiceVersionRow, 'serviceCode' | 'search' | 'searchText'>;

export type ServiceListRow = Pick<ServiceRow, 'code' | 'publishedVersion' | 'draftVersion' | 'updatedAt'> &
  Pick<VersionRow, 'title' | 'agencyCode' | 'categoryCode'>;

/** The card the console shows: the draft when there is one, else the published version. */
const currentVersion = and(
  eq(serviceVersions.serviceCode, services.code),
  eq(serviceVersions.version, sql`coalesce(${services.draftVersion}, ${services.publishedVersion})`),
);

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
  const where: (SQL | undefined)[] = [
    filter.status === 'published' ? isNotNull(services.publishedVersion) : undefined,
    filter.status === 'draft' ? isNotNull(services.draftVersion) : undefined,
    filter.status === 'unpublished' ? isNull(services.publishedVersion) : undefined,
    filter.agency ? eq(serviceVersions.agencyCode, filter.agency) : undefined,
  ];
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    where.push(or(like(services.code, pattern), like(serviceVersions.searchText, pattern)));
  }
  const condition = and(...where);
  const found = await db
    .select({
      code: services.code,
      title: serviceVersions.title,
      agencyCode: serviceVersions.agencyCode,
      categoryCode: serviceVersions.categoryCode,
      publishedVersion: services.publishedVersion,
      draftVersion: services.draftVersion,
      updatedAt: services.updatedAt,
    })
    .from(services)
    .innerJoin(serviceVersions, currentVersion)
    .where(condition)
    .orderBy(sql`lower(${serviceVersions.title})`, asc(services.code))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(services)
    .innerJoin(serviceVersions, currentVersion)
    .where(condition);
  return { rows: found, total: count?.n ?? 0 };
}

export async function findServiceRow(db: Db, code: string, lock = false): Promise<ServiceRow | undefined> {
  const query = db.select().from(services).where(eq(services.code, code));
  const [found] = lock ? await query.for('update') : await query;
  return found;
}

const {
  serviceCode: _code,
  search: _search,
  searchText: _text,
  ...versionColumns
} = getTableColumns(serviceVersions);

export async function findVersionRow(db: Db, code: string, version: number): Promise<VersionRow | undefined> {
  const [found] = await db
    .select(versionColumns)
    .from(serviceVersions)
    .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, version)));
  return found;
}

export const versionRows = (db: Db, code: string) =>
  db
    .select({
      version: serviceVersions.version,
      status: serviceVersions.status,
      title: serviceVersions.title,
      createdAt: serviceVersions.createdAt,
      createdBy: serviceVersions.createdBy,
      publishedAt: serviceVersions.publishedAt,
    })
    .from(serviceVersions)
    .where(eq(serviceVersions.serviceCode, code))
    .orderBy(desc(serviceVersions.version));

export async function nextVersion(tx: Db, code: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${serviceVersions.version}), 0)::int + 1` })
    .from(serviceVersions)
    .where(eq(serviceVersions.serviceCode, code));
  return row.n;
}

/** A new service whose first version is a draft; false when its code is taken. */
export async function insertService(tx: Db, code: string): Promise<boolean> {
  const inserted = await tx
    .insert(services)
    .values({ code, draftVersion: 1 })
    .onConflictDoNothing()
    .returning({ code: services.code });
  return inserted.length === 1;
}

/** The columns of a version that hold its card. */
const cardValues = (c: ServiceCardInput) => ({
  title: c.title,
  shortTitle: c.shortTitle,
  description: c.description,
  agencyCode: c.agency,
  categoryCode: c.category,
  situationCodes: [...c.situations],
  applicantKinds: [...c.applicantKinds],
  feeAmount: c.fee?.amount ?? null,
  feeNote: c.fee?.note ?? null,
  termDays: c.term?.days ?? null,
  termKind: c.term?.kind ?? null,
  keepResultDays: c.keepResultDays,
  documents: c.documents,
  results: c.results,
  refusalReasons: c.refusalReasons,
  stages: c.stages,
  aliases: [...c.aliases],
});

export async function insertDraft(tx: Db, code: string, version: number, c: ServiceCardInput, by: string) {
  await tx
    .insert(serviceVersions)
    .values({ serviceCode: code, version, status: 'draft', ...cardValues(c), createdBy: by });
}

export async function updateDraft(tx: Db, code: string, version: number, c: ServiceCardInput) {
  await tx
    .update(serviceVersions)
    .set(cardValues(c))
    .where(
      and(
        eq(serviceVersions.serviceCode, code),
        eq(serviceVersions.version, version),
        eq(serviceVersions.status, 'draft'),
      ),
    );
}

/**
 * Inserts or refreshes a version with its card (loading a region's files): the seed writes the same
 * columns the console does.
 */
export async function saveVersion(
  tx: Db,
  code: string,
  version: number,
  status: VersionRow['status'],
  c: ServiceCardInput,
  by: string,
) {
  const card = cardValues(c);
  await tx
    .insert(serviceVersions)
    .values({
      serviceCode: code,
      version,
      status,
      ...card,
      createdBy: by,
      publishedAt: status === 'published' ? sql`now()` : null,
    })
    .onConflictDoUpdate({
      target: [serviceVersions.serviceCode, serviceVersions.version],
      set: { status, ...card },
    });
}

export async function setVersionStatus(tx: Db, code: string, version: number, status: VersionRow['status']) {
  await tx
    .update(serviceVersions)
    .set({ status, publishedAt: status === 'published' ? sql`now()` : sql`${serviceVersions.publishedAt}` })
    .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, version)));
}

export async function deleteVersion(tx: Db, code: string, version: number) {
  await tx
    .delete(serviceVersions)
    .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, version)));
}

export async function setVersionPointers(
  tx: Db,
  code: string,
  published: number | null,
  draft: number | null,
) {
  await tx
    .update(services)
    .set({ publishedVersion: published, draftVersion: draft, updatedAt: sql`now()` })
    .where(eq(services.code, code));
}

export async function touchService(tx: Db, code: string) {
  await tx.update(services).set({ updatedAt: sql`now()` }).where(eq(services.code, code));
}

/** Inserts a service or refreshes its popularity (loading a region's files). */
export async function saveService(
  tx: Db,
  code: string,
  values: { popularity: number; publishedVersion: number | null; draftVersion: number | null },
) {
  await tx
    .insert(services)
    .values({ code, ...values })
    .onConflictDoUpdate({
      target: services.code,
      set: { popularity: values.popularity, updatedAt: sql`now()` },
    });
}
