/**
 * The portal's reads as TanStack Query options: `useQuery(portalQueries.office(code))`. Reference lists
 * (categories, agencies, situations, districts) change rarely: they stay fresh for 10 minutes.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../app/api.js';
import { type OfficesParams, queryKeys, type ServicesParams } from '../app/query-keys.js';

const references = 10 * 60_000;
const { catalog, network, notifications, queue } = queryKeys;
/** The queue moves: its load is fresh for 30 s and refetched every minute while shown. */
const live = 60_000;

export const portalQueries = {
  services: (params: ServicesParams) =>
    queryOptions({
      queryKey: catalog.services(params),
      queryFn: ({ signal }) => api.services(params, signal),
      placeholderData: keepPreviousData,
    }),
  service: (code: string) =>
    queryOptions({ queryKey: catalog.service(code), queryFn: ({ signal }) => api.service(code, signal) }),
  agencies: () =>
    queryOptions({
      queryKey: catalog.agencies(),
      queryFn: ({ signal }) => api.agencies(signal),
      staleTime: references,
    }),
  categories: () =>
    queryOptions({
      queryKey: catalog.categories(),
      queryFn: ({ signal }) => api.categories(signal),
      staleTime: references,
    }),
  situations: () =>
    queryOptions({
      queryKey: catalog.situations(),
      queryFn: ({ signal }) => api.situations(signal),
      staleTime: references,
    }),
  districts: () =>
    queryOptions({
      queryKey: network.districts(),
      queryFn: ({ signal }) => api.districts(signal),
      staleTime: references,
    }),
  offices: (params: OfficesParams) =>
    queryOptions({
      queryKey: network.offices(params),
      queryFn: ({ signal }) => api.offices(params, signal),
      placeholderData: keepPreviousData,
    }),
  office: (code: string) =>
    queryOptions({ queryKey: network.office(code), queryFn: ({ signal }) => api.office(code, signal) }),
  board: (office: string) =>
    queryOptions({
      queryKey: queue.board(office),
      queryFn: ({ signal }) => api.board(office, signal),
      // the stream keeps it current; a refetch would jump back behind the events already applied
      staleTime: Number.POSITIVE_INFINITY,
    }),
  ticket: (track: string) =>
    queryOptions({
      queryKey: queue.ticket(track),
      queryFn: ({ signal }) => api.ticket(track, signal),
      refetchInterval: 20_000,
    }),
  officeLoad: (office: string) =>
    queryOptions({
      queryKey: queue.officeLoad(office),
      queryFn: ({ signal }) => api.officeLoad(office, signal),
      refetchInterval: live,
    }),
  queueLoad: (params: { offices?: string; service?: string }) =>
    queryOptions({
      queryKey: queue.load(params),
      queryFn: ({ signal }) => api.queueLoad(params, signal),
      refetchInterval: live,
      placeholderData: keepPreviousData,
    }),
  unsubscribeLink: (token: string) =>
    queryOptions({
      queryKey: notifications.unsubscribe(token),
      queryFn: ({ signal }) => api.unsubscribeLink(token, signal),
    }),
};
