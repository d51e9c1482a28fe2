/**
 * The rating's API for the citizen's browser and the kiosk (issue 12; types only from src/shared/ratings.ts:
 * no zod in a citizen's bundle): GET /api/ratings/{token} says what is rated (404: a token okno does not
 * know), POST /api/ratings/{token} takes the five scores (201; 409 ALREADY_RATED: this visit or case was
 * rated already).
 */
import { queryOptions } from '@tanstack/react-query';
import type { RatingCreate, RatingSaved, RatingSource, RatingTarget } from '../../shared/ratings.js';
import { request } from '../app/api.js';
import { isRetryable } from '../app/components.js';

const path = (token: string) => `/api/ratings/${encodeURIComponent(token)}`;

type Options = { signal?: AbortSignal; headers?: Record<string, string> };

export const ratingApi = {
  target: (token: string, options: Options = {}) => request<RatingTarget>('GET', path(token), options),
  rate: (token: string, body: RatingCreate, options: Options = {}) =>
    request<RatingSaved>('POST', path(token), { body, ...options }),
};

export const ratingKeys = { target: (token: string) => ['rating', 'target', token] as const };

export const ratingTargetQuery = (token: string, headers?: Record<string, string>) =>
  queryOptions({
    queryKey: ratingKeys.target(token),
    queryFn: ({ signal }) => ratingApi.target(token, { signal, headers }),
    // a wrong token stays wrong: no retries on a 404
    retry: (count, error) => count < 2 && isRetryable(error),
    staleTime: 0,
  });

/** The source a link says it came by (`?src=sms|email|qr`); anything else is the portal's own. */
export function sourceOf(src: string | null): RatingSource {
  return src === 'sms' || src === 'email' || src === 'qr' ? src : 'portal';
}

/** The rating page of a token. */
export const ratePath = (token: string, source?: RatingSource) =>
  `/rate/${encodeURIComponent(token)}${source ? `?src=${source}` : ''}`;
