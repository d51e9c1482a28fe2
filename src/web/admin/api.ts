/**
 * The admin console's API client: one function per /api/admin route, typed with the shared contracts
 * (src/shared/admin.ts). Mutations carry the CSRF token (src/web/app/api.ts sends it once signed in).
 */

import type { Grant } from '../../shared/auth.js';
import type { AdminAgency, AdminService, AgencyInput, ServiceCardInput } from '../../shared/catalog.admin.js';
import type { Change } from '../../shared/history.js';
import type {
  AdminCalendarDay,
  AdminDistrict,
  AdminOffice,
  AdminOfficeSummary,
  DistrictInput,
  ExceptionInput,
  HoursInput,
  OfficeInput,
  OfficeServicesInput,
  WindowInput,
} from '../../shared/network.admin.js';
import type { DayKind, OfficeKind } from '../../shared/network.js';
import type { AdminUser } from '../../shared/staff.admin.js';
import { request } from '../app/api.js';

type Body = Record<string, unknown>;
const seg = encodeURIComponent;
const get = <T>(path: string, params?: Record<string, string | number | undefined>, signal?: AbortSignal) =>
  request<T>('GET', path, { params, signal });
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const del = <T>(path: string) => request<T>('DELETE', path);

export type ServiceSummary = {
  code: string;
  title: string;
  agency: string | null;
  category: string | null;
  publishedVersion: number | null;
  draftVersion: number | null;
  updatedAt: string;
};
export type ServiceVersion = {
  version: number;
  status: 'draft' | 'published' | 'archived';
  title: string;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
};
export type ServiceOffices = { offices: string[]; officesOfferingAll: string[] };
export type CalendarYear = { year: number; days: AdminCalendarDay[] };
export type SecurityLogParams = {
  login?: string;
  event?: string;
  from?: string;
  to?: string;
  page?: number;
  limit?: number;
};
export type SecurityLogEntry = {
  id: string;
  at: string;
  userId: string | null;
  login: string | null;
  event: string;
  ip: string | null;
  userAgent: string | null;
  result: string;
  details: unknown;
};
export type OfficeUpdate = Omit<OfficeInput, 'code'>;

export const adminApi = {
  districts: (signal?: AbortSignal) => get<AdminDistrict[]>('/api/admin/districts', undefined, signal),
  createDistrict: (body: DistrictInput) => post<AdminDistrict>('/api/admin/districts', body),
  editDistrict: (code: string, body: Omit<DistrictInput, 'code'>) =>
    put<AdminDistrict>(`/api/admin/districts/${seg(code)}`, body),

  agencies: (signal?: AbortSignal) => get<AdminAgency[]>('/api/admin/agencies', undefined, signal),
  createAgency: (body: AgencyInput) => post<AdminAgency>('/api/admin/agencies', body),
  editAgency: (code: string, body: Omit<AgencyInput, 'code'>) =>
    put<AdminAgency>(`/api/admin/agencies/${seg(code)}`, body),

  offices: (params: { district?: string; kind?: OfficeKind; status?: string }, signal?: AbortSignal) =>
    get<AdminOfficeSummary[]>('/api/admin/offices', params, signal),
  office: (code: string, signal?: AbortSignal) =>
    get<AdminOffice>(`/api/admin/offices/${seg(code)}`, undefined, signal),
  createOffice: (body: OfficeInput) => post<AdminOffice>('/api/admin/offices', body),
  editOffice: (code: string, body: OfficeUpdate) => put<AdminOffice>(`/api/admin/offices/${seg(code)}`, body),
  closeOffice: (code: string) => post<AdminOffice>(`/api/admin/offices/${seg(code)}/close`),
  reopenOffice: (code: string) => post<AdminOffice>(`/api/admin/offices/${seg(code)}/reopen`),
  setWindows: (code: string, windows: WindowInput[]) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/windows`, { windows }),
  setHours: (code: string, hours: HoursInput[]) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/hours`, { hours }),
  setException: (code: string, date: string, body: ExceptionInput) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/exceptions/${seg(date)}`, body),
  removeException: (code: string, date: string) =>
    del<AdminOffice>(`/api/admin/offices/${seg(code)}/exceptions/${seg(date)}`),
  setOfficeServices: (code: string, body: OfficeServicesInput) =>
    put<AdminOffice>(`/api/admin/offices/${seg(code)}/services`, body),

  services: (params: { q?: string; status?: string; page?: number; limit?: number }, signal?: AbortSignal) =>
    get<{ items: ServiceSummary[]; total: number }>('/api/admin/services', params, signal),
  service: (code: string, signal?: AbortSignal) =>
    get<AdminService>(`/api/admin/services/${seg(code)}`, undefined, signal),
  createService: (body: Body) => post<AdminService>('/api/admin/services', body),
  saveService: (code: string, body: ServiceCardInput) =>
    put<AdminService>(`/api/admin/services/${seg(code)}`, body),
  publishService: (code: string) => post<AdminService>(`/api/admin/services/${seg(code)}/publish`),
  discardDraft: (code: string) => del<AdminService>(`/api/admin/services/${seg(code)}/draft`),
  serviceVersions: (code: string, signal?: AbortSignal) =>
    get<ServiceVersion[]>(`/api/admin/services/${seg(code)}/versions`, undefined, signal),
  serviceOffices: (code: string, signal?: AbortSignal) =>
    get<ServiceOffices>(`/api/admin/services/${seg(code)}/offices`, undefined, signal),
  setServiceOffices: (code: string, offices: string[]) =>
    put<ServiceOffices>(`/api/admin/services/${seg(code)}/offices`, { offices }),

  calendar: (year: number, signal?: AbortSignal) =>
    get<CalendarYear>('/api/admin/calendar', { year }, signal),
  setCalendarDay: (date: string, body: { kind: DayKind; note: string | null }) =>
    put<AdminCalendarDay>(`/api/admin/calendar/${seg(date)}`, body),
  removeCalendarDay: (date: string) => del<AdminCalendarDay>(`/api/admin/calendar/${seg(date)}`),
  importCalendar: (body: { year: number; format: 'csv' | 'json'; content: string }) =>
    post<{ year: number; overrides: number }>('/api/admin/calendar/import', body),

  users: (signal?: AbortSignal) => get<AdminUser[]>('/api/admin/users', undefined, signal),
  createUser: (body: { login: string; fullName: string; password: string; grants: Grant[] }) =>
    post<AdminUser>('/api/admin/users', body),
  setGrants: (id: string, grants: Grant[]) =>
    put<AdminUser>(`/api/admin/users/${seg(id)}/grants`, { grants }),
  resetPassword: (id: string, password: string) =>
    post<AdminUser>(`/api/admin/users/${seg(id)}/reset-password`, { password }),
  unlockUser: (id: string) => post<AdminUser>(`/api/admin/users/${seg(id)}/unlock`),
  setUserDisabled: (id: string, disabled: boolean) =>
    post<AdminUser>(`/api/admin/users/${seg(id)}/${disabled ? 'disable' : 'enable'}`),
  securityLog: (params: SecurityLogParams, signal?: AbortSignal) =>
    get<{ items: SecurityLogEntry[]; total: number }>('/api/admin/security-log', params, signal),

  history: (entity: string, key: string | undefined, signal?: AbortSignal) =>
    get<{ items: Change[]; total: number }>('/api/admin/history', { entity, key, limit: 50 }, signal),
};
