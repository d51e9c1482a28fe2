/**
 * Which offices a signed-in user's grants cover, as the server's scope rules say (auth.policy.ts): a region
 * grant covers every office, a district grant the offices of that district, an offices grant those listed.
 * Pure: the home page and «Мои офисы» filter a list of offices with it.
 */
import type { Grant, Role } from '../../shared/auth.js';

type Placed = { code: string; district: { code: string } };

export function coversOffice(grants: readonly Grant[], office: Placed, roles?: readonly Role[]): boolean {
  return grants.some(
    (g) =>
      (!roles || roles.includes(g.role)) &&
      (g.scope.kind === 'region' ||
        (g.scope.kind === 'district' && g.scope.district === office.district.code) ||
        (g.scope.kind === 'offices' && g.scope.offices.includes(office.code))),
  );
}

export function officesInScope<T extends Placed>(grants: readonly Grant[], offices: readonly T[]): T[] {
  return offices.filter((office) => coversOffice(grants, office));
}
