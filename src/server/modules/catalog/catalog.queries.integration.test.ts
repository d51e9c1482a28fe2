import { z } from 'zod';
import { describeOnBackends } from '../../../../tests/support/app.js';
import { buildSearchPlan, parseSearchWords } from './catalog.query.js';
import * as repo from './catalog.repository.js';

/**
 * The catalog's hand-written SQL (search, lists, the card) returns rows of the types it declares: each
 * schema below must match its TypeScript row type (`satisfies`, checked at compile time) and every real
 * row must match the schema (checked here, on both databases). A renamed column or a driver returning a
 * string for a number fails here, not in a citizen's browser.
 */
const level = z.enum(['federal', 'regional', 'municipal']);
const agencyRow = z.strictObject({
  code: z.string(),
  name: z.string(),
  short_name: z.string(),
  level,
  service_count: z.number().int(),
}) satisfies z.ZodType<repo.AgencyRow>;
const topicRow = z.strictObject({
  code: z.string(),
  title: z.string(),
  title_en: z.string().nullable(),
  service_count: z.number().int(),
}) satisfies z.ZodType<repo.TopicRow>;
const summaryFields = {
  code: z.string(),
  title: z.string(),
  short_title: z.string(),
  agency_code: z.string().nullable(),
  agency_short_name: z.string().nullable(),
  category_code: z.string().nullable(),
  category_title: z.string().nullable(),
  fee_amount: z.number().nullable(),
  fee_note: z.string().nullable(),
  term_days: z.number().int().nullable(),
  term_kind: z.enum(['working', 'calendar']).nullable(),
  popularity: z.number().int(),
};
const summaryRow = z.strictObject({
  ...summaryFields,
  total: z.number().int(),
}) satisfies z.ZodType<repo.ServiceSummaryRow>;
const cardRow = z.strictObject({
  ...summaryFields,
  version: z.number().int(),
  description: z.string(),
  keep_result_days: z.number().int().nullable(),
  applicant_kinds: z.array(z.enum(['person', 'business'])),
  documents: z.array(
    z.strictObject({
      name: z.string(),
      required: z.boolean(),
      form: z.enum(['original', 'copy', 'original_and_copy']),
      note: z.string().nullable().optional(),
    }),
  ),
  results: z.array(z.string()),
  refusal_reasons: z.array(z.string()),
  stages: z.array(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      citizenText: z.string(),
      notify: z.boolean(),
      durationDays: z.number().int().nullable().optional(),
    }),
  ),
  aliases: z.array(z.string()),
  agency_name: z.string().nullable(),
  agency_short_name: z.string().nullable(),
  agency_level: level.nullable(),
  situations: z.array(z.strictObject({ code: z.string(), title: z.string() })),
}) satisfies z.ZodType<repo.ServiceCardRow>;

describeOnBackends('catalog queries written by hand', (ctx) => {
  it('return agencies, categories and situations as declared', async () => {
    const db = ctx().database.db;
    const agencies = await repo.listAgencies(db);
    expect(agencies.length).toBeGreaterThan(10);
    for (const row of agencies) agencyRow.parse(row);
    for (const row of [...(await repo.listCategories(db)), ...(await repo.listSituations(db))])
      topicRow.parse(row);
  });

  it('return pages of services, searched and not, and every card, as declared', async () => {
    const db = ctx().database.db;
    const page = { filters: {}, limit: 50, offset: 0 };
    const listed = await repo.listServices(db, page);
    expect(listed.length).toBe(50);
    for (const row of listed) summaryRow.parse(row);
    const words = parseSearchWords('паспарт гражданина');
    const found = await repo.searchServices(
      db,
      buildSearchPlan(words, await repo.findCorrections(db, words)),
      page,
    );
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) summaryRow.parse(row);
    // Every published card, so free services (fee 0), paid ones and those without a fee are all read.
    const all = await repo.listServices(db, { filters: {}, limit: 1000, offset: 0 });
    const fees = new Set<string>();
    for (const { code } of all) {
      const card = cardRow.parse(await repo.findServiceCard(db, code));
      fees.add(card.fee_amount === null ? 'none' : card.fee_amount === 0 ? 'free' : 'paid');
    }
    expect([...fees].sort()).toEqual(['free', 'none', 'paid']);
  });
});
