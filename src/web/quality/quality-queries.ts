/**
 * The quality screen's reads as TanStack Query options: a state's follow-ups (one answer, no pages), and
 * the ratings as an infinite query (the previous answer shown while a new filter loads) whose next page asks `after` the last page's `next` (keyset).
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { RatingPage } from '../../shared/ratings.js';
import { queryKeys } from '../app/query-keys.js';
import { type FollowUpParams, qualityApi, type RatingParams } from './quality-api.js';

const keys = queryKeys.quality;

/** The set values only: a key does not change with an empty filter. */
function defined(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
}

export const qualityQueries = {
  followUps: (params: FollowUpParams) =>
    queryOptions({
      queryKey: keys.followUps(defined(params)),
      queryFn: ({ signal }) => qualityApi.followUps(params, signal),
    }),
  ratings: (params: RatingParams) =>
    infiniteQueryOptions({
      queryKey: keys.ratings(defined(params)),
      queryFn: ({ pageParam, signal }) => qualityApi.ratings({ ...params, after: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: RatingPage) => last.next ?? undefined,
      placeholderData: keepPreviousData,
    }),
};
