import type { Grant, Scope } from '../../../shared/auth.js';
import {
  actorScopeCovers,
  actorScopeCoversScope,
  routePolicyOf,
  scopeCovers,
  scopeOfGrants,
} from './auth.policy.js';

describe('scopes', () => {
  const region: Scope = { kind: 'region' };
  const district: Scope = { kind: 'district', district: 'north' };
  const offices: Scope = { kind: 'offices', offices: ['n-1', 's-2'] };

  it('lets the region cover every office and district', () => {
    expect(scopeCovers(region, { office: 'x', district: 'y' })).toBe(true);
    expect(scopeCovers(region, { district: 'y' })).toBe(true);
  });

  it('lets a district cover its own offices only', () => {
    expect(scopeCovers(district, { office: 'n-1', district: 'north' })).toBe(true);
    expect(scopeCovers(district, { office: 's-1', district: 'south' })).toBe(false);
    expect(scopeCovers(district, { office: 'ghost', district: undefined })).toBe(false);
  });

  it('lets a list of offices cover those offices but no district as a whole', () => {
    expect(scopeCovers(offices, { office: 's-2', district: 'south' })).toBe(true);
    expect(scopeCovers(offices, { office: 's-3', district: 'south' })).toBe(false);
    expect(scopeCovers(offices, { district: 'north' })).toBe(false);
  });

  it('merges the grants of the roles asked for into what a handler may show', () => {
    const grants: Grant[] = [
      { role: 'operator', scope: offices },
      { role: 'backoffice', scope: district },
      { role: 'analyst', scope: region },
    ];
    expect(scopeOfGrants(grants, ['operator', 'backoffice'])).toEqual({
      districts: ['north'],
      offices: ['n-1', 's-2'],
    });
    expect(scopeOfGrants(grants, ['operator', 'analyst'])).toBe('region');
    expect(scopeOfGrants(grants, ['admin'])).toEqual({ districts: [], offices: [] });
    const scope = scopeOfGrants(grants, ['operator', 'backoffice']);
    expect(actorScopeCovers(scope, 'x', 'north')).toBe(true);
    expect(actorScopeCovers(scope, 's-2', 'south')).toBe(true);
    expect(actorScopeCovers(scope, 's-9', 'south')).toBe(false);
  });
});

describe('route policies', () => {
  it('requires roles on staff routes', () => {
    expect(() => routePolicyOf('GET', '/api/admin/x', undefined)).toThrow(/GET \/api\/admin\/x/);
    expect(() => routePolicyOf('GET', '/api/staff/x', 'public')).toThrow();
    expect(() => routePolicyOf('GET', '/api/staff/x', { roles: [] })).toThrow();
    expect(routePolicyOf('GET', '/api/staff/x', { roles: ['operator'] })).toEqual({ roles: ['operator'] });
  });

  it('requires a declared policy on every other API route, and makes the rest public', () => {
    expect(() => routePolicyOf('GET', '/api/services', undefined)).toThrow(/must declare config.policy/);
    expect(routePolicyOf('GET', '/api/services', 'public')).toBe('public');
    expect(routePolicyOf('GET', '/assets/app.js', undefined)).toBe('public');
    expect(routePolicyOf('GET', '/health', undefined)).toBe('public');
  });

  it('covers a region-wide object only with a grant on the region', () => {
    expect(scopeCovers({ kind: 'region' }, { region: true })).toBe(true);
    expect(scopeCovers({ kind: 'district', district: 'north' }, { region: true })).toBe(false);
    expect(scopeCovers({ kind: 'offices', offices: ['n-1'] }, { region: true })).toBe(false);
  });
});

describe('covering a granted scope', () => {
  const districtOf = (office: string) => ({ 'n-1': 'north', 'n-2': 'north', 's-1': 'south' })[office];
  const north = { districts: ['north'], offices: [] };
  it('lets the region cover everything and nothing else cover the region', () => {
    expect(actorScopeCoversScope('region', { kind: 'region' }, districtOf)).toBe(true);
    expect(actorScopeCoversScope(north, { kind: 'region' }, districtOf)).toBe(false);
  });
  it('covers a district by itself and a list of offices only when it covers each', () => {
    expect(actorScopeCoversScope(north, { kind: 'district', district: 'north' }, districtOf)).toBe(true);
    expect(actorScopeCoversScope(north, { kind: 'district', district: 'south' }, districtOf)).toBe(false);
    expect(actorScopeCoversScope(north, { kind: 'offices', offices: ['n-1', 'n-2'] }, districtOf)).toBe(true);
    expect(actorScopeCoversScope(north, { kind: 'offices', offices: ['n-1', 's-1'] }, districtOf)).toBe(
      false,
    );
    const oneOffice = { districts: [], offices: ['n-1'] };
    expect(actorScopeCoversScope(oneOffice, { kind: 'offices', offices: ['n-1'] }, districtOf)).toBe(true);
    expect(actorScopeCoversScope(oneOffice, { kind: 'district', district: 'north' }, districtOf)).toBe(false);
  });
});
