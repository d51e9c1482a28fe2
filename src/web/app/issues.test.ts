import { z } from 'zod';
import { hoursInputSchema } from '../../shared/network.admin.js';
import { passwordSchema } from '../../shared/staff.admin.js';
import { createTranslator } from './i18n/index.js';
import { issueKey, issueMessage } from './issues.js';

const ru = createTranslator('ru').t;
const en = createTranslator('en').t;
/** The issue as the server sends it in details[]: the zod issue's code and its parameters. */
const first = (schema: z.ZodType, value: unknown) => {
  const issue = schema.safeParse(value).error!.issues[0] as z.core.$ZodIssue & Record<string, unknown>;
  const { code, path: _path, message: _message, params, ...rest } = issue;
  return { code, params: { ...rest, ...(params as object) } };
};

describe('validation issues in the user’s words', () => {
  it('says how short a password may be, in Russian and English', () => {
    const issue = first(z.object({ password: passwordSchema }), { password: 'short' });
    expect(issueKey(issue)).toEqual(['err.tooShort', { minimum: 8 }]);
    expect(issueMessage(ru, issue)).toBe('Не короче 8 символов');
    expect(issueMessage(en, issue)).toBe('At least 8 characters');
  });

  it('names a rule of ours by params.rule', () => {
    const issue = first(hoursInputSchema, { weekday: 1, opens: '10:00', closes: '09:00' });
    expect(issueMessage(ru, issue)).toBe('Время закрытия должно быть позже времени открытия');
  });

  it('reads an empty required text, a missing number and a service’s own code', () => {
    expect(issueMessage(ru, first(z.string().trim().min(1), ''))).toBe('Обязательное поле');
    expect(issueMessage(ru, first(z.number(), Number.NaN))).toBe('Укажите число');
    expect(issueMessage(ru, { code: 'wrong_password' })).toBe('Неверный текущий пароль');
  });

  it('names the bad line of an imported file', () => {
    expect(issueMessage(ru, { code: 'invalid', params: { line: 3 } })).toBe('Ошибка в строке 3');
  });

  it('never shows an unknown code as it came', () => {
    expect(issueMessage(ru, { code: 'something_new' })).toBe('Недопустимое значение');
  });
});
