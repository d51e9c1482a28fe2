import type {
  Agency,
  Category,
  ServiceCard,
  ServiceSummary,
  ServicesPage,
  ServicesQuery,
  Situation,
} from '../../../shared/catalog.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { openOfficesOffering } from '../network/service-offices.js';
import { buildSearchPlan, parseSearchWords } from './catalog.query.js';
import * as repo from './catalog.repository.js';

export type CatalogDeps = { db: Db };

export { refreshSearchWords } from './catalog.search-words.js';

export async function listAgencies({ db }: CatalogDeps): Promise<Agency[]> {
  return (await repo.listAgencies(db)).map(toAgencyDto);
}

export async function listCategories({ db }: CatalogDeps): Promise<Category[]> {
  return (await repo.listCategories(db)).map(toTopicDto);
}

export async function listSituations({ db }: CatalogDeps): Promise<Situation[]> {
  return (await repo.listSituations(db)).map(toTopicDto);
}

/**
 * One page of published services: searched by the citizen's words when `q` holds any (misspelt words
 * are replaced by their nearest lexicon words), otherwise the most requested first. Unknown filter
 * codes are not errors: they filter to nothing, like any filter that matches no service.
 */
export async function findServices({ db }: CatalogDeps, query: ServicesQuery): Promise<ServicesPage> {
  const words = parseSearchWords(query.q);
  const plan = words.length ? buildSearchPlan(words, await repo.findCorrections(db, words)) : null;
  const filters = {
    category: query.category,
    agency: query.agency,
    situation: query.situation,
    office: query.office,
  };
  const page = { filters, limit: query.limit, offset: (query.page - 1) * query.limit };
  const found = plan ? await repo.searchServices(db, plan, page) : await repo.listServices(db, page);
  const total = found[0]?.total ?? (page.offset > 0 ? await repo.countServices(db, plan, filters) : 0);
  return { items: found.map(toServiceSummaryDto), total };
}

export async function getServiceCard({ db }: CatalogDeps, code: string): Promise<ServiceCard> {
  const row = await repo.findServiceCard(db, code);
  if (!row) throw notFound(`service ${code}`);
  return toServiceCardDto(row, await openOfficesOffering(db, code));
}

const toAgencyDto = (r: repo.AgencyRow): Agency => ({
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  level: r.level,
  serviceCount: r.service_count,
});

const toTopicDto = (r: repo.TopicRow): Category => ({
  code: r.code,
  title: r.title,
  titleEn: r.title_en,
  serviceCount: r.service_count,
});

type SummaryFields = Omit<repo.ServiceSummaryRow, 'total'>;

function toServiceSummaryDto(r: SummaryFields): ServiceSummary {
  return {
    code: r.code,
    title: r.title,
    shortTitle: r.short_title,
    agency:
      r.agency_code && r.agency_short_name ? { code: r.agency_code, shortName: r.agency_short_name } : null,
    category: r.category_code && r.category_title ? { code: r.category_code, title: r.category_title } : null,
    fee: r.fee_amount === null ? null : { amount: r.fee_amount, note: r.fee_note },
    term: r.term_days === null || r.term_kind === null ? null : { days: r.term_days, kind: r.term_kind },
    popularity: r.popularity,
  };
}

function toServiceCardDto(r: repo.ServiceCardRow, offices: ServiceCard['offices']): ServiceCard {
  return {
    ...toServiceSummaryDto(r),
    description: r.description,
    agency:
      r.agency_code && r.agency_name && r.agency_short_name && r.agency_level
        ? {
            code: r.agency_code,
            name: r.agency_name,
            shortName: r.agency_short_name,
            level: r.agency_level,
          }
        : null,
    situations: r.situations,
    applicantKinds: r.applicant_kinds,
    keepResultDays: r.keep_result_days,
    documents: r.documents,
    results: r.results,
    refusalReasons: r.refusal_reasons,
    stages: r.stages,
    aliases: r.aliases,
    version: r.version,
    offices,
  };
}

export { isServicePublished, publishedServiceSummaries, serviceTitles } from './services.lookup.js';
