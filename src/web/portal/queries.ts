/**
 * The portal's reads as TanStack Query options: `useQuery(portalQueries.office(code))`. Reference lists
 * (categories, agencies, situations, districts) change rarely: they stay fresh for 10 minutes.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../app/api.js';
import { type OfficesParams, queryKeys, type ServicesParams } from '../app/query-keys.js';

const references = 10 * 60_000;
const { catalog, network, notifications } = queryKeys;

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
  unsubscribeLink: (token: string) =>
    queryOptions({
      queryKey: notifications.unsubscribe(token),
      queryFn: ({ signal }) => api.unsubscribeLink(token, signal),
    }),
};
