/**
 * GET /api/status?number=&pin= — the one status API every channel reads (types only from src/shared/cases.ts:
 * a citizen's browser loads no zod). An unknown number and a wrong PIN are the same 404; 429 when a number or
 * an address failed too often.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CaseStatus } from '../../shared/cases.js';
import { type ApiError, request } from '../app/api.js';
import { isRetryable } from '../app/components.js';
import { queryKeys } from '../app/query-keys.js';

export const fetchCaseStatus = (
  number: string,
  pin: string,
  options: { signal?: AbortSignal; headers?: Record<string, string> } = {},
) => request<CaseStatus>('GET', '/api/status', { params: { number, pin }, ...options });

export const caseStatusQuery = (number: string, pin: string) =>
  queryOptions({
    queryKey: queryKeys.caseStatus.lookup(number, pin),
    queryFn: ({ signal }) => fetchCaseStatus(number, pin, { signal }),
    // a case moves in days, not seconds; a page brought back into view reads it again
    staleTime: 60_000,
  });

/** The minutes a number's lookups are refused for, when the server said (its per-number failure limit). */
export function retryAfterMinutes(error: ApiError): number | null {
  const minutes = (error.details as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes;
  return typeof minutes === 'number' && minutes > 0 ? minutes : null;
}

/** Which words a failed lookup reads as: not found (also a malformed query), too many tries, or try again. */
export function statusRefusal(error: ApiError): 'not_found' | 'rate_limited' | 'failed' {
  if (error.status === 429) return 'rate_limited';
  if (isRetryable(error)) return 'failed';
  return 'not_found';
}
