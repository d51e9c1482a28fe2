import { createTranslator } from '../../app/i18n/index.js';
import { showValue } from './diff.js';
import { historyWords } from './history-words.js';

describe('historyWords: the change history in words', () => {
  const ru = historyWords(createTranslator('ru'));
  const en = historyWords(createTranslator('en'));

  it('names actions and fields in the language, and keeps an unknown one as recorded', () => {
    expect(ru.action('publish')).toBe('публикация');
    expect(en.action('publish')).toBe('published');
    expect(ru.field('version')).toBe('Версия');
    expect(ru.field('shortTitle')).toBe('Краткое название');
    expect(ru.field('somethingNew')).toBe('somethingNew');
    expect(ru.action('something-new')).toBe('something-new');
  });

  it('reads a row of hours as its weekday and times, not `weekday: 1`', () => {
    const hours = [{ weekday: 1, opens: '09:00', closes: '18:00', breakStart: '13:00', breakEnd: '14:00' }];
    expect(showValue(hours, ru)).toBe('понедельник, 09:00–18:00, перерыв 13:00–14:00');
    expect(showValue([{ weekday: 7, opens: '10:00', closes: '15:00' }], en)).toBe('Sunday, 10:00–15:00');
  });

  it('shows known values and yes / no in words', () => {
    expect(showValue('closed', ru, 'status')).toBe('Закрыт');
    expect(showValue('kiosk', ru, 'kind')).toBe('Инфомат');
    expect(showValue(true, ru)).toBe('да');
    expect(showValue([{ number: 1, label: 'Приём', serviceCodes: ['a', 'b'] }], ru)).toBe(
      'Номер окна: 1, Подпись: Приём, Услуги: a, b',
    );
  });
});
