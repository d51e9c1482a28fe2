/**
 * The analytics' reads as TanStack Query options, keyed by `queryKeys.analytics` with the view's filters.
 * The figures come from rollups and change slowly: a minute fresh; while new filters load, the previous
 * figures stay on screen (keepPreviousData) so the page does not jump.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BreakdownDimension } from '../../shared/analytics.js';
import { type AnalyticsParams, queryKeys } from '../app/query-keys.js';
import { analyticsApi } from './analytics-api.js';

const keys = queryKeys.analytics;
const fresh = 60_000;

export const analyticsQueries = {
  summary: (params: AnalyticsParams) =>
    queryOptions({
      queryKey: keys.summary(params),
      queryFn: ({ signal }) => analyticsApi.summary(params, signal),
      staleTime: fresh,
      placeholderData: keepPreviousData,
    }),
  topServices: (params: AnalyticsParams) =>
    queryOptions({
      queryKey: keys.topServices(params),
      queryFn: ({ signal }) => analyticsApi.topServices(params, signal),
      staleTime: fresh,
      placeholderData: keepPreviousData,
    }),
  breakdown: (by: BreakdownDimension, params: AnalyticsParams) =>
    queryOptions({
      queryKey: keys.breakdown(by, params),
      queryFn: ({ signal }) => analyticsApi.breakdown(by, params, signal),
      staleTime: fresh,
      placeholderData: keepPreviousData,
    }),
};
