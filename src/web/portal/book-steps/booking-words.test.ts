import { ApiError } from '../../app/api.js';
import { createTranslator } from '../../app/i18n/index.js';
import { fieldIssue, refusal } from './booking-words.js';

const { t, date } = createTranslator('ru');

describe('a booking refusal in words', () => {
  it('reads the server’s field problems by their code and rule, never its English message', () => {
    const phone = { path: 'phone', code: 'custom', params: { rule: 'russian_mobile' } };
    expect(fieldIssue(t, phone)).toBe('Нужен номер мобильного телефона России: +7 9XX XXX-XX-XX');
    expect(fieldIssue(t, { path: 'start', code: 'custom', params: { rule: 'too_soon' } })).toMatch(
      /слишком скоро/,
    );
    expect(fieldIssue(t, { path: 'start', code: 'custom', params: { rule: 'day_off' } })).toBe(
      'В этот день офис не работает.',
    );
    expect(fieldIssue(t, { path: 'consents.personalData', code: 'invalid_value' })).toMatch(/Без согласия/);
    expect(fieldIssue(t, { path: 'email', code: 'invalid_format', params: { format: 'email' } })).toBe(
      'Проверьте адрес электронной почты',
    );
    expect(fieldIssue(t, { path: 'name', code: 'too_big', params: { maximum: 200 } })).toBe(
      'Не длиннее 200 символов',
    );
    expect(fieldIssue(t, { path: 'start', code: 'custom', params: { rule: 'something_new' } })).toBe(
      'Проверьте это поле',
    );
  });

  it('names the limit a phone met and until when it is paused', () => {
    const limit = (rule: string) => new ApiError(409, 'BOOKING_LIMIT', 'limit', { rule });
    expect(refusal(t, date, limit('one_per_service'))).toMatch(/уже есть запись/);
    expect(refusal(t, date, limit('max_active'))).toMatch(/несколько действующих записей/);
    const paused = new ApiError(409, 'PHONE_LIMITED', 'limited', { until: '2027-01-06T00:00:00+03:00' });
    expect(refusal(t, date, paused)).toBe(
      'Запись с этого номера недоступна до 6 января: было несколько неявок.',
    );
    expect(refusal(t, date, new ApiError(0, 'NETWORK', 'offline'))).toMatch(/Не удалось связаться/);
    expect(refusal(t, date, new ApiError(409, 'SLOT_TAKEN', 'taken', { nearest: [] }))).toBe(
      'Это время только что заняли.',
    );
  });
});
