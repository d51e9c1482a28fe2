import type { Grant } from '../../shared/auth.js';
import { coversOffice, officesInScope } from './scope.js';

const offices = [
  { code: 'a', district: { code: 'city' } },
  { code: 'b', district: { code: 'city' } },
  { code: 'c', district: { code: 'rural' } },
];

describe('officesInScope', () => {
  it('gives every office for a region grant', () => {
    const grants: Grant[] = [{ role: 'callcenter', scope: { kind: 'region' } }];
    expect(officesInScope(grants, offices).map((o) => o.code)).toEqual(['a', 'b', 'c']);
  });

  it('gives the offices of a granted district and the offices listed by name, once each', () => {
    const grants: Grant[] = [
      { role: 'backoffice', scope: { kind: 'district', district: 'city' } },
      { role: 'operator', scope: { kind: 'offices', offices: ['a', 'c'] } },
    ];
    expect(officesInScope(grants, offices).map((o) => o.code)).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing without grants', () => {
    expect(officesInScope([], offices)).toEqual([]);
  });

  it('asks about one role when told: an operator of an office is not its head', () => {
    const grants: Grant[] = [
      { role: 'operator', scope: { kind: 'region' } },
      { role: 'office_head', scope: { kind: 'offices', offices: ['b'] } },
    ];
    expect(coversOffice(grants, offices[0], ['office_head'])).toBe(false);
    expect(coversOffice(grants, offices[1], ['office_head'])).toBe(true);
  });
});
