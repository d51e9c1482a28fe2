import { z } from 'zod';
import { officeFileSchema, serviceFileSchema, staffAccountSchema } from '../../shared/region-data.js';
import { unknownFields } from './unknown-fields.js';

describe('unknownFields', () => {
  it('finds nothing in an object that uses only declared fields', () => {
    const schema = z.object({ code: z.string(), note: z.string().optional() });
    expect(unknownFields(schema, { code: 'a', note: 'b' })).toEqual([]);
  });

  it('names a field the schema does not declare', () => {
    const schema = z.object({ code: z.string() });
    expect(unknownFields(schema, { code: 'a', colour: 'red' })).toEqual([['colour']]);
  });

  it('looks inside nested objects, arrays, optional, nullable and defaulted fields', () => {
    const value = {
      code: 'x',
      fee: { amount: 1, currency: 'RUB' },
      stages: [{ code: 's', title: 't', citizenText: 'c', notify: true, colour: 'red' }],
      documents: [{ name: 'd', required: true, form: 'copy', pages: 2 }],
    };
    expect(unknownFields(serviceFileSchema, value)).toEqual([
      ['fee', 'currency'],
      ['stages', 0, 'colour'],
      ['documents', 0, 'pages'],
    ]);
  });

  it('follows the option of a union that the value matches', () => {
    const account = {
      login: 'a',
      password: 'p',
      fullName: 'A',
      grants: [{ role: 'admin', scope: { kind: 'district', district: 'd', offices: ['x'] } }],
    };
    expect(unknownFields(staffAccountSchema, account)).toEqual([['grants', 0, 'scope', 'offices']]);
    expect(unknownFields(officeFileSchema, { services: 'all', windows: [{ number: 1, hall: 2 }] })).toEqual([
      ['windows', 0, 'hall'],
    ]);
  });

  it('starts its paths at the given prefix', () => {
    expect(unknownFields(z.object({}), { extra: 1 }, [7])).toEqual([[7, 'extra']]);
  });
});
