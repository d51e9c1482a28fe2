/**
 * The case screens' reads as TanStack Query options: `useQuery(caseQueries.case(id))`. The full applicant
 * is a logged view of personal data: read only when the person asked (`enabled`), never again on its own
 * (no refetch on focus or staleness), and forgotten as soon as nobody shows it.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { queryClient } from '../app/query-client.js';
import { type CaseSearchParams, queryKeys } from '../app/query-keys.js';
import { casesApi } from './cases-api.js';

const keys = queryKeys.cases;

export const caseQueries = {
  case: (id: string) =>
    queryOptions({ queryKey: keys.case(id), queryFn: ({ signal }) => casesApi.case(id, signal) }),
  /** Stale at once: back from a scan or the receipt in another tab, the page shows that view logged. */
  events: (id: string) =>
    queryOptions({
      queryKey: keys.events(id),
      queryFn: ({ signal }) => casesApi.events(id, signal),
      staleTime: 0,
    }),
  applicant: (id: string, shown: boolean) =>
    queryOptions({
      queryKey: keys.applicant(id),
      queryFn: async ({ signal }) => {
        const full = await casesApi.applicant(id, signal);
        // the view is in the trail now
        void queryClient.invalidateQueries({ queryKey: keys.events(id) });
        return full;
      },
      enabled: shown,
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: false,
    }),
  /** Search and work lists: the previous page stays on screen while the next one comes. */
  search: (params: CaseSearchParams) =>
    queryOptions({
      queryKey: keys.list(params),
      queryFn: ({ signal }) => casesApi.search(params, signal),
      placeholderData: keepPreviousData,
    }),
};
