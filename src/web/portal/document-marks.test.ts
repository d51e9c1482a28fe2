import { documentMarks } from './document-marks.js';

const doc = (required: boolean, form: 'original' | 'copy' | 'original_and_copy', note?: string | null) => ({
  name: 'Документ',
  required,
  form,
  note,
});

describe('documentMarks', () => {
  it('reads a non-required document with a condition as that condition, not as optional', () => {
    expect(documentMarks(doc(false, 'original', 'при обращении представителя'))).toEqual({
      need: 'conditional',
      condition: 'При обращении представителя',
      form: null,
      note: null,
    });
    expect(documentMarks(doc(false, 'copy', 'если право не зарегистрировано в ЕГРН')).condition).toBe(
      'Если право не зарегистрировано в ЕГРН',
    );
    expect(documentMarks(doc(false, 'original', 'для мужчин 18–30 лет')).need).toBe('conditional');
  });

  it('does not repeat «по желанию» from the note', () => {
    expect(documentMarks(doc(false, 'original', 'по желанию'))).toMatchObject({
      need: 'optional',
      note: null,
    });
    expect(documentMarks(doc(false, 'original', 'по желанию: сведения получит МФЦ')).note).toBe(
      'Сведения получит МФЦ',
    );
  });

  it('tags only a copy or an original with a copy: the original is the default', () => {
    expect(documentMarks(doc(false, 'original', 'достаточно назвать специалисту'))).toMatchObject({
      need: 'optional',
      form: null,
      note: 'достаточно назвать специалисту',
    });
    expect(documentMarks(doc(true, 'copy')).form).toBe('copy');
    expect(documentMarks(doc(true, 'original_and_copy')).form).toBe('original_and_copy');
  });

  it('keeps a required document required, whatever its note says', () => {
    expect(
      documentMarks(doc(true, 'original', 'для ребёнка до 14 лет — паспорт законного представителя')),
    ).toEqual({
      need: 'required',
      condition: null,
      form: null,
      note: 'для ребёнка до 14 лет — паспорт законного представителя',
    });
  });
});
