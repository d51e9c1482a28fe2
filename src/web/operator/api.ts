/**
 * The electronic queue's staff client: one function per route the operator's console and the office head's
 * screen use, typed with the shared contracts (src/shared/queue.ts). Once the server said yes, an answer
 * that is the window's ticket or the window itself replaces its copy in the cached «my window», and every
 * change marks stale the operator's window and the office's overview (the board's events do the same for
 * changes made elsewhere: live.ts).
 */
import type { z } from 'zod';
import type {
  callNextResultSchema,
  finishBodySchema,
  IssuedTicket,
  KioskSetup,
  MyWindow,
  OfficeOverview,
  postponeBodySchema,
  redirectBodySchema,
  StaffTicket,
  TicketCreate,
  WindowState,
} from '../../shared/queue.js';
import { request } from '../app/api.js';
import { queryClient } from '../app/query-client.js';
import { queryKeys } from '../app/query-keys.js';

export type FinishBody = z.output<typeof finishBodySchema>;
export type PostponeBody = z.output<typeof postponeBodySchema>;
export type RedirectBody = z.output<typeof redirectBodySchema>;
export type CallNextResult = z.output<typeof callNextResultSchema>;

const seg = encodeURIComponent;
const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const keys = queryKeys.queue;

/** After a change: the operator's window and the office's overview are read again (awaited: the screen shows the change before its buttons come back). */
async function refreshed<T>(result: T): Promise<T> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.myWindow() }),
    queryClient.invalidateQueries({ queryKey: keys.overview() }),
  ]);
  return result;
}

/** The window the operator holds, as the server answered with it. */
function windowChanged(window: WindowState): WindowState {
  queryClient.setQueryData<MyWindow>(keys.myWindow(), (mine) =>
    mine?.window?.number === window.number ? { ...mine, window } : mine,
  );
  return window;
}

/** The ticket at the operator's window as the server answered with it: still there (called, served) or gone. */
function ticketChanged(ticket: StaffTicket | null): void {
  queryClient.setQueryData<MyWindow>(keys.myWindow(), (mine) => {
    if (!mine?.window) return mine;
    const here =
      ticket !== null &&
      ticket.window === mine.window.number &&
      (ticket.status === 'called' || ticket.status === 'serving');
    if (here) return { ...mine, window: { ...mine.window, ticket } };
    return mine.window.ticket && (ticket === null || mine.window.ticket.id === ticket.id)
      ? { ...mine, window: { ...mine.window, ticket: null } }
      : mine;
  });
}

const windowPath = (office: string, number: number) => `/api/offices/${seg(office)}/windows/${number}`;
const ticketPath = (id: string) => `/api/tickets/${seg(id)}`;

const windowAction = (office: string, number: number, action: string, body?: unknown) =>
  post<WindowState>(`${windowPath(office, number)}/${action}`, body)
    .then(windowChanged)
    .then(refreshed);

const ticketAction = (id: string, action: string, body?: unknown) =>
  post<StaffTicket>(`${ticketPath(id)}/${action}`, body)
    .then((ticket) => {
      ticketChanged(ticket);
      return ticket;
    })
    .then(refreshed);

export const queueApi = {
  myWindow: (signal?: AbortSignal) => get<MyWindow>('/api/staff/queue/my-window', signal),
  overview: (office: string, signal?: AbortSignal) =>
    get<OfficeOverview>(`/api/offices/${seg(office)}/queue/overview`, signal),
  kioskSetup: (office: string, signal?: AbortSignal) =>
    get<KioskSetup>(`/api/offices/${seg(office)}/kiosk`, signal),

  openWindow: (office: string, number: number) =>
    post<WindowState>(`${windowPath(office, number)}/open`).then(refreshed),
  closeWindow: (office: string, number: number) => windowAction(office, number, 'close'),
  pause: (office: string, number: number, reason: string) =>
    windowAction(office, number, 'pause', { reason }),
  resume: (office: string, number: number) => windowAction(office, number, 'resume'),
  callNext: (office: string, number: number) =>
    post<CallNextResult>(`${windowPath(office, number)}/call-next`)
      .then((result) => {
        if (result.ticket) ticketChanged(result.ticket);
        return result;
      })
      .then(refreshed),

  recall: (id: string) => ticketAction(id, 'recall'),
  noShow: (id: string) => ticketAction(id, 'no-show'),
  start: (id: string) => ticketAction(id, 'start'),
  finish: (id: string, body: FinishBody) => ticketAction(id, 'finish', body),
  postpone: (id: string, body: PostponeBody) => ticketAction(id, 'postpone', body),
  redirect: (id: string, body: RedirectBody) => ticketAction(id, 'redirect', body),

  /** A ticket for a visitor who cannot use the kiosk, issued with the staff session. */
  issueTicket: (office: string, body: TicketCreate) =>
    post<IssuedTicket>(`/api/offices/${seg(office)}/tickets`, body).then(refreshed),
};
