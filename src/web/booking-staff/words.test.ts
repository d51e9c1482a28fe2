import { bookingCreateSchema } from '../../shared/booking.js';
import { ApiError } from '../app/api.js';
import { createTranslator } from '../app/i18n/index.js';
import { issueOfZod } from '../app/issues.js';
import { bookingErrorText, bookingIssueText, codeText, nearestOf } from './words.js';

const ru = createTranslator('ru');
const en = createTranslator('en');

describe('booking refusals in words', () => {
  it('says a taken time and offers the nearest free ones from the details', () => {
    const nearest = [{ start: '2026-12-01T10:30:00+03:00', end: '2026-12-01T10:45:00+03:00', free: 1 }];
    const taken = new ApiError(409, 'SLOT_TAKEN', 'taken', { nearest });
    expect(bookingErrorText(ru, taken)).toBe(ru.t('bstaff.err.SLOT_TAKEN'));
    expect(nearestOf(taken)).toEqual(nearest);
    expect(nearestOf(new ApiError(409, 'BOOKING_LIMIT', 'limit', { rule: 'max_active' }))).toEqual([]);
  });

  it('tells the two limits per phone apart, and the no-show block with its date', () => {
    expect(bookingErrorText(ru, new ApiError(409, 'BOOKING_LIMIT', 'x', { rule: 'one_per_service' }))).toBe(
      'У этого номера уже есть активная запись на эту услугу.',
    );
    expect(bookingErrorText(ru, new ApiError(409, 'BOOKING_LIMIT', 'x', { rule: 'max_active' }))).toBe(
      'У этого номера уже наибольшее число активных записей.',
    );
    expect(
      bookingErrorText(ru, new ApiError(409, 'PHONE_LIMITED', 'x', { until: '2026-12-31T00:00:00Z' })),
    ).toBe('Запись с этого номера ограничена до 31 декабря из-за неявок.');
    expect(bookingErrorText(en, new ApiError(409, 'PHONE_LIMITED', 'x', {}))).toBe(
      en.t('bstaff.err.PHONE_LIMITED_NOW'),
    );
  });

  it('says the server’s rule of a refused start, never its English', () => {
    const refused = new ApiError(400, 'VALIDATION', 'invalid body.start', [
      {
        field: 'body.start',
        path: 'start',
        code: 'custom',
        message: 'not on the grid',
        params: { rule: 'not_on_grid' },
      },
    ]);
    expect(bookingErrorText(ru, refused)).toBe('На это время записи нет: выберите время из списка.');
    expect(bookingErrorText(ru, new ApiError(500, 'INTERNAL', 'boom'))).toBe(ru.t('bstaff.err.failed'));
    expect(bookingErrorText(ru, new Error('network'))).toBe(ru.t('bstaff.err.failed'));
  });

  it('says a landline is not a mobile number, as the form’s own check finds it', () => {
    const parsed = bookingCreateSchema.safeParse({
      office: 'o',
      service: 's',
      start: '2026-12-01T10:30:00+03:00',
      name: 'Анна',
      phone: '+7 (4742) 25-00-05',
      consents: { personalData: true },
    });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find((i) => i.path[0] === 'phone');
    expect(issue).toBeDefined();
    expect(bookingIssueText(ru.t, issueOfZod(issue as NonNullable<typeof issue>))).toBe(
      'Нужен российский мобильный номер: +7 9XX XXX-XX-XX.',
    );
  });

  it('prints a bare code as XXXX-XXXX and leaves a masked one as it is', () => {
    expect(codeText('K7MPAXTA')).toBe('K7MP-AXTA');
    expect(codeText('****-**TA')).toBe('****-**TA');
  });
});
