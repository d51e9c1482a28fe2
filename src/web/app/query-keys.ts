/**
 * Every query key of the web app, per domain, in one place; and what a change invalidates.
 * Keys are arrays that start with their domain, so a prefix names a group:
 *   queryKeys.admin.offices() → ['admin', 'offices'] matches every filtered list of offices.
 * `changedKeys(entity, key)` says which cached answers a change of one object makes stale — its
 * `entity` is the change log's (src/shared/history.ts), so a mutation and, later, a live event
 * (SSE: `{ entity, key }`) go through the same `invalidateChanged(queryClient, entity, key)`.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BreakdownDimension } from '../../shared/analytics.js';
import type { CallbackStatus, CallsQuery } from '../../shared/callcenter.js';
import type { CaseSearchQuery } from '../../shared/cases.js';
import type { adminServicesQuerySchema } from '../../shared/catalog.admin.js';
import type { servicesQuerySchema } from '../../shared/catalog.js';
import type { ChangeEntity } from '../../shared/history.js';
import type { adminOfficesQuerySchema } from '../../shared/network.admin.js';
import type { officesQuerySchema } from '../../shared/network.js';
import type { figuresQuerySchema, outboxQuerySchema } from '../../shared/notifications.admin.js';
import type { securityLogQuerySchema } from '../../shared/staff.admin.js';

export type ServicesParams = Partial<z.infer<typeof servicesQuerySchema>>;
export type OfficesParams = Partial<z.infer<typeof officesQuerySchema>>;
export type AdminOfficesParams = Partial<z.infer<typeof adminOfficesQuerySchema>>;
export type AdminServicesParams = Partial<z.infer<typeof adminServicesQuerySchema>>;
export type SecurityLogParams = Partial<z.infer<typeof securityLogQuerySchema>>;
export type OutboxParams = Partial<z.infer<typeof outboxQuerySchema>>;
export type OutboxFiguresParams = Partial<z.infer<typeof figuresQuerySchema>>;
export type CallsParams = Partial<CallsQuery>;
/** The analytics' filters that are set (dates YYYY-MM-DD, codes); no format: the screens read JSON. */
export type AnalyticsParams = Partial<
  Record<'from' | 'to' | 'district' | 'office' | 'service' | 'limit', string | number>
>;
export type CaseSearchParams = Partial<Record<keyof CaseSearchQuery, string | number>>;

