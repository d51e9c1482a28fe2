/**
 * The admin console's reads as TanStack Query options, one per route: `useQuery(adminQueries.office(code))`.
 * Keys come from app/query-keys.ts, so a mutation (admin/api.ts) or a live event invalidates them by domain.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AdminServicesPage } from '../../shared/catalog.admin.js';
import type { ChangeEntity } from '../../shared/history.js';
import {
  type AdminOfficesParams,
  type AdminServicesParams,
  type OutboxFiguresParams,
  type OutboxParams,
  queryKeys,
  type SecurityLogParams,
} from '../app/query-keys.js';
import { adminApi } from './api.js';

const k = queryKeys.admin;

export const adminQueries = {
  districts: () =>
    queryOptions({ queryKey: k.districts(), queryFn: ({ signal }) => adminApi.districts(signal) }),
  agencies: () =>
    queryOptions({ queryKey: k.agencies(), queryFn: ({ signal }) => adminApi.agencies(signal) }),
  offices: (params: AdminOfficesParams) =>
    queryOptions({
      queryKey: k.offices(params),
      queryFn: ({ signal }) => adminApi.offices(params, signal),
      placeholderData: keepPreviousData,
    }),
  office: (code: string) =>
    queryOptions({ queryKey: k.office(code), queryFn: ({ signal }) => adminApi.office(code, signal) }),
  services: (params: AdminServicesParams) =>
    queryOptions({
      queryKey: k.services(params),
      queryFn: ({ signal }) => adminApi.services(params, signal),
      placeholderData: keepPreviousData,
    }),
  /** Every published service (code and title) for a picker: the pages of 200 read one after another. */
  allPublishedServices: () =>
    queryOptions({
      queryKey: k.services({ status: 'published', limit: 200, page: 0 }),
      queryFn: async ({ signal }) => {
        const items: AdminServicesPage['items'] = [];
        for (let page = 1; ; page++) {
          const found = await adminApi.services({ status: 'published', limit: 200, page }, signal);
          items.push(...found.items);
          if (found.items.length === 0 || items.length >= found.total) return { items, total: found.total };
        }
      },
    }),
  service: (code: string) =>
    queryOptions({ queryKey: k.service(code), queryFn: ({ signal }) => adminApi.service(code, signal) }),
  serviceVersions: (code: string) =>
    queryOptions({
      queryKey: k.serviceVersions(code),
      queryFn: ({ signal }) => adminApi.serviceVersions(code, signal),
    }),
  serviceOffices: (code: string) =>
    queryOptions({
      queryKey: k.serviceOffices(code),
      queryFn: ({ signal }) => adminApi.serviceOffices(code, signal),
    }),
  calendar: (year: number) =>
    queryOptions({ queryKey: k.calendar(year), queryFn: ({ signal }) => adminApi.calendar(year, signal) }),
  users: () => queryOptions({ queryKey: k.users(), queryFn: ({ signal }) => adminApi.users(signal) }),
  securityLog: (params: SecurityLogParams) =>
    queryOptions({
      queryKey: k.securityLog(params),
      queryFn: ({ signal }) => adminApi.securityLog(params, signal),
      placeholderData: keepPreviousData,
    }),
  outboxMessages: (params: OutboxParams) =>
    queryOptions({
      queryKey: k.outboxMessages(params),
      queryFn: ({ signal }) => adminApi.outboxMessages(params, signal),
      placeholderData: keepPreviousData,
    }),
  outboxMessage: (id: string) =>
    queryOptions({
      queryKey: k.outboxMessage(id),
      queryFn: ({ signal }) => adminApi.outboxMessage(id, signal),
    }),
  outboxFigures: (params: OutboxFiguresParams) =>
    queryOptions({
      queryKey: k.outboxFigures(params),
      queryFn: ({ signal }) => adminApi.outboxFigures(params, signal),
      placeholderData: keepPreviousData,
    }),
  kiosks: (office: string) =>
    queryOptions({ queryKey: k.kiosks(office), queryFn: ({ signal }) => adminApi.kiosks(office, signal) }),
  history: (entity: ChangeEntity, key?: string) =>
    queryOptions({
      queryKey: k.history(entity, key),
      queryFn: ({ signal }) => adminApi.history(entity, key, signal),
    }),
};
