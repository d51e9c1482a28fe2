import { networkReason, safeReason } from './reason.js';

describe('safeReason', () => {
  it('masks e-mail addresses and phone numbers in any usual form', () => {
    expect(safeReason('550 <ivan.petrov@mail.ru>: no such user')).toBe('550 <[address]>: no such user');
    expect(safeReason('номер +7 (900) 123-45-67 недоступен')).toBe('номер [phone] недоступен');
    expect(safeReason('79001234567 refused')).toBe('[phone] refused');
  });

  it('keeps short codes and makes one short line', () => {
    expect(safeReason('error 202\r\n  invalid')).toBe('error 202 invalid');
    expect(safeReason('x'.repeat(300), 20)).toHaveLength(20);
  });
});

describe('networkReason', () => {
  it('names a refused connection, a timeout, an unknown host', () => {
    expect(networkReason(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(
      'connection refused',
    );
    expect(networkReason(new DOMException('The operation timed out', 'TimeoutError'))).toBe('timed out');
    expect(networkReason({ cause: { code: 'ENOTFOUND' } })).toBe('host not found');
    expect(networkReason(new Error('x'))).toBe('network error');
  });
});
