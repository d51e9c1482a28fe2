import {
  delaySeconds,
  lockRefuses,
  loginKey,
  maskedLogin,
  maxDelaySeconds,
  throttleAddress,
} from './login-guard.js';

describe('sign-in delays', () => {
  it('lets the first failures through, then doubles the wait up to fifteen minutes', () => {
    expect([0, 1, 2].map((n) => delaySeconds(n, 3))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 10].map((n) => delaySeconds(n, 3))).toEqual([1, 2, 4, 8, 128]);
    expect(delaySeconds(13, 3)).toBe(maxDelaySeconds);
    expect(delaySeconds(1_000, 3)).toBe(maxDelaySeconds);
  });
});

describe('account lock', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  const later = new Date('2026-11-29T10:15:00Z');
  it('refuses a stranger while the lock lasts, never a familiar address', () => {
    expect(lockRefuses(later, false, now)).toBe(true);
    expect(lockRefuses(later, true, now)).toBe(false);
  });
  it('refuses nobody once the lock has passed, or without one', () => {
    expect(lockRefuses(new Date('2026-11-29T09:59:59Z'), false, now)).toBe(false);
    expect(lockRefuses(null, false, now)).toBe(false);
  });
});

describe('logins in the log', () => {
  it('keys every spelling of a login alike', () => {
    expect(loginKey(' Admin ')).toBe(loginKey('admin'));
    expect(loginKey('admin')).not.toBe(loginKey('admin2'));
  });
  it('masks an unknown login so a password typed there does not reach the log', () => {
    const masked = maskedLogin('Correct-Horse-Battery-9');
    expect(masked).toBe('c… (23)');
    expect(masked).not.toContain(loginKey('Correct-Horse-Battery-9').slice(0, 8));
    expect(maskedLogin('')).toBe('… (0)');
  });
});

describe('the address a sign-in is throttled by', () => {
  it('keeps an IPv4 address, mapped or not', () => {
    expect(throttleAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
  it('takes an IPv6 address by its /64, however it is written', () => {
    expect(throttleAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });
  it('has one key for an unknown address', () => {
    expect(throttleAddress(null)).toBe('');
  });
});
