import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';

export type ServiceSpec = {
  code: string;
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
  /** Remote offices that list it (main centers offer every published service). */
  offices?: string[];
};

const textArray = (values: string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]`;

/** Inserts a service with one version straight into the catalog tables, for tests that need a known card. */
export async function buildService(db: Db, spec: ServiceSpec): Promise<void> {
  const published = (spec.status ?? 'published') === 'published';
  await db.execute(sql`insert into services (code, popularity, published_version, draft_version)
    values (${spec.code}, ${spec.popularity ?? 0}, ${published ? 1 : null}, ${published ? null : 1})`);
  const agency = spec.agency ? sql`${spec.agency}` : sql`(select code from agencies order by code limit 1)`;
  const category = spec.category
    ? sql`${spec.category}`
    : sql`(select code from categories order by sort, code limit 1)`;
  await db.execute(sql`insert into service_versions (service_code, version, status, title, short_title, description,
      agency_code, category_code, situation_codes, term_days, term_kind, documents, stages, aliases)
    values (${spec.code}, 1, ${published ? 'published' : 'draft'}, ${spec.title}, ${spec.shortTitle ?? spec.title},
      ${spec.description ?? ''}, ${agency}, ${category}, ${textArray(spec.situations ?? [])}, 10, 'working',
      ${JSON.stringify([{ name: 'Паспорт', required: true, form: 'original' }])}::jsonb,
      ${JSON.stringify([{ code: 'accepted', title: 'Принято', citizenText: 'Документы приняты', notify: true }])}::jsonb,
      ${textArray(spec.aliases ?? [])})`);
  for (const office of spec.offices ?? []) {
    await db.execute(
      sql`insert into office_services (office_code, service_code) values (${office}, ${spec.code})`,
    );
  }
}
