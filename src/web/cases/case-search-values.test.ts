import { checkSearch, type SearchValues, searchFields } from './case-search-values.js';

const empty = Object.fromEntries(searchFields.map((k) => [k, ''])) as SearchValues;

describe('the cases’ search draft', () => {
  it('reads a case number as printed, spaced or as the status link, in its normal form', () => {
    for (const typed of [
      '48-2026-0001234',
      '№ 48 2026 0001234',
      ' 48 – 2026 – 0001234 ',
      'https://okno.example/status?number=48-2026-0001234&pin=123456',
    ]) {
      const { errors, values } = checkSearch({ ...empty, number: typed });
      expect(errors, typed).toEqual({});
      expect(values.number).toBe('48-2026-0001234');
    }
  });

  it('refuses what is not a number, a phone, a name, or dates in order, by field', () => {
    expect(checkSearch({ ...empty, number: '48-2026' }).errors).toEqual({ number: 'number' });
    expect(checkSearch({ ...empty, applicant: ' И ' }).errors).toEqual({ applicant: 'applicant' });
    expect(checkSearch({ ...empty, phone: '12345' }).errors).toEqual({ phone: 'phone' });
    expect(checkSearch({ ...empty, from: '2026-12-08', to: '2026-12-01' }).errors).toEqual({ to: 'dates' });
  });

  it('keeps a phone in its +7 form and trims the rest', () => {
    const { errors, values } = checkSearch({
      ...empty,
      phone: '8 (910) 111-22-33',
      applicant: ' Журавлёва ',
    });
    expect(errors).toEqual({});
    expect(values.phone).toBe('+79101112233');
    expect(values.applicant).toBe('Журавлёва');
  });
});
