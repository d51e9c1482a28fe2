import type { FastifyRequest } from 'fastify';
import { kioskHeader } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { actorScope } from '../staff/auth.policy.js';
import { scopeCoversOffice } from '../staff/scope-office.js';
import { kioskForOffice } from './kiosks.service.js';
import type { Issuer } from './tickets.service.js';

/** Staff who issue tickets (and check booked visitors in) at the window, for the offices of their scope. */
export const issuingRoles = ['operator', 'office_head'] as const;

/** The enrolled kiosk of the office whose device token the request carries (X-Kiosk-Token), marked seen; else null. */
export async function requestKiosk(db: Db, request: FastifyRequest, office: string, now: Date) {
  const token = request.headers[kioskHeader];
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  return kioskForOffice(db, token, office, now);
}

/**
 * Who may put a person in the office's queue with this request: an enrolled kiosk of the office, or its
 * operator or office head; null for anyone else (the caller refuses with KIOSK_REQUIRED in its own words).
 */
export async function officeIssuer(
  db: Db,
  request: FastifyRequest,
  office: string,
  now: Date,
): Promise<Issuer | null> {
  const kiosk = await requestKiosk(db, request, office, now);
  if (kiosk) return { kind: 'kiosk', kioskId: kiosk.id };
  if (request.actor && (await scopeCoversOffice(db, actorScope(request, issuingRoles), office))) {
    return { kind: 'staff', userId: request.actor.userId };
  }
  return null;
}
