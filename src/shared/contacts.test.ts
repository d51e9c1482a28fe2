import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, normalizeEmail, normalizePhone } from './contacts.js';

describe('normalizePhone', () => {
  it.each([
    ['+7 (912) 345-67-89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    [' 8 912 345 67 89 ', '+79123456789'],
  ])('%s is %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '',
    '12345',
    '+1 212 555 0100',
    '8912345678',
    'phone: 89123456789',
    '+7912345678901',
    '4123456789',
  ])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Ivan.Petrov@Mail.RU ')).toBe('ivan.petrov@mail.ru');
  });
  it.each(['ivan', 'ivan@', '@mail.ru', 'a b@mail.ru', 'ivan@mail', '<a@b.ru>'])('refuses %j', (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe('masks', () => {
  it('shows the last two digits of a phone', () => {
    expect(maskPhone('+79123456789')).toBe('+7 *** ***-**-89');
  });
  it('shows the first letter and the domain of an address', () => {
    expect(maskEmail('ivan.petrov@mail.ru')).toBe('i***@mail.ru');
  });
});
