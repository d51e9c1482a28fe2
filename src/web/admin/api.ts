/**
 * The admin console's API client: one function per /api/admin route, typed with the shared contracts
 * (src/shared/*.admin.ts, history.ts — types by z.infer, none declared here). Mutations carry the CSRF
 * token (src/web/app/api.ts sends it once signed in) and, once the server said yes, update the query
 * cache: an answer that is the object itself replaces its cached copy, and `invalidateChanged` marks
 * stale everything the change touched (query-keys.ts). Pages read through admin/queries.ts.
 */

import type { Grant } from '../../shared/auth.js';
import type {
  AdminAgency,
  AdminService,
  AdminServicesPage,
  AgencyInput,
  ServiceCardInput,
  ServiceCreateInput,
  ServiceOffices,
  ServiceVersion,
} from '../../shared/catalog.admin.js';
import type { ChangeEntity, HistoryPage } from '../../shared/history.js';
import type {
  AdminCalendarDay,
  AdminCalendarYear,
  AdminDistrict,
  AdminOffice,
  AdminOfficeSummary,
  CalendarDayInput,
  CalendarImportBody,
  CalendarImportResult,
  DistrictInput,
  ExceptionInput,
  HoursInput,
  OfficeInput,
  OfficeServicesInput,
  OfficeUpdate,
  WindowInput,
} from '../../shared/network.admin.js';
import type {
  OutboxFigures,
  OutboxMessageDetail,
  OutboxPage,
  TestMessageBody,
} from '../../shared/notifications.admin.js';
import type { Kiosk } from '../../shared/queue.js';
import type { AdminUser, SecurityLogPage, UserCreateInput } from '../../shared/staff.admin.js';
import { type Params, request } from '../app/api.js';
import { queryClient } from '../app/query-client.js';
import {
  type AdminOfficesParams,
  type AdminServicesParams,
  invalidateChanged,
  type OutboxFiguresParams,
  type OutboxParams,
  queryKeys,
  type SecurityLogParams,
} from '../app/query-keys.js';

export type { OfficeUpdate, SecurityLogParams };

const seg = encodeURIComponent;
const get = <T>(path: string, params?: Params, signal?: AbortSignal) =>
  request<T>('GET', path, { params, signal });
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const del = <T>(path: string) => request<T>('DELETE', path);

/** After a successful change of `entity` (its key from the answer): refresh what it touched. */
function changed<T>(entity: ChangeEntity, keyOf: (result: T) => string | undefined) {
  return (result: T): T => {
    void invalidateChanged(queryClient, entity, keyOf(result));
    return result;
  };
}
/** A created row goes at once into its cached list (the list page's form keeps editing it), then refreshed. */
const appendTo =
  <T>(listKey: readonly unknown[]) =>
  (created: T): T => {
    queryClient.setQueryData(listKey, (list?: T[]) => (list ? [...list, created] : list));
    return created;
  };
/** An answer that is the whole office / service: cached at once, then everything else it touched refreshed. */
const officeChanged = (office: AdminOffice) => {
  queryClient.setQueryData(queryKeys.admin.office(office.code), office);
  return changed<AdminOffice>('office', (o) => o.code)(office);
};
const serviceChanged = (service: AdminService) => {
  queryClient.setQueryData(queryKeys.admin.service(service.code), service);
  return changed<AdminService>('service', (s) => s.code)(service);
};
const userChanged = changed<AdminUser>('user', (u) => u.id);
/** A kiosk's answer: replaced (or added) in its office's cached list at once, then the lists refreshed. */
const kioskChanged = <T extends { kiosk: Kiosk } | Kiosk>(result: T): T => {
  const kiosk: Kiosk = 'kiosk' in result ? result.kiosk : (result as Kiosk);
  queryClient.setQueryData(queryKeys.admin.kiosks(kiosk.officeCode), (list?: Kiosk[]) =>
    list
      ? list.some((k) => k.id === kiosk.id)
        ? list.map((k) => (k.id === kiosk.id ? kiosk : k))
        : [...list, kiosk]
      : list,
  );
  return changed<T>('kiosk', () => kiosk.id)(result);
};
export type KioskEnrollment = { kiosk: Kiosk; code: string };
/** A day of the calendar: replaced in its cached year at once (the form shows it), then the rest refreshed. */
const dayChanged = (day: AdminCalendarDay) => {
  queryClient.setQueryData(
    queryKeys.admin.calendar(Number(day.date.slice(0, 4))),
    (year?: AdminCalendarYear) =>
      year ? { ...year, days: year.days.map((d) => (d.date === day.date ? day : d)) } : year,
  );
  return changed<AdminCalendarDay>('calendar', () => undefined)(day);
};

