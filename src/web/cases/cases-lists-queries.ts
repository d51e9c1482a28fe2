/**
 * The reads of the cases' work lists and search (GET /api/cases through `casesApi.search`) as TanStack
 * Query options: a list is keyset-paginated, so it is an infinite query whose next page asks `after` the
 * last page's `next`. `count` reads one page of a work list for its tab («12», or «100+» when more remain).
 * Keys are `queryKeys.cases` (all under ['cases', 'list']: a change of a case marks them stale).
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CasePage, CaseSearchQuery, CaseWorkList } from '../../shared/cases.js';
import type { ServicesPage } from '../../shared/catalog.js';
import { api } from '../app/api.js';
import { queryKeys } from '../app/query-keys.js';
import { casesApi } from './cases-api.js';

/** What the search sends, without the page's `after`. */
export type CaseListParams = Omit<Partial<CaseSearchQuery>, 'after'>;

const keys = queryKeys.cases;

/** How many cases a tab counts at most: beyond it the tab says «100+». */
export const countLimit = 100;

export const caseListQueries = {
  list: (params: CaseListParams) =>
    infiniteQueryOptions({
      queryKey: keys.pages(params),
      queryFn: ({ pageParam, signal }) => casesApi.search({ ...params, after: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: CasePage) => last.next ?? undefined,
      placeholderData: keepPreviousData,
    }),
  count: (list: CaseWorkList, params: CaseListParams) =>
    queryOptions({
      queryKey: keys.count(list, params),
      queryFn: async ({ signal }) => {
        const page = await casesApi.search({ ...params, list, limit: countLimit }, signal);
        return { count: page.items.length, more: page.next !== null };
      },
    }),
  /** Every service of the public catalog (code and title) for the search's pick list: pages of 100. */
  services: () =>
    queryOptions({
      queryKey: keys.services(),
      queryFn: async ({ signal }) => {
        const items: ServicesPage['items'] = [];
        for (let page = 1; ; page++) {
          const found = await api.services({ page, limit: 100 }, signal);
          items.push(...found.items);
          if (found.items.length === 0 || items.length >= found.total) return items;
        }
      },
      staleTime: 5 * 60_000,
    }),
};
