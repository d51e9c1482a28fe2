/**
 * The kiosk's API: its office's setup and the ticket it issues, both with the device token in
 * `X-Kiosk-Token` (src/shared/queue.ts `kioskHeader`); and the exchange of a one-time code for that token.
 */
import type { IssuedTicket, Kiosk, KioskSetup, TicketCreate } from '../../shared/queue.js';
import { request } from '../app/api.js';

const seg = encodeURIComponent;
/**
 * `kioskHeader` of src/shared/queue.ts, written out: a value imported from there would bring zod into the
 * kiosk's chunk (a citizen's screen loads no zod: its eval probe breaks the CSP). kiosk-api.test.ts keeps
 * the two equal.
 */
export const kioskTokenHeader = 'x-kiosk-token';

export const kioskApi = {
  setup: (office: string, token: string, signal?: AbortSignal) =>
    request<KioskSetup>('GET', `/api/offices/${seg(office)}/kiosk`, {
      signal,
      headers: { [kioskTokenHeader]: token },
    }),
  issue: (office: string, token: string, body: TicketCreate) =>
    request<IssuedTicket>('POST', `/api/offices/${seg(office)}/tickets`, {
      body,
      headers: { [kioskTokenHeader]: token },
    }),
  enroll: (code: string) =>
    request<{ token: string; kiosk: Kiosk }>('POST', '/api/kiosks/enroll', { body: { code } }),
};
