import type { SQL } from 'drizzle-orm';
import { sql, textArray } from '../../db/client.js';
import type { ActorScope } from './auth.policy.js';

/**
 * Office scope as a WHERE clause: lists are narrowed by the database, never loaded whole and filtered in
 * memory. `office` and `district` are the columns of the row's office and its district.
 */
export function officeInScope(scope: ActorScope, office: SQL, district: SQL): SQL {
  if (scope === 'region') return sql`true`;
  return sql`(${office} = any(${textArray(scope.offices)}) or ${district} = any(${textArray(scope.districts)}))`;
}

/** A row `g` of user_grants lies entirely within the scope (its whole district, or each of its offices). */
export function grantWithinScope(scope: ActorScope): SQL {
  if (scope === 'region') return sql`true`;
  const districts = textArray(scope.districts);
  const offices = textArray(scope.offices);
  return sql`((g.scope_kind = 'district' and g.district_code = any(${districts}))
    or (g.scope_kind = 'offices' and not exists (
      select 1 from unnest(g.office_codes) as listed(code) left join offices f on f.code = listed.code
      where not (listed.code = any(${offices}) or coalesce(f.district_code = any(${districts}), false)))))`;
}
