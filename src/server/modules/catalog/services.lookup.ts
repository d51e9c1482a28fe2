import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies, categories, services, serviceVersions } from './catalog.schema.js';

/** What other modules ask the catalog about services: whether published, titles, summaries. */

/** A service joined to its published card. */
const publishedCard = and(
  eq(serviceVersions.serviceCode, services.code),
  eq(serviceVersions.version, services.publishedVersion),
);

export async function isServicePublished(db: Db, code: string): Promise<boolean> {
  const [found] = await db
    .select({ code: services.code })
    .from(services)
    .where(and(eq(services.code, code), isNotNull(services.publishedVersion)));
  return found !== undefined;
}

/** Published services with title and category: every one, or those among `codes`, by code. */
export async function publishedServiceSummaries(
  db: Db,
  codes?: readonly string[],
): Promise<{ code: string; title: string; category: string | null }[]> {
  if (codes?.length === 0) return [];
  return db
    .select({ code: services.code, title: serviceVersions.title, category: serviceVersions.categoryCode })
    .from(services)
    .innerJoin(serviceVersions, publishedCard)
    .where(codes ? inArray(services.code, [...codes]) : undefined)
    .orderBy(asc(services.code));
}

/** The title of each service (its published card, else its draft; the code when it has neither), by title. */
export async function serviceTitles(
  db: Db,
  codes: readonly string[],
): Promise<{ code: string; title: string }[]> {
  if (codes.length === 0) return [];
  const title = sql<string>`coalesce(${serviceVersions.title}, ${services.code})`;
  return db
    .select({ code: services.code, title })
    .from(services)
    .leftJoin(
      serviceVersions,
      and(
        eq(serviceVersions.serviceCode, services.code),
        eq(serviceVersions.version, sql`coalesce(${services.publishedVersion}, ${services.draftVersion})`),
      ),
    )
    .where(inArray(services.code, [...codes]))
    .orderBy(title);
}

/**
 * A service as a message to a citizen names it, from its published card: the title (e-mail), the short
 * title (SMS) and the documents to bring. Undefined for a service with no published card.
 */
export async function serviceForMessage(
  db: Db,
  code: string,
): Promise<{ title: string; shortTitle: string; documents: string[] } | undefined> {
  const [found] = await db
    .select({
      title: serviceVersions.title,
      shortTitle: serviceVersions.shortTitle,
      documents: serviceVersions.documents,
    })
    .from(services)
    .innerJoin(serviceVersions, publishedCard)
    .where(eq(services.code, code));
  if (!found) return undefined;
  return {
    title: found.title,
    shortTitle: found.shortTitle,
    documents: found.documents.filter((d) => d.required).map((d) => d.name),
  };
}

/** A service as a queue ticket shows it: titles, category (the ticket's letter) and every document to bring. */
export async function serviceForTicket(
  db: Db,
  code: string,
): Promise<
  | {
      code: string;
      title: string;
      shortTitle: string;
      category: string | null;
      documents: { name: string; required: boolean }[];
    }
  | undefined
> {
  const [found] = await db
    .select({
      title: serviceVersions.title,
      shortTitle: serviceVersions.shortTitle,
      category: serviceVersions.categoryCode,
      documents: serviceVersions.documents,
    })
    .from(services)
    .innerJoin(serviceVersions, publishedCard)
    .where(eq(services.code, code));
  if (!found) return undefined;
  return {
    code,
    title: found.title,
    shortTitle: found.shortTitle,
    category: found.category,
    documents: found.documents.map((d) => ({ name: d.name, required: d.required })),
  };
}

/** Published services with short titles, among `codes` (all when undefined), for the kiosk's menu. */
export async function publishedServiceMenu(
  db: Db,
  codes?: readonly string[],
): Promise<{ code: string; title: string; shortTitle: string; category: string | null }[]> {
  if (codes?.length === 0) return [];
  return db
    .select({
      code: services.code,
      title: serviceVersions.title,
      shortTitle: serviceVersions.shortTitle,
      category: serviceVersions.categoryCode,
    })
    .from(services)
    .innerJoin(serviceVersions, publishedCard)
    .where(codes ? inArray(services.code, [...codes]) : undefined)
    .orderBy(asc(services.code));
}

/** The catalog's categories with their titles, in their order. */
export const categoryTitles = (db: Db) =>
  db
    .select({ code: categories.code, title: categories.title, titleEn: categories.titleEn })
    .from(categories)
    .orderBy(asc(categories.sort), asc(categories.code));

/** The columns of a published card a case freezes (with `agencies` left-joined on the version's agency). */
export const caseCardColumns = {
  version: serviceVersions.version,
  title: serviceVersions.title,
  shortTitle: serviceVersions.shortTitle,
  agencyCode: serviceVersions.agencyCode,
  agencyShortName: agencies.shortName,
  agencyName: agencies.name,
  applicantKinds: serviceVersions.applicantKinds,
  feeAmount: serviceVersions.feeAmount,
  termDays: serviceVersions.termDays,
  termKind: serviceVersions.termKind,
  keepResultDays: serviceVersions.keepResultDays,
  documents: serviceVersions.documents,
  results: serviceVersions.results,
  stages: serviceVersions.stages,
};

/**
 * A service's published card as a case freezes it at acceptance: the version, titles, agency, fee, term,
 * storage term, documents, results and stages. Undefined for a service with no published card.
 */
export async function publishedCardForCase(db: Db, code: string) {
  const [found] = await db
    .select(caseCardColumns)
    .from(services)
    .innerJoin(serviceVersions, publishedCard)
    .leftJoin(agencies, eq(agencies.code, serviceVersions.agencyCode))
    .where(eq(services.code, code));
  return found;
}
