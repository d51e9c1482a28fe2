/**
 * The reads of the cases' work lists and search (GET /api/cases) as TanStack Query options: a list is
 * keyset-paginated, so it is an infinite query whose next page asks `after` the last page's `next`.
 * `caseListCount` reads one page of a work list for its tab's count («12», or «100+» when more remain).
 * Everything is under the key ['cases'], dropped at sign-out with the staff's other data.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CasePage, CaseSearchQuery, CaseWorkList } from '../../shared/cases.js';
import type { ServicesPage } from '../../shared/catalog.js';
import { api, request } from '../app/api.js';

/** What the search sends, without the page's `after`. */
export type CaseListParams = Omit<Partial<CaseSearchQuery>, 'after'>;

export const casesListApi = {
  search: (params: CaseListParams & { after?: string }, signal?: AbortSignal) =>
    request<CasePage>('GET', '/api/cases', { params, signal }),
};

export const caseListKeys = {
  all: ['cases'] as const,
  lists: () => ['cases', 'list'] as const,
  list: (params: CaseListParams) => ['cases', 'list', params] as const,
  count: (list: CaseWorkList, params: CaseListParams) => ['cases', 'count', list, params] as const,
  services: () => ['cases', 'services'] as const,
};

/** How many cases a tab counts at most: beyond it the tab says «100+». */
export const countLimit = 100;

export const caseListQueries = {
  list: (params: CaseListParams) =>
    infiniteQueryOptions({
      queryKey: caseListKeys.list(params),
      queryFn: ({ pageParam, signal }) => casesListApi.search({ ...params, after: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: CasePage) => last.next ?? undefined,
      placeholderData: keepPreviousData,
    }),
  count: (list: CaseWorkList, params: CaseListParams) =>
    queryOptions({
      queryKey: caseListKeys.count(list, params),
      queryFn: async ({ signal }) => {
        const page = await casesListApi.search({ ...params, list, limit: countLimit }, signal);
        return { count: page.items.length, more: page.next !== null };
      },
    }),
  /** Every service of the public catalog (code and title) for the search's pick list: pages of 100. */
  services: () =>
    queryOptions({
      queryKey: caseListKeys.services(),
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
