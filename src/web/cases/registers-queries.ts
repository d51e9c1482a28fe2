/**
 * Registers and interagency requests of the back office: the API (src/shared/case-registers.ts) and its
 * reads as TanStack Query options. A write's answer that is the register itself replaces its cached copy;
 * what it changed besides (the lists of registers, candidates, the cases' lists) is marked stale.
 */
import {
  infiniteQueryOptions,
  keepPreviousData,
  type QueryClient,
  queryOptions,
} from '@tanstack/react-query';
import type {
  AgencyRequest,
  Register,
  RegisterCandidates,
  RegisterCandidatesQuery,
  RegisterCreate,
  RegisterListQuery,
  RegisterPage,
  RequestCreate,
  RequestListQuery,
  RequestPage,
} from '../../shared/case-registers.js';
import { request } from '../app/api.js';
import { queryKeys } from '../app/query-keys.js';

export type RegisterListParams = Omit<Partial<RegisterListQuery>, 'after'>;
export type RequestListParams = Omit<Partial<RequestListQuery>, 'after'>;

const segment = (id: string) => encodeURIComponent(id);

/** The register's printable PDF: opening it is a print, logged on every case's trail. */
export const registerPdfUrl = (id: string) => `/api/registers/${segment(id)}/pdf`;

export const registersApi = {
  candidates: (params: RegisterCandidatesQuery, signal?: AbortSignal) =>
    request<RegisterCandidates>('GET', '/api/registers/candidates', { params, signal }),
  registers: (params: RegisterListParams & { after?: string }, signal?: AbortSignal) =>
    request<RegisterPage>('GET', '/api/registers', { params, signal }),
  register: (id: string, signal?: AbortSignal) =>
    request<Register>('GET', `/api/registers/${segment(id)}`, { signal }),
  create: (body: RegisterCreate) => request<Register>('POST', '/api/registers', { body }),
  handover: (id: string, courier: string) =>
    request<Register>('POST', `/api/registers/${segment(id)}/handover`, { body: { courier } }),
  accept: (id: string, acceptedBy: string) =>
    request<Register>('POST', `/api/registers/${segment(id)}/accept`, { body: { acceptedBy } }),
  removeCase: (id: string, caseId: string) =>
    request<Register>('DELETE', `/api/registers/${segment(id)}/cases/${segment(caseId)}`),
  requests: (params: RequestListParams & { after?: string }, signal?: AbortSignal) =>
    request<RequestPage>('GET', '/api/requests', { params, signal }),
  createRequest: (body: RequestCreate) => request<AgencyRequest>('POST', '/api/requests', { body }),
  /** An answer that came on paper or by e-mail: the case's suspension ends and its due date moves. */
  answerRequest: (id: string, text: string) =>
    request<AgencyRequest>('POST', `/api/requests/${segment(id)}/answer`, { body: { text } }),
};

const keys = queryKeys.cases;

export const registerQueries = {
  candidates: (params: RegisterCandidatesQuery) =>
    queryOptions({
      queryKey: keys.registerCandidates(params),
      queryFn: ({ signal }) => registersApi.candidates(params, signal),
    }),
  list: (params: RegisterListParams) =>
    infiniteQueryOptions({
      queryKey: keys.registerList(params),
      queryFn: ({ pageParam, signal }) => registersApi.registers({ ...params, after: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: RegisterPage) => last.next ?? undefined,
      placeholderData: keepPreviousData,
    }),
  register: (id: string) =>
    queryOptions({
      queryKey: keys.register(id),
      queryFn: ({ signal }) => registersApi.register(id, signal),
    }),
  requests: (params: RequestListParams) =>
    infiniteQueryOptions({
      queryKey: keys.requests(params),
      queryFn: ({ pageParam, signal }) => registersApi.requests({ ...params, after: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: RequestPage) => last.next ?? undefined,
      placeholderData: keepPreviousData,
    }),
};

/** A register changed (built, printed, handed over, accepted, a case taken off): its copy and what it touched. */
export async function registerChanged(client: QueryClient, register?: Register): Promise<void> {
  if (register) client.setQueryData(keys.register(register.id), register);
  await Promise.all([
    client.invalidateQueries({ queryKey: [...keys.registers(), 'list'] }),
    client.invalidateQueries({ queryKey: [...keys.registers(), 'candidates'] }),
    // the cases moved along their route (sent, ready, returned): their lists and pages
    client.invalidateQueries({ queryKey: keys.list() }),
    client.invalidateQueries({ queryKey: ['cases', 'case'] }),
  ]);
}

/** A request was made: the lists of requests and the cases (the case is suspended while it waits). */
export async function requestChanged(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: keys.requests() }),
    // the case is suspended while the request waits: its page and the lists
    client.invalidateQueries({ queryKey: ['cases', 'case'] }),
    client.invalidateQueries({ queryKey: keys.list() }),
  ]);
}
