import { describe, expect, it } from 'vitest';
import { formatPhoneDigits, matchesTitle, searchServices } from './service-search.js';

describe('the kiosk search', () => {
  it('finds a title whose words start with every typed word, case and ё aside', () => {
    expect(matchesTitle('Выдача загранпаспорта', 'ЗАГРАН')).toBe(true);
    expect(matchesTitle('Выдача загранпаспорта', 'выд загр')).toBe(true);
    expect(matchesTitle('Регистрация по месту жительства', 'жительство')).toBe(false);
    expect(matchesTitle('Счёт', 'СЧЕТ')).toBe(true);
    expect(matchesTitle('Паспорт', 'аспорт')).toBe(false);
  });

  it('finds nothing for an empty query', () => {
    expect(matchesTitle('Паспорт', '  ')).toBe(false);
  });

  it('lists each service once, by its title or its short title', () => {
    const services = [
      { code: 'a', title: 'Выдача паспорта гражданина РФ', shortTitle: 'Паспорт' },
      { code: 'b', title: 'Регистрация брака', shortTitle: null },
      { code: 'a', title: 'Выдача паспорта гражданина РФ', shortTitle: 'Паспорт' },
    ];
    expect(searchServices(services, 'пасп').map((s) => s.code)).toEqual(['a']);
    expect(searchServices(services, 'брак').map((s) => s.code)).toEqual(['b']);
  });

  it('shows a phone number as it is typed', () => {
    expect(formatPhoneDigits('912')).toBe('+7 (912) ___-__-__');
    expect(formatPhoneDigits('9123456789')).toBe('+7 (912) 345-67-89');
  });
});