export const queryKeys = {
  /** The public catalog (portal). */
  catalog: {
    all: ['catalog'] as const,
    services: (params: ServicesParams) => ['catalog', 'services', params] as const,
    service: (code: string) => ['catalog', 'service', code] as const,
    agencies: () => ['catalog', 'agencies'] as const,
    categories: () => ['catalog', 'categories'] as const,
    situations: () => ['catalog', 'situations'] as const,
  },
  /** The public network: districts and offices (portal). */
  network: {
    all: ['network'] as const,
    districts: () => ['network', 'districts'] as const,
    offices: (params: OfficesParams) => ['network', 'offices', params] as const,
    office: (code: string) => ['network', 'office', code] as const,
  },
  /**
   * The electronic queue: its public screens (the kiosk's setup — its office, load, services, priorities —,
   * the board, a ticket, offices' load) and its staff screens (the operator's window, the office head's
   * overview). Everything under ['queue'] is dropped at sign-in and sign-out.
   */
  queue: {
    all: ['queue'] as const,
    kioskSetup: (office: string) => ['queue', 'kiosk-setup', office] as const,
    /**
     * The kiosk's booking for a later day: the office's free days of a service, then a day's free times
     * (without the date: every day's of the service, stale at once after a booking).
     */
    kioskDays: (office: string, service: string) => ['queue', 'kiosk-days', office, service] as const,
    kioskTimes: (office: string, service: string, date?: string) =>
      date === undefined
        ? (['queue', 'kiosk-times', office, service] as const)
        : (['queue', 'kiosk-times', office, service, date] as const),
    board: (office: string) => ['queue', 'board', office] as const,
    ticket: (track: string) => ['queue', 'ticket', track] as const,
    officeLoad: (office: string) => ['queue', 'load', 'office', office] as const,
    load: (params: { offices?: string; service?: string }) => ['queue', 'load', params] as const,
    /** The window the signed-in operator holds (theirs alone: ['queue'] is dropped at sign-out). */
    myWindow: () => ['queue', 'my-window'] as const,
    /** The office head's overview (the operator's console reads it too). */
    overview: (office?: string) =>
      office === undefined ? (['queue', 'overview'] as const) : (['queue', 'overview', office] as const),
    /** The situational center: every office of the user's scope live (issue 12; dropped with ['queue']). */
    situation: () => ['queue', 'situation'] as const,
  },
  /**
   * Pre-booking on the portal: offices with their first free time, a month's free days, a day's free
   * times, and a booking as its holder sees it (by code and phone).
   */
  booking: {
    all: ['booking'] as const,
    offices: (params: { service: string; lat?: number; lon?: number }) =>
      ['booking', 'offices', params] as const,
    availability: (office: string, service: string) => ['booking', 'availability', office, service] as const,
    slots: (office: string, service: string, date: string) =>
      ['booking', 'slots', office, service, date] as const,
    booking: (code: string, phone: string) => ['booking', 'booking', code, phone] as const,
  },
  /** A citizen's notifications: whether an unsubscribe link is valid. */
  notifications: {
    unsubscribe: (token: string) => ['notifications', 'unsubscribe', token] as const,
  },
  /** A case's status as its holder sees it (number and PIN): the portal's /status and the kiosk. */
  caseStatus: {
    all: ['case-status'] as const,
    lookup: (number: string, pin: string) => ['case-status', number, pin] as const,
  },
  /** The signed-in staff member. */
  staff: {
    session: () => ['staff', 'session'] as const,
  },
  /** The call-center console (callers' data, masked): everything under ['callcenter'] is dropped at sign-out. */
  callcenter: {
    all: ['callcenter'] as const,
    calls: (params?: CallsParams) =>
      params ? (['callcenter', 'calls', params] as const) : (['callcenter', 'calls'] as const),
    lookup: (phone?: string) =>
      phone === undefined ? (['callcenter', 'lookup'] as const) : (['callcenter', 'lookup', phone] as const),
    callbacks: (status?: CallbackStatus) =>
      status ? (['callcenter', 'callbacks', status] as const) : (['callcenter', 'callbacks'] as const),
    /** The predicted wait for a service at the offices offering it (the queue's load). */
    waits: (service: string) => ['callcenter', 'waits', service] as const,
    /** A case found by its number (the status and the masked applicant). */
    caseByNumber: (number: string) => ['callcenter', 'case', number] as const,
  },
  /**
   * Cases (issue 11), staff screens: a case, its trail, its full applicant (every read is logged: never
   * refetched on its own), the search and work lists. Everything under ['cases'] is dropped at sign-out.
   */
  cases: {
    all: ['cases'] as const,
    case: (id: string) => ['cases', 'case', id] as const,
    events: (id: string) => ['cases', 'case', id, 'events'] as const,
    applicant: (id: string) => ['cases', 'case', id, 'applicant'] as const,
    /** Search results and work lists (['cases', 'list'] names them all). */
    list: (params?: CaseSearchParams) =>
      params ? (['cases', 'list', params] as const) : (['cases', 'list'] as const),
    /** The lists' pages read one after another («Показать ещё»: keyset), and a work list's count. */
    pages: (params: CaseSearchParams) => ['cases', 'list', params, 'pages'] as const,
    count: (list: string, params: CaseSearchParams) => ['cases', 'list', 'count', list, params] as const,
    /** Every service of the catalog (code and title) for the search's pick list. */
    services: () => ['cases', 'services'] as const,
    /** Registers: candidates, lists, one register (['cases', 'registers'] names them all). */
    registers: () => ['cases', 'registers'] as const,
    registerCandidates: (params: Record<string, string>) =>
      ['cases', 'registers', 'candidates', params] as const,
    registerList: (params: Record<string, string | number>) =>
      ['cases', 'registers', 'list', params] as const,
    register: (id: string) => ['cases', 'registers', 'one', id] as const,
    /** Interagency requests: of a case, or an office's list (['cases', 'requests'] names them all). */
    requests: (params?: Record<string, string | number>) =>
      params ? (['cases', 'requests', params] as const) : (['cases', 'requests'] as const),
  },
  /**
   * Analytics (issue 12): the summary, the top services and a breakdown, each for the view's filters. What
   * an office head sees differs from an analyst's: everything under ['analytics'] is dropped at sign-out.
   */
  analytics: {
    all: ['analytics'] as const,
    summary: (params: AnalyticsParams) => ['analytics', 'summary', params] as const,
    topServices: (params: AnalyticsParams) => ['analytics', 'top-services', params] as const,
    breakdown: (by: BreakdownDimension, params: AnalyticsParams) =>
      ['analytics', 'breakdown', by, params] as const,
  },
  /**
   * Quality (issue 12), staff screens: the follow-ups of low ratings by state and office, and the ratings'
   * pages read one after another (keyset). Everything under ['quality'] is dropped at sign-out.
   */
  quality: {
    all: ['quality'] as const,
    followUps: (params?: Record<string, string>) =>
      params ? (['quality', 'follow-ups', params] as const) : (['quality', 'follow-ups'] as const),
    ratings: (params?: Record<string, string>) =>
      params ? (['quality', 'ratings', params, 'pages'] as const) : (['quality', 'ratings'] as const),
  },
  /** The admin console; everything under ['admin'] is dropped at sign-out. */
  admin: {
    all: ['admin'] as const,
    districts: () => ['admin', 'districts'] as const,
    agencies: () => ['admin', 'agencies'] as const,
    offices: (params?: AdminOfficesParams) =>
      params ? (['admin', 'offices', params] as const) : (['admin', 'offices'] as const),
    office: (code: string) => ['admin', 'office', code] as const,
    services: (params?: AdminServicesParams) =>
      params ? (['admin', 'services', params] as const) : (['admin', 'services'] as const),
    service: (code: string) => ['admin', 'service', code] as const,
    serviceVersions: (code: string) => ['admin', 'service', code, 'versions'] as const,
    serviceOffices: (code: string) => ['admin', 'service', code, 'offices'] as const,
    calendar: (year?: number) =>
      year === undefined ? (['admin', 'calendar'] as const) : (['admin', 'calendar', year] as const),
    users: () => ['admin', 'users'] as const,
    securityLog: (params?: SecurityLogParams) =>
      params ? (['admin', 'security-log', params] as const) : (['admin', 'security-log'] as const),
    /** The outbox: ['admin', 'notifications'] names its lists, messages and figures together. */
    notifications: () => ['admin', 'notifications'] as const,
    outboxMessages: (params?: OutboxParams) =>
      params
        ? (['admin', 'notifications', 'messages', params] as const)
        : (['admin', 'notifications', 'messages'] as const),
    outboxMessage: (id: string) => ['admin', 'notifications', 'message', id] as const,
    outboxFigures: (params?: OutboxFiguresParams) =>
      params
        ? (['admin', 'notifications', 'figures', params] as const)
        : (['admin', 'notifications', 'figures'] as const),
    /** The kiosks of an office (['admin', 'kiosks'] names every office's list). */
    kiosks: (office?: string) =>
      office === undefined ? (['admin', 'kiosks'] as const) : (['admin', 'kiosks', office] as const),
    history: (entity: ChangeEntity, key?: string) =>
      key === undefined
        ? (['admin', 'history', entity] as const)
        : (['admin', 'history', entity, key] as const),
  },
};

