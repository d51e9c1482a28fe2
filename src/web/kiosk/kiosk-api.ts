/**
 * The kiosk's API: its office's setup and the ticket it issues, both with the device token in
 * `X-Kiosk-Token` (src/shared/queue.ts `kioskHeader`); and the exchange of a one-time code for that token.
 */
import {
  type IssuedTicket,
  type Kiosk,
  type KioskSetup,
  kioskHeader,
  type TicketCreate,
} from '../../shared/queue.js';
import { request } from '../app/api.js';

const seg = encodeURIComponent;

export const kioskApi = {
  setup: (office: string, token: string, signal?: AbortSignal) =>
    request<KioskSetup>('GET', `/api/offices/${seg(office)}/kiosk`, {
      signal,
      headers: { [kioskHeader]: token },
    }),
  issue: (office: string, token: string, body: TicketCreate) =>
    request<IssuedTicket>('POST', `/api/offices/${seg(office)}/tickets`, {
      body,
      headers: { [kioskHeader]: token },
    }),
  enroll: (code: string) =>
    request<{ token: string; kiosk: Kiosk }>('POST', '/api/kiosks/enroll', { body: { code } }),
};
