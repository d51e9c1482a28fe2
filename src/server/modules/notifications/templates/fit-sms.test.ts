import { smsParts } from '../../../../shared/sms-length.js';
import { fitSms, optional, shorten, shortenTo } from './fit-sms.js';

const cyr = (n: number) => 'я'.repeat(n);

describe('shortenTo', () => {
  it('cuts a value to the characters kept and an ellipsis', () => {
    expect(shortenTo('Загранпаспорт нового образца', 13)).toBe('Загранпаспорт…');
  });

  it('keeps a value whole when cutting it would save nothing', () => {
    expect(shortenTo('Паспорт', 7)).toBe('Паспорт');
    expect(shortenTo('Паспорта', 7)).toBe('Паспорта');
    expect(shortenTo('Паспортов', 7)).toBe('Паспорт…');
  });

  it('drops spaces and punctuation that would hang before the ellipsis', () => {
    expect(shortenTo('ул. Советская, д. 6', 15)).toBe('ул. Советская…');
    expect(shortenTo('МФЦ — Центральный', 6)).toBe('МФЦ…');
  });

  it('never splits an emoji or a letter with a combining accent', () => {
    expect(shortenTo('👩‍👩‍👧😀😀😀', 1)).toBe('👩‍👩‍👧…');
    expect(shortenTo('е\u0308лка зелёная', 1)).toBe('е\u0308…');
  });
});

describe('fitSms', () => {
  it('joins the pieces as they are when the whole text fits', () => {
    expect(
      fitSms([
        optional('Анна, вы', 'Вы'),
        ' записаны: ',
        shorten('Паспорт'),
        '. Код AB12.',
        optional(' https://x.ru'),
      ]),
    ).toBe('Анна, вы записаны: Паспорт. Код AB12. https://x.ru');
  });

  it('drops a greeting that does not fit, in favour of its neutral form, before cutting any value', () => {
    const value = cyr(100);
    const text = fitSms([optional('Александра Николаевна, вы', 'Вы'), ' записаны: ', shorten(value), '.']);
    expect(text).toBe(`Вы записаны: ${value}.`);
    expect(smsParts(text).parts).toBe(2);
  });

  it('keeps the optional piece of higher priority when only one fits', () => {
    const pieces = [
      optional('Анна, запись', 'Запись', 0),
      ` подтверждена: ${cyr(85)}.`,
      optional(' https://okno.example/b/1', '', 1),
    ];
    expect(fitSms(pieces)).toBe(`Запись подтверждена: ${cyr(85)}. https://okno.example/b/1`);
    expect(fitSms(pieces.slice(0, 2))).toBe(`Анна, запись подтверждена: ${cyr(85)}.`);
  });

  it('cuts a long value to exactly the room left, never the fixed facts', () => {
    const text = fitSms(['Код записи: 123. ', shorten(cyr(300))]);
    expect(text).toBe(`Код записи: 123. ${cyr(116)}…`);
    expect(smsParts(text)).toEqual({ encoding: 'ucs2', units: 134, parts: 2 });
  });

  it('cuts long values to one common length and leaves a short one whole', () => {
    const text = fitSms([
      shorten('Паспорт'),
      ', ',
      shorten(`А${cyr(200)}`),
      ', ',
      shorten(`Б${cyr(200)}`),
      '.',
    ]);
    // 134 − 7 − 2 − 2 = 123 for the two long values: 60 characters and an ellipsis each (the full stop goes)
    expect(text).toBe(`Паспорт, А${cyr(59)}…, Б${cyr(59)}…`);
    expect(smsParts(text).units).toBe(133);
  });

  it('drops the optional pieces when a value has to be cut', () => {
    const text = fitSms([optional('Анна, ', ''), shorten(cyr(300)), optional(' https://x.ru', '', 1)]);
    expect(text).toBe(`${cyr(133)}…`);
  });

  it('keeps a GSM-7 text in GSM-7 by cutting with "..." (153 septets a part, not 67)', () => {
    const text = fitSms(['Code 123. ', shorten('a'.repeat(400))]);
    expect(text).toBe(`Code 123. ${'a'.repeat(293)}...`);
    expect(smsParts(text)).toEqual({ encoding: 'gsm7', units: 306, parts: 2 });
  });

  it('cuts with «…» when the text is UCS-2 anyway', () => {
    const text = fitSms(['Код 123. ', shorten('a'.repeat(400))]);
    expect(text).toBe(`Код 123. ${'a'.repeat(124)}…`);
  });

  it('ends a sentence on the ellipsis of a value cut before its full stop', () => {
    expect(fitSms(['Код 1. Адрес: ', shorten(cyr(200)), '. Тел. 22-22-22.'])).toBe(
      `Код 1. Адрес: ${cyr(104)}… Тел. 22-22-22.`,
    );
    expect(fitSms(['Адрес: ', shorten('ул. Мира, 1'), '.'])).toBe('Адрес: ул. Мира, 1.');
  });

  it('respects another limit of parts', () => {
    expect(fitSms(['Код 1. ', shorten(cyr(100))], 1)).toBe(`Код 1. ${cyr(62)}…`);
  });

  it('returns the shortest text, over the limit, when the fixed pieces alone do not fit', () => {
    const fixed = cyr(140);
    expect(fitSms([fixed, shorten('Паспорт'), optional('Анна')])).toBe(`${fixed}…`);
  });
});
