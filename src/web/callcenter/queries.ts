/**
 * The call-center console's reads as TanStack Query options: `useQuery(callcenterQueries.lookup(phone))`.
 * Call-backs are re-read every minute (one turns overdue while the list is on screen).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CallbackStatus } from '../../shared/callcenter.js';
import { type CallsParams, queryKeys } from '../app/query-keys.js';
import { callcenterApi } from './api.js';

const keys = queryKeys.callcenter;

/** The operator's latest calls: the log's first page, where a running call is found again after a reload. */
export const myLatestCalls: CallsParams = { mine: 'true', page: 1, limit: 20 };

export const callcenterQueries = {
  calls: (params: CallsParams) =>
    queryOptions({
      queryKey: keys.calls(params),
      queryFn: ({ signal }) => callcenterApi.calls(params, signal),
      placeholderData: keepPreviousData,
    }),
  /**
   * What okno knows of a number; on the operator's running call the bookings come in full once the caller
   * is verified (the key holds the call and its verification, so answering re-reads it).
   */
  lookup: (phone: string, call?: { id: string; verifiedAt: string | null } | null) =>
    queryOptions({
      queryKey: [...keys.lookup(phone), call?.id ?? null, call?.verifiedAt ?? null] as const,
      queryFn: ({ signal }) => callcenterApi.lookup(phone, signal, call?.id),
      // the answer for the number stays on screen while the verified one is read
      placeholderData: (previous, query) => (query?.queryKey[2] === phone ? previous : undefined),
      enabled: phone !== '',
    }),
  /** A case by its number (a 404 is an answer: no such case). */
  caseByNumber: (number: string) =>
    queryOptions({
      queryKey: keys.caseByNumber(number),
      queryFn: ({ signal }) => callcenterApi.caseByNumber(number, signal),
      enabled: number !== '',
    }),
  /** Today's predicted wait per office for a service: re-read each minute while shown. */
  waits: (service: string) =>
    queryOptions({
      queryKey: keys.waits(service),
      queryFn: ({ signal }) => callcenterApi.waits(service, signal),
      refetchInterval: 60_000,
    }),
  callbacks: (status: CallbackStatus = 'open') =>
    queryOptions({
      queryKey: keys.callbacks(status),
      queryFn: ({ signal }) => callcenterApi.callbacks(status, signal),
      refetchInterval: 60_000,
    }),
};
