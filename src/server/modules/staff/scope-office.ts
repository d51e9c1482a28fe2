import type { Db } from '../../db/client.js';
import { districtsOfOffices } from '../network/service-offices.js';
import { type ActorScope, actorScopeCovers } from './auth.policy.js';

/**
 * Whether a scope covers one office, its district read now (an office moved to another district takes
 * its new scope at once). False for an office that does not exist.
 */
export async function scopeCoversOffice(db: Db, scope: ActorScope, office: string): Promise<boolean> {
  const district = (await districtsOfOffices(db, [office])).get(office);
  return district !== undefined && actorScopeCovers(scope, office, district);
}
