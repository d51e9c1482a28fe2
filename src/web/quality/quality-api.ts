/**
 * The quality screen's staff client (issue 12): the follow-ups of low ratings, closing one with its outcome,
 * the ratings' pages and the address of their CSV export — typed with the shared contracts
 * (src/shared/ratings.ts). Components read through `qualityQueries` (quality-queries.ts). Once the server
 * closed a follow-up, every follow-up list and every ratings page is stale (a rating shows its follow-up's state).
 */
import type { z } from 'zod';
import type { FollowUp, followUpListSchema, RatingListQuery, RatingPage } from '../../shared/ratings.js';
import { queryString, request } from '../app/api.js';
import { queryClient } from '../app/query-client.js';
import { queryKeys } from '../app/query-keys.js';

export type FollowUpList = z.infer<typeof followUpListSchema>;
export type FollowUpStatus = 'open' | 'overdue' | 'closed';
export type FollowUpParams = { status: FollowUpStatus; office?: string };
/** The ratings' filters the screen offers (the API takes a district too), without the page's `after`. */
export type RatingParams = Partial<Pick<RatingListQuery, 'from' | 'to' | 'office' | 'service' | 'low'>>;

const seg = encodeURIComponent;

/** What a close changes: the follow-up lists (it moves to «Закрытые») and the ratings' follow-up column. */
async function followUpChanged(changed: FollowUp): Promise<FollowUp> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.quality.followUps() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.quality.ratings() }),
  ]);
  return changed;
}

export const qualityApi = {
  followUps: (params: FollowUpParams, signal?: AbortSignal) =>
    request<FollowUpList>('GET', '/api/quality/follow-ups', { signal, params }),
  ratings: (params: RatingParams & { after?: string }, signal?: AbortSignal) =>
    request<RatingPage>('GET', '/api/quality/ratings', { signal, params }),
  /** The office head's outcome; a follow-up closed meanwhile answers 409 ALREADY_CLOSED. */
  close: (id: string, body: { outcome: string }) =>
    request<FollowUp>('POST', `/api/quality/follow-ups/${seg(id)}/close`, { body }).then(followUpChanged),
};

/** The CSV export: the same filters as the list, `format=csv` (the browser downloads it with the session). */
export const ratingsCsvHref = (params: RatingParams) =>
  `/api/quality/ratings${queryString({ ...params, format: 'csv' })}`;
