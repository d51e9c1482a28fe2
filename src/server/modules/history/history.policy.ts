import { z } from 'zod';
import type { Grant } from '../../../shared/auth.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { kioskOffice } from '../queue/kiosks.service.js';
import { actorScopeCovers, grantsFor, scopeOfGrants } from '../staff/auth.policy.js';
import { scopeCoversOffice } from '../staff/scope-office.js';
import { managesUser } from '../staff/users.service.js';
import type { ChangeEntity } from './history.repository.js';

/** What a catalog editor may follow: the objects they edit. */
const catalogEntities = new Set<ChangeEntity>(['service', 'agency']);

/**
 * Whose history a staff member may read: an admin of the region, all of it; a catalog editor, the
 * services and agencies; an admin of a district or of offices, one object at a time within their scope
 * (an office, their district, an account they manage, a kiosk of an office in it). Refused with FORBIDDEN
 * otherwise.
 */
export async function requireMayReadHistory(
  db: Db,
  grants: readonly Grant[],
  entity: ChangeEntity,
  key: string | undefined,
): Promise<void> {
  const scope = scopeOfGrants(grants, ['admin']);
  if (scope === 'region') return;
  if (catalogEntities.has(entity) && grantsFor(grants, ['catalog_editor']).length > 0) return;
  const refuse = () =>
    new AppError('FORBIDDEN', `the history of ${entity} ${key ?? 'objects'} lies beyond your scope`);
  if (grantsFor(grants, ['admin']).length === 0 || key === undefined) throw refuse();
  if (entity === 'office' && (await scopeCoversOffice(db, scope, key))) return;
  if (entity === 'district' && actorScopeCovers(scope, undefined, key)) return;
  if (entity === 'kiosk' && z.uuid().safeParse(key).success) {
    const office = await kioskOffice(db, key.toLowerCase());
    if (office !== undefined && (await scopeCoversOffice(db, scope, office))) return;
  }
  if (entity === 'user' && z.uuid().safeParse(key).success && (await managesUser(db, scope, key))) return;
  throw refuse();
}