/** What a change of one object (a district, an office…) makes stale; `key` undefined: any of that kind. */
export function changedKeys(entity: ChangeEntity, key?: string): QueryKey[] {
  const a = queryKeys.admin;
  const history = a.history(entity);
  switch (entity) {
    case 'district':
      // an office shows its district's name and population (the legal minimum of hours)
      return [a.districts(), a.offices(), ['admin', 'office'], queryKeys.network.all, history];
    case 'agency':
      return [a.agencies(), a.services(), ['admin', 'service'], queryKeys.catalog.all, history];
    case 'office':
      // districts count their offices; a service lists the offices offering it
      return [
        key ? a.office(key) : ['admin', 'office'],
        a.offices(),
        a.districts(),
        ['admin', 'service'],
        queryKeys.network.all,
        queryKeys.catalog.all,
        history,
      ];
    case 'service':
      return [
        key ? a.service(key) : ['admin', 'service'],
        a.services(),
        a.agencies(),
        ['admin', 'office'],
        queryKeys.catalog.all,
        queryKeys.network.all,
        history,
      ];
    case 'calendar':
      // office hours resolve against the calendar
      return [a.calendar(), ['admin', 'office'], queryKeys.network.all, history];
    case 'user':
      return [a.users(), a.securityLog(), history];
    case 'kiosk':
      return [a.kiosks(), history];
  }
}

/** Marks stale (and refetches what is on screen) everything a change of `entity` `key` touched. */
export function invalidateChanged(client: QueryClient, entity: ChangeEntity, key?: string): Promise<void> {
  return Promise.all(changedKeys(entity, key).map((queryKey) => client.invalidateQueries({ queryKey }))).then(
    () => undefined,
  );
}
