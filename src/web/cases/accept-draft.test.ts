import { caseCreateSchema } from '../../shared/cases.js';
import { type AcceptDraft, draftPath, toBody } from './accept-draft.js';

const draft = (
  changes: Partial<AcceptDraft['applicant']> = {},
  documents?: AcceptDraft['documents'],
): AcceptDraft => ({
  channel: 'window',
  applicant: {
    kind: 'person',
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: '  ',
    birthDate: '',
    identityDocument: { kind: 'passport_rf', series: '', number: '' },
    snils: '',
    name: '',
    inn: '',
    ogrn: '',
    representative: { lastName: '', firstName: '', middleName: '' },
    phone: '',
    email: '',
    consent: { sms: true, email: false },
    ...changes,
  },
  documents: documents ?? [
    { name: 'Заявление', required: true, provided: false, form: 'original', pages: '' },
    { name: 'Паспорт', required: true, provided: true, form: 'copy', pages: '2' },
    { name: 'Доверенность', required: false, provided: true, form: 'original', pages: '' },
  ],
  feePaid: true,
  comment: '',
});
const context = {
  office: 'lip-kosmonavtov',
  service: 'egrn-extract',
  ticket: undefined,
  locale: 'ru' as const,
};

describe('the acceptance form’s draft as the body of POST /api/cases', () => {
  it('drops blanks and sends only the documents taken, in their order', () => {
    const parsed = caseCreateSchema.parse(toBody(draft(), context));
    expect(parsed.applicant).toEqual({
      kind: 'person',
      lastName: 'Иванова',
      firstName: 'Мария',
      consent: { sms: true, email: false },
      locale: 'ru',
    });
    expect(parsed.documents).toEqual([
      { name: 'Паспорт', form: 'copy', pages: 2 },
      { name: 'Доверенность', form: 'original' },
    ]);
    expect(parsed.feePaid).toBe(true);
    expect(parsed.channel).toBe('window');
  });

  it('sends the identity document once a series or number is typed, and a business without the person’s fields', () => {
    const person = toBody(
      draft({ identityDocument: { kind: 'passport_rf', series: '42 05', number: '' } }),
      context,
    );
    const result = caseCreateSchema.safeParse(person);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('applicant.identityDocument.number');

    const business = caseCreateSchema.parse(
      toBody(draft({ kind: 'business', name: 'ООО «Ромашка»', inn: '7707083893', lastName: 'X' }), context),
    );
    // what is sent (JSON): the business's own fields only
    expect(JSON.parse(JSON.stringify(business.applicant))).toEqual({
      kind: 'business',
      name: 'ООО «Ромашка»',
      inn: '7707083893',
      consent: { sms: true, email: false },
      locale: 'ru',
    });
  });

  it('puts a checksum error on its field', () => {
    const result = caseCreateSchema.safeParse(toBody(draft({ snils: '112-233-445 96' }), context));
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'applicant.snils');
    expect(issue).toMatchObject({ code: 'custom', params: { rule: 'snils_checksum' } });
  });

  it('brings a body’s document path back to the row it came from', () => {
    const rows = draft().documents;
    expect(draftPath('documents.0.pages', rows)).toBe('documents.1.pages');
    expect(draftPath('documents.1.name', rows)).toBe('documents.2.name');
    expect(draftPath('documents.2', rows)).toBeNull();
    expect(draftPath('applicant.inn', rows)).toBe('applicant.inn');
    expect(draftPath('office', rows)).toBeNull();
    expect(draftPath('ticket', rows)).toBeNull();
  });
});