/**
 * Failed messages sent again: when the server took every one, the cached lists show them queued at once
 * (a list filtered to the failed keeps them in sight, marked stale until it is read again); otherwise
 * some had changed meanwhile and the lists are read again. Their cards and the figures are refreshed.
 */
const outboxRetried = (ids: readonly string[]) => (result: { retried: number }) => {
  const k = queryKeys.admin;
  if (result.retried === ids.length) {
    const now = new Date().toISOString();
    queryClient.setQueriesData<OutboxPage>({ queryKey: k.outboxMessages() }, (page) =>
      page
        ? {
            ...page,
            items: page.items.map((m) =>
              ids.includes(m.id) && m.status === 'failed'
                ? { ...m, status: 'queued', lastError: null, failedAt: null, nextAttemptAt: now }
                : m,
            ),
          }
        : page,
    );
    void queryClient.invalidateQueries({ queryKey: k.outboxMessages(), refetchType: 'none' });
  } else void queryClient.invalidateQueries({ queryKey: k.outboxMessages() });
  for (const id of ids) void queryClient.invalidateQueries({ queryKey: k.outboxMessage(id) });
  void queryClient.invalidateQueries({ queryKey: k.outboxFigures() });
  return result;
};

export const adminApi = {
  districts: (signal?: AbortSignal) => get<AdminDistrict[]>('/api/admin/districts', undefined, signal),
  createDistrict: (body: DistrictInput) =>
    post<AdminDistrict>('/api/admin/districts', body)
      .then(appendTo(queryKeys.admin.districts()))
      .then(changed('district', (d) => d.code)),
  editDistrict: (code: string, body: Omit<DistrictInput, 'code'>) =>
    put<AdminDistrict>(`/api/admin/districts/${seg(code)}`, body).then(changed('district', (d) => d.code)),

  agencies: (signal?: AbortSignal) => get<AdminAgency[]>('/api/admin/agencies', undefined, signal),
  createAgency: (body: AgencyInput) =>
    post<AdminAgency>('/api/admin/agencies', body)
      .then(appendTo(queryKeys.admin.agencies()))
      .then(changed('agency', (a) => a.code)),
  editAgency: (code: string, body: Omit<AgencyInput, 'code'>) =>
    put<AdminAgency>(`/api/admin/agencies/${seg(code)}`, body).then(changed('agency', (a) => a.code)),

  offices: (params: AdminOfficesParams, signal?: AbortSignal) =>
    get<AdminOfficeSummary[]>('/api/admin/offices', params, signal),
  office: (code: string, signal?: AbortSignal) =>
    get<AdminOffice>(`/api/admin/offices/${seg(code)}`, undefined, signal),
  createOffice: (body: OfficeInput) => post<AdminOffice>('/api/admin/offices', body).then(officeChanged),
  editOffice: (code: string, body: OfficeUpdate) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}`, body).then(officeChanged),
  closeOffice: (code: string) =>
    post<AdminOffice>(`/api/admin/offices/${seg(code)}/close`).then(officeChanged),
  reopenOffice: (code: string) =>
    post<AdminOffice>(`/api/admin/offices/${seg(code)}/reopen`).then(officeChanged),
  setWindows: (code: string, windows: WindowInput[]) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/windows`, { windows }).then(officeChanged),
  setHours: (code: string, hours: HoursInput[]) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/hours`, { hours }).then(officeChanged),
  setException: (code: string, date: string, body: ExceptionInput) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/exceptions/${seg(date)}`, body).then(officeChanged),
  removeException: (code: string, date: string) =>
    del<AdminOffice>(`/api/admin/offices/${seg(code)}/exceptions/${seg(date)}`).then(officeChanged),
  setOfficeServices: (code: string, body: OfficeServicesInput) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/services`, body).then(officeChanged),

  services: (params: AdminServicesParams, signal?: AbortSignal) =>
    get<AdminServicesPage>('/api/admin/services', params, signal),
  service: (code: string, signal?: AbortSignal) =>
    get<AdminService>(`/api/admin/services/${seg(code)}`, undefined, signal),
  createService: (
    body: Partial<ServiceCreateInput> & Pick<ServiceCreateInput, 'code' | 'title' | 'shortTitle'>,
  ) => post<AdminService>('/api/admin/services', body).then(serviceChanged),
  saveService: (code: string, body: ServiceCardInput) =>
    put<AdminService>(`/api/admin/services/${seg(code)}`, body).then(serviceChanged),
  publishService: (code: string) =>
    post<AdminService>(`/api/admin/services/${seg(code)}/publish`).then(serviceChanged),
  discardDraft: (code: string) =>
    del<AdminService>(`/api/admin/services/${seg(code)}/draft`).then(serviceChanged),
  serviceVersions: (code: string, signal?: AbortSignal) =>
    get<ServiceVersion[]>(`/api/admin/services/${seg(code)}/versions`, undefined, signal),
  serviceOffices: (code: string, signal?: AbortSignal) =>
    get<ServiceOffices>(`/api/admin/services/${seg(code)}/offices`, undefined, signal),
  setServiceOffices: (code: string, offices: string[]) =>
    put<ServiceOffices>(`/api/admin/services/${seg(code)}/offices`, { offices }).then(
      changed('service', () => code),
    ),

  calendar: (year: number, signal?: AbortSignal) =>
    get<AdminCalendarYear>('/api/admin/calendar', { year }, signal),
  setCalendarDay: (date: string, body: CalendarDayInput) =>
    put<AdminCalendarDay>(`/api/admin/calendar/${seg(date)}`, body).then(
      changed('calendar', () => undefined),
    ),
  removeCalendarDay: (date: string) =>
    del<AdminCalendarDay>(`/api/admin/calendar/${seg(date)}`).then(dayChanged),
  importCalendar: (body: CalendarImportBody) =>
    post<CalendarImportResult>('/api/admin/calendar/import', body).then(changed('calendar', () => undefined)),

  users: (signal?: AbortSignal) => get<AdminUser[]>('/api/admin/users', undefined, signal),
  createUser: (body: UserCreateInput) =>
    post<AdminUser>('/api/admin/users', body).then(appendTo(queryKeys.admin.users())).then(userChanged),
  setGrants: (id: string, grants: Grant[]) =>
    put<AdminUser>(`/api/admin/users/${seg(id)}/grants`, { grants }).then(userChanged),
  resetPassword: (id: string, password: string) =>
    post<AdminUser>(`/api/admin/users/${seg(id)}/reset-password`, { password }).then(userChanged),
  unlockUser: (id: string) => post<AdminUser>(`/api/admin/users/${seg(id)}/unlock`).then(userChanged),
  setUserDisabled: (id: string, disabled: boolean) =>
    post<AdminUser>(`/api/admin/users/${seg(id)}/${disabled ? 'disable' : 'enable'}`).then(userChanged),
  securityLog: (params: SecurityLogParams, signal?: AbortSignal) =>
    get<SecurityLogPage>('/api/admin/security-log', params, signal),

  outboxMessages: (params: OutboxParams, signal?: AbortSignal) =>
    get<OutboxPage>('/api/admin/notifications/messages', params, signal),
  outboxMessage: (id: string, signal?: AbortSignal) =>
    get<OutboxMessageDetail>(`/api/admin/notifications/messages/${seg(id)}`, undefined, signal),
  outboxFigures: (params: OutboxFiguresParams, signal?: AbortSignal) =>
    get<OutboxFigures>('/api/admin/notifications/figures', params, signal),
  sendTestMessage: (body: TestMessageBody) =>
    post<{ id: string }>('/api/admin/notifications/test', body).then((result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.outboxMessages() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.outboxFigures() });
      return result;
    }),
  retryMessages: (ids: string[]) =>
    post<{ retried: number }>('/api/admin/notifications/messages/retry', { ids }).then(outboxRetried(ids)),

  kiosks: (office: string, signal?: AbortSignal) => get<Kiosk[]>('/api/admin/kiosks', { office }, signal),
  createKiosk: (body: { office: string; label: string }) =>
    post<KioskEnrollment>('/api/admin/kiosks', body).then(kioskChanged),
  newKioskCode: (id: string) => post<KioskEnrollment>(`/api/admin/kiosks/${seg(id)}/code`).then(kioskChanged),
  revokeKiosk: (id: string) => post<Kiosk>(`/api/admin/kiosks/${seg(id)}/revoke`).then(kioskChanged),

  history: (entity: ChangeEntity, key: string | undefined, signal?: AbortSignal) =>
    get<HistoryPage>('/api/admin/history', { entity, key, limit: 50 }, signal),
};
