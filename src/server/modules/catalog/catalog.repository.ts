import { type SQL, sql } from 'drizzle-orm';
import { type Db, preparedRows, textArray } from '../../db/client.js';
import type { SearchPlan } from './catalog.query.js';
import type { agencies, serviceVersions } from './catalog.schema.js';

/** The published version of each service: drafts and archived versions never reach the public catalog. */
const published = sql`services s join service_versions v on v.service_code = s.code and v.version = s.published_version`;

/** A trigram neighbour must be at least this similar to replace a word that matches nothing. */
const minCorrectionSimilarity = 0.35;
const maxCorrectionsPerWord = 3;

type Agency = typeof agencies.$inferSelect;
type Version = typeof serviceVersions.$inferSelect;

/**
 * The rows of the hand-written public queries (search, lists, the card), in snake case as the SQL names
 * them; each field typed from the declared column it reads, and `catalog.queries.integration.test.ts`
 * checks real rows against them on both databases.
 */
export type AgencyRow = Pick<Agency, 'code' | 'name'> & {
  short_name: Agency['shortName'];
  level: Agency['level'];
  service_count: number;
};
export type TopicRow = { code: string; title: string; title_en: string | null; service_count: number };

export type ServiceSummaryRow = {
  code: string;
  title: Version['title'];
  short_title: Version['shortTitle'];
  agency_code: Version['agencyCode'];
  agency_short_name: Agency['shortName'] | null;
  category_code: Version['categoryCode'];
  category_title: string | null;
  fee_amount: Version['feeAmount'];
  fee_note: Version['feeNote'];
  term_days: Version['termDays'];
  term_kind: Version['termKind'];
  popularity: number;
  total: number;
};

export type ServiceCardRow = Omit<ServiceSummaryRow, 'total' | 'agency_short_name'> & {
  version: number;
  description: Version['description'];
  keep_result_days: Version['keepResultDays'];
  applicant_kinds: Version['applicantKinds'];
  documents: Version['documents'];
  results: Version['results'];
  refusal_reasons: Version['refusalReasons'];
  stages: Version['stages'];
  aliases: Version['aliases'];
  agency_name: Agency['name'] | null;
  agency_short_name: Agency['shortName'] | null;
  agency_level: Agency['level'] | null;
  situations: { code: string; title: string }[];
};

export type ServiceFilters = { category?: string; agency?: string; situation?: string; office?: string };

export function listAgencies(db: Db): Promise<AgencyRow[]> {
  return preparedRows(
    db,
    sql`select a.code, a.name, a.short_name, a.level,
        (select count(*)::int from ${published} where v.agency_code = a.code) as service_count
      from agencies a
      order by array_position(array['federal', 'regional', 'municipal'], a.level), a.name collate "C", a.code`,
  );
}

export function listCategories(db: Db): Promise<TopicRow[]> {
  return preparedRows(
    db,
    sql`select c.code, c.title, c.title_en,
        (select count(*)::int from ${published} where v.category_code = c.code) as service_count
      from categories c order by c.sort, c.code`,
  );
}

export function listSituations(db: Db): Promise<TopicRow[]> {
  return preparedRows(
    db,
    sql`select t.code, t.title, t.title_en,
        (select count(*)::int from ${published} where t.code = any(v.situation_codes)) as service_count
      from situations t order by t.sort, t.code`,
  );
}

/**
 * Lexicon words to search instead of each query word, best first: its spellings with ё (the query is
 * normalized to е, the cards keep ё), and, for a word that matches no published card (a typo), the most
 * similar words by trigrams. The last word counts as matching when some word starts with it.
 */
export async function findCorrections(db: Db, words: string[]): Promise<Map<string, string[]>> {
  const found = await preparedRows<{ word: string; fix: string }>(
    db,
    sql`select i.word, c.word as fix
      from unnest(${textArray(words)}) with ordinality as i(word, n)
      cross join lateral (
        select x.word, x.sim from (
          -- The regular expression only lets the trigram index find the candidates instead of a scan.
          select sw.word, 2::real as sim from search_words sw
            where sw.word ~ ('^' || replace(i.word, 'е', '[её]') || '$')
              and strpos(sw.word, 'ё') > 0 and translate(sw.word, 'ё', 'е') = i.word
          union all
          select sw.word, similarity(sw.word, i.word) from search_words sw
            where sw.word % i.word and not exists (
              select 1 from ${published}
              where v.search @@ to_tsquery('russian', i.word || case when i.n = ${words.length} then ':*' else '' end)
            )
        ) x
        where x.sim >= ${minCorrectionSimilarity} and x.word <> i.word
        order by x.sim desc, x.word collate "C"
        limit ${maxCorrectionsPerWord}
      ) c
      where length(i.word) >= 3 and numnode(to_tsquery('russian', i.word)) > 0
      order by i.n, c.sim desc, c.word collate "C"`,
  );
  const corrections = new Map<string, string[]>();
  for (const { word, fix } of found) corrections.set(word, [...(corrections.get(word) ?? []), fix]);
  return corrections;
}

