/**
 * The analytics' reads (GET /api/analytics/summary, /top-services, /breakdown) as typed calls, and the
 * address of a table's export: the same URL with `format=csv` or `format=xlsx`, opened by a plain link
 * (the session cookie goes with it; a GET needs no CSRF token).
 */
import type { AnalyticsSummary, Breakdown, BreakdownDimension, TopServices } from '../../shared/analytics.js';
import { queryString, request } from '../app/api.js';
import type { AnalyticsParams } from '../app/query-keys.js';

export type ExportFormat = 'csv' | 'xlsx';

const get = <T>(path: string, params: AnalyticsParams & { by?: BreakdownDimension }, signal?: AbortSignal) =>
  request<T>('GET', path, { params, signal });

export const analyticsApi = {
  summary: (params: AnalyticsParams, signal?: AbortSignal) =>
    get<AnalyticsSummary>('/api/analytics/summary', params, signal),
  topServices: (params: AnalyticsParams, signal?: AbortSignal) =>
    get<TopServices>('/api/analytics/top-services', params, signal),
  breakdown: (by: BreakdownDimension, params: AnalyticsParams, signal?: AbortSignal) =>
    get<Breakdown>('/api/analytics/breakdown', { by, ...params }, signal),
};

/** Where a table is downloaded from: `/api/analytics/<what>?…&format=csv`. */
export function exportUrl(
  what: 'summary' | 'top-services' | 'breakdown',
  params: AnalyticsParams & { by?: BreakdownDimension },
  format: ExportFormat,
): string {
  return `/api/analytics/${what}${queryString({ ...params, format })}`;
}
