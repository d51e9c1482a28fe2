/**
 * The cases' staff client (issue 11): one function per route of the case screens, typed with the shared
 * contracts (src/shared/cases.ts). Components do not call the reads directly: they read through
 * `caseQueries` (cases-queries.ts). Once the server said yes, a write whose answer is the case puts it in
 * the cache in place of its copy, and marks stale its trail and every list (a stage, a due date or a
 * suspension moves a case between work lists).
 */
import type { z } from 'zod';
import type {
  Case,
  CaseCreate,
  CaseCreated,
  CaseEvent,
  CasePage,
  caseDocumentAddSchema,
  caseIssueSchema,
  caseSuspendSchema,
  caseTransitionSchema,
  FullApplicant,
} from '../../shared/cases.js';
import { request } from '../app/api.js';
import { queryClient } from '../app/query-client.js';
import { type CaseSearchParams, queryKeys } from '../app/query-keys.js';

export type CaseTransitionBody = z.input<typeof caseTransitionSchema>;
export type CaseIssueBody = z.input<typeof caseIssueSchema>;
export type CaseDocumentAddBody = z.input<typeof caseDocumentAddSchema>;
export type CaseSuspendBody = z.input<typeof caseSuspendSchema>;

const seg = encodeURIComponent;
const keys = queryKeys.cases;
const casePath = (id: string) => `/api/cases/${seg(id)}`;
const get = <T>(path: string, signal?: AbortSignal, params?: CaseSearchParams) =>
  request<T>('GET', path, { signal, params });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });

/** The case as the server answered a change: the cached copy replaced; its trail and the lists stale. */
export async function caseChanged<T extends Case>(changed: T): Promise<T> {
  const { pin: _pin, ...kept } = changed as T & { pin?: string };
  // the PIN is shown once, on the acceptance's answer: never kept in the cache
  queryClient.setQueryData<Case>(keys.case(changed.id), kept as Case);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.events(changed.id) }),
    queryClient.invalidateQueries({ queryKey: keys.list() }),
  ]);
  return changed;
}

export const casesApi = {
  case: (id: string, signal?: AbortSignal) => get<Case>(casePath(id), signal),
  events: (id: string, signal?: AbortSignal) => get<CaseEvent[]>(`${casePath(id)}/events`, signal),
  /** The full applicant: every call is a logged view of personal data (152-ФЗ). */
  applicant: (id: string, signal?: AbortSignal) => get<FullApplicant>(`${casePath(id)}/applicant`, signal),
  /** Search and work lists, newest first: pass the page's `next` as `after` for the next one. */
  search: (params: CaseSearchParams, signal?: AbortSignal) => get<CasePage>('/api/cases', signal, params),

  /** Acceptance: the answer carries the PIN, once. */
  create: (body: CaseCreate) => post<CaseCreated>('/api/cases', body).then(caseChanged),
  transition: (id: string, body: CaseTransitionBody) =>
    post<Case>(`${casePath(id)}/transitions`, body).then(caseChanged),
  issue: (id: string, body: CaseIssueBody) => post<Case>(`${casePath(id)}/issue`, body).then(caseChanged),
  addDocument: (id: string, body: CaseDocumentAddBody) =>
    post<Case>(`${casePath(id)}/documents`, body).then(caseChanged),
  suspend: (id: string, body: CaseSuspendBody) =>
    post<Case>(`${casePath(id)}/suspensions`, body).then(caseChanged),
  endSuspension: (id: string, suspension: string) =>
    post<Case>(`${casePath(id)}/suspensions/${seg(suspension)}/end`).then(caseChanged),
};

/** Addresses the browser opens itself (a PDF, a scan): each opening is logged by the server. */
export const caseLinks = {
  receipt: (id: string) => `${casePath(id)}/receipt.pdf`,
  scan: (id: string, document: string) => `${casePath(id)}/documents/${seg(document)}/scan`,
  page: (id: string) => `/cases/${seg(id)}`,
  accept: (params: { ticket?: string; office?: string; service?: string } = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `/cases/new?${text}` : '/cases/new';
  },
};
