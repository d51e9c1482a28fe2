/**
 * The call-center console's API client: one function per /api/staff/callcenter route, typed with the
 * shared contracts (src/shared/callcenter.ts). Once the server said yes, a call it answers with replaces
 * its cached copy, and a change marks stale what it touched: a call — the log and the caller's lookup; a call-back — the list and the lookup; a re-sent
 * message — the lookup. The full view (`contact`) is never cached: every view is one logged read.
 */
import type {
  Call,
  Callback,
  CallbackCreateInput,
  CallbackStatus,
  CallcenterCase,
  CallerContact,
  CallerLookup,
  CallsPage,
  CallUpdateInput,
  VerifyInput,
} from '../../shared/callcenter.js';
import type { OutboxMessage } from '../../shared/notifications.admin.js';
import type { Channel } from '../../shared/notifications.js';
import type { OfficeLoad } from '../../shared/queue.js';
import { type Params, request } from '../app/api.js';
import { queryClient } from '../app/query-client.js';
import { type CallsParams, queryKeys } from '../app/query-keys.js';

const base = '/api/staff/callcenter';
const seg = encodeURIComponent;
const get = <T>(path: string, params?: Params, signal?: AbortSignal) =>
  request<T>('GET', path, { params, signal });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });

const keys = queryKeys.callcenter;
/** After a change: refresh the queries under these keys, then hand the answer on. */
const touched =
  (...groups: (readonly unknown[])[]) =>
  <T>(result: T): T => {
    for (const queryKey of groups) void queryClient.invalidateQueries({ queryKey });
    return result;
  };

/** A call the server answered with: put in place in every cached page of the log at once, then refreshed. */
const callChanged = (call: Call): Call => {
  queryClient.setQueriesData<CallsPage>({ queryKey: keys.calls() }, (page) =>
    page ? { ...page, items: page.items.map((c) => (c.id === call.id ? call : c)) } : page,
  );
  return call;
};

export const callcenterApi = {
  calls: (params: CallsParams, signal?: AbortSignal) => get<CallsPage>(`${base}/calls`, params, signal),
  startCall: (phone?: string) =>
    post<Call>(`${base}/calls`, phone ? { phone } : {}).then(touched(keys.calls())),
  updateCall: (id: string, body: CallUpdateInput) =>
    request<Call>('PATCH', `${base}/calls/${seg(id)}`, { body })
      .then(callChanged)
      .then(touched(keys.calls(), keys.lookup())),
  verify: (id: string, body: VerifyInput) =>
    post<Call>(`${base}/calls/${seg(id)}/verify`, body)
      .then(callChanged)
      .then(touched(keys.calls())),
  contact: (id: string) => get<CallerContact>(`${base}/calls/${seg(id)}/contact`),
  resend: (id: string, channel?: Channel) =>
    post<OutboxMessage>(`${base}/calls/${seg(id)}/resend`, channel ? { channel } : {}).then(
      touched(keys.lookup()),
    ),
  lookup: (phone: string, signal?: AbortSignal, call?: string) =>
    get<CallerLookup>(`${base}/lookup`, { phone, call }, signal),
  /** A case by its number: its status as the citizen sees it and the applicant masked. */
  caseByNumber: (number: string, signal?: AbortSignal) =>
    get<CallcenterCase>(`${base}/cases`, { number }, signal),
  /** The public load of the offices offering a service, with the predicted wait for it now. */
  waits: (service: string, signal?: AbortSignal) => get<OfficeLoad[]>('/api/queue/load', { service }, signal),
  callbacks: (status: CallbackStatus, signal?: AbortSignal) =>
    get<Callback[]>(`${base}/callbacks`, { status }, signal),
  createCallback: (body: CallbackCreateInput) =>
    post<Callback>(`${base}/callbacks`, body).then(touched(keys.callbacks(), keys.lookup())),
  callbackDone: (id: string) =>
    post<Callback>(`${base}/callbacks/${seg(id)}/done`).then(touched(keys.callbacks(), keys.lookup())),
};
