import type { MessageContext } from '../../../../shared/notifications.js';
import { cleanContext, oneLine } from './context.js';

const ctx = (overrides: Partial<MessageContext>): MessageContext => ({
  locale: 'ru',
  name: 'Анна',
  timeZone: 'Europe/Moscow',
  ...overrides,
});

describe('oneLine', () => {
  it('folds line breaks, tabs, control characters and direction overrides into single spaces', () => {
    expect(oneLine('  ул.\r\nМира,\t\t1\u0000 \u2028корп. 2 ')).toBe('ул. Мира, 1 корп. 2');
    expect(oneLine('Анна\u202Eанна')).toBe('Анна анна');
  });

  it('keeps an emoji joined', () => {
    expect(oneLine('👩‍👩‍👧')).toBe('👩‍👩‍👧');
  });
});

describe('cleanContext', () => {
  it('turns an empty name into none', () => {
    expect(cleanContext(ctx({ name: ' \n ' })).name).toBeNull();
    expect(cleanContext(ctx({ name: ' Анна\nМария ' })).name).toBe('Анна Мария');
  });

  it('falls back to the title when the short title is empty, and drops empty documents', () => {
    const service = cleanContext(
      ctx({ service: { title: 'Справка  о\nдоходах', shortTitle: ' ', documents: ['Паспорт', ' ', '\n'] } }),
    ).service;
    expect(service).toEqual({
      title: 'Справка о доходах',
      shortTitle: 'Справка о доходах',
      documents: ['Паспорт'],
    });
  });

  it('keeps a phone only when there is one', () => {
    expect(cleanContext(ctx({ office: { name: 'МФЦ', address: 'ул. Мира, 1', phone: ' ' } })).office).toEqual(
      {
        name: 'МФЦ',
        address: 'ул. Мира, 1',
        phone: null,
      },
    );
  });

  it('keeps a link only when it is a web page', () => {
    expect(cleanContext(ctx({ link: ' https://okno.example/s/1 ' })).link).toBe('https://okno.example/s/1');
    expect(cleanContext(ctx({ link: 'http://okno.example/s/1' })).link).toBe('http://okno.example/s/1');
    for (const link of [
      'javascript:alert(1)',
      'okno.example/s/1',
      'https://okno.example/a b',
      'data:text/html,x',
      '',
    ]) {
      expect(cleanContext(ctx({ link })), link).not.toHaveProperty('link');
    }
  });

  it('keeps the people ahead only as a whole number of zero or more', () => {
    expect(cleanContext(ctx({ ahead: 0 })).ahead).toBe(0);
    expect(cleanContext(ctx({ ahead: 3 })).ahead).toBe(3);
    for (const ahead of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY]) {
      expect(cleanContext(ctx({ ahead })), String(ahead)).not.toHaveProperty('ahead');
    }
  });

  it('drops empty optional values and puts the rest on one line', () => {
    const clean = cleanContext(ctx({ window: ' ', bookingCode: 'K7M2QX\n', caseNumber: '48-2027\t000123' }));
    expect(clean).not.toHaveProperty('window');
    expect(clean.bookingCode).toBe('K7M2QX');
    expect(clean.caseNumber).toBe('48-2027 000123');
  });
});
