import { contactRefusal } from './call-access.js';

const call = { operatorId: 'me', endedAt: null, verifiedAt: '2026-01-01 10:00:00+00', phone: 'v1.sealed' };

describe('who may see a caller in full', () => {
  it('lets the operator on a running, verified call see it', () => {
    expect(contactRefusal(call, 'me')).toBeNull();
  });
  it('refuses another operator, even on a verified call', () => {
    expect(contactRefusal(call, 'someone-else')).toBe('not_own');
  });
  it('refuses before the caller answered the verification question', () => {
    expect(contactRefusal({ ...call, verifiedAt: null }, 'me')).toBe('not_verified');
  });
  it('refuses once the call has ended', () => {
    expect(contactRefusal({ ...call, endedAt: '2026-01-01 10:05:00+00' }, 'me')).toBe('ended');
  });
  it('refuses a call without a phone', () => {
    expect(contactRefusal({ ...call, phone: null, verifiedAt: null }, 'me')).toBe('no_phone');
  });
});
