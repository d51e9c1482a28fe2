import type { MessageContext } from '../../../shared/notifications.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { serviceForMessage } from '../catalog/services.lookup.js';
import { officeForMessage } from '../network/service-offices.js';

/**
 * The catalog's and the network's citizen-facing texts a message uses: the office (name, address, phone,
 * time zone) and the service (titles, documents to bring), asked of their modules. The sending module adds
 * its own facts (a time, a booking code, a case number).
 */
export async function messageContextFor(
  db: Db,
  p: { officeCode: string; serviceCode?: string },
): Promise<Pick<MessageContext, 'office' | 'service' | 'timeZone'>> {
  const [office, service] = await Promise.all([
    officeForMessage(db, p.officeCode),
    p.serviceCode ? serviceForMessage(db, p.serviceCode) : undefined,
  ]);
  if (!office) throw notFound('office');
  if (p.serviceCode && !service) throw notFound('service');
  return {
    timeZone: office.timeZone,
    office: { name: office.name, address: office.address, phone: office.phone },
    ...(service ? { service } : {}),
  };
}
