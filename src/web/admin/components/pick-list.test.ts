import { matches } from './pick-list.js';

describe('matches (the pick list search)', () => {
  it('finds a title by the starts of its words, in any case, ё as е', () => {
    expect(matches('Выдача загранпаспорта нового образца', 'загран выд')).toBe(true);
    expect(matches('Приём заявления о ёлке', 'ЕЛК')).toBe(true);
    expect(matches('ТОСП с. Верхнее Чесночное', 'ТОСП с. Верхнее Чесночное')).toBe(true);
  });

  it('does not find a word inside another word', () => {
    expect(matches('Регистрация по месту жительства', 'истрация')).toBe(false);
  });

  it('lists everything for an empty query', () => {
    expect(matches('Любая услуга', '  ')).toBe(true);
  });
});