function filterClause(f: ServiceFilters): SQL {
  const parts: SQL[] = [];
  if (f.category) parts.push(sql`and v.category_code = ${f.category}`);
  if (f.agency) parts.push(sql`and v.agency_code = ${f.agency}`);
  if (f.situation) parts.push(sql`and ${f.situation} = any(v.situation_codes)`);
  if (f.office)
    parts.push(sql`and exists (select 1 from offices o where o.code = ${f.office} and (o.offers_all_services
      or exists (select 1 from office_services os where os.office_code = o.code and os.service_code = s.code)))`);
  return sql.join(parts, sql` `);
}

/** The columns of a summary; the agency and category are joined to the page only, after the limit. */
const summaryColumns = sql`m.code, m.title, m.short_title, m.agency_code, a.short_name as agency_short_name,
  m.category_code, c.title as category_title, m.fee_amount, m.fee_note, m.term_days, m.term_kind, m.popularity,
  m.total`;
const summaryJoins = sql`left join agencies a on a.code = m.agency_code
  left join categories c on c.code = m.category_code`;
const cardColumns = sql`s.code, s.popularity, v.title, v.short_title, v.agency_code, v.category_code,
  v.fee_amount, v.fee_note, v.term_days, v.term_kind`;

export type Page = { filters: ServiceFilters; limit: number; offset: number };

/** Published services by popularity (most requested first), then title. */
export function listServices(db: Db, page: Page): Promise<ServiceSummaryRow[]> {
  return preparedRows(
    db,
    sql`select ${summaryColumns}
      from (select ${cardColumns}, count(*) over ()::int as total
        from ${published} where true ${filterClause(page.filters)}
        order by s.popularity desc, v.title collate "C", s.code
        limit ${page.limit} offset ${page.offset}) m
      ${summaryJoins}
      order by m.popularity desc, m.title collate "C", m.code`,
  );
}

/**
 * Full-text search over published cards, in tiers: cards matching every word (tier 3 when all of them
 * are in the title or an alias, 2 when in the title, aliases or short title, 1 anywhere, then the more
 * requested first); failing any, cards matching some word (tier 0, by cover density, then popularity);
 * failing that, cards whose title, short title or aliases resemble the whole query (tier -1, by trigram
 * word similarity, then popularity). The trigram scan runs only when no card matches a word.
 */
export function searchServices(db: Db, plan: SearchPlan, page: Page): Promise<ServiceSummaryRow[]> {
  return preparedRows(db, searchQuery(plan, page));
}

/** The SQL of a search, apart so that it can be EXPLAINed. */
export function searchQuery(plan: SearchPlan, page: Page): SQL {
  return sql`with q as (
        select to_tsquery('russian', ${plan.all}) as qall, to_tsquery('russian', ${plan.any}) as qany
      ),
      hits as (
        select ${cardColumns},
          case
            when v.search @@ q.qall then case
              when ts_filter(v.search, '{a}') @@ q.qall then 3
              when ts_filter(v.search, '{a,b}') @@ q.qall then 2
              else 1 end
            else 0
          end as tier,
          ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', v.search, q.qany) as rank
        from ${published} cross join q
        where v.search @@ q.qany ${filterClause(page.filters)}
      ),
      fuzzy as (
        select ${cardColumns}, -1 as tier, word_similarity(${plan.text}, v.search_text) as rank
        from ${published}
        where not exists (select 1 from hits) and ${plan.text} <% v.search_text ${filterClause(page.filters)}
      ),
      scored as (select * from hits union all select * from fuzzy),
      leveled as (select scored.*, max(least(tier, 1)) over () as best from scored),
      ranked as (
        select leveled.*, count(*) over ()::int as total,
          case when tier <= 0 then rank else 0 end as order_rank
        from leveled where least(tier, 1) = best
        order by tier desc, order_rank desc, popularity desc, title collate "C", code
        limit ${page.limit} offset ${page.offset}
      )
      select ${summaryColumns}
      from ranked m
      ${summaryJoins}
      order by m.tier desc, m.order_rank desc, m.popularity desc, m.title collate "C", m.code`;
}

/** The published card of a service with its agency, category and situations (the offices: the network's service). */
export async function findServiceCard(db: Db, code: string): Promise<ServiceCardRow | undefined> {
  const found = await preparedRows<ServiceCardRow>(
    db,
    sql`select ${cardColumns}, v.version, v.description, v.keep_result_days,
        to_json(v.applicant_kinds) as applicant_kinds, v.documents, v.results, v.refusal_reasons, v.stages,
        to_json(v.aliases) as aliases,
        a.name as agency_name, a.short_name as agency_short_name, a.level as agency_level,
        c.title as category_title,
        coalesce((select json_agg(json_build_object('code', t.code, 'title', t.title) order by t.sort, t.code)
          from situations t where t.code = any(v.situation_codes)), '[]') as situations
      from ${published}
      left join agencies a on a.code = v.agency_code
      left join categories c on c.code = v.category_code
      where s.code = ${code}`,
  );
  return found[0];
}

/** How many published services pass the filters (and the search): for a page past the last one. */
export async function countServices(
  db: Db,
  plan: SearchPlan | null,
  filters: ServiceFilters,
): Promise<number> {
  const probe = { filters, limit: 1, offset: 0 };
  const first = plan ? await searchServices(db, plan, probe) : await listServices(db, probe);
  return first[0]?.total ?? 0;
}
