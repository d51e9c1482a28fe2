import type { AdminService } from '../../../shared/catalog.admin.js';
import { cardOf, draftOf } from './service-draft.js';

const service: AdminService = {
  code: 'passport',
  version: 2,
  status: 'draft',
  publishedVersion: 1,
  draftVersion: 2,
  title: 'Паспорт',
  shortTitle: 'Паспорт',
  description: 'Описание',
  agency: 'mvd',
  category: null,
  situations: ['birth'],
  applicantKinds: ['person'],
  fee: { amount: 300, note: null },
  term: { days: 10, kind: 'working' },
  keepResultDays: null,
  documents: [{ name: 'Заявление', required: true, form: 'original', note: null }],
  results: ['Паспорт'],
  refusalReasons: [],
  stages: [{ code: 'accept', title: 'Приём', citizenText: 'Приняли', notify: true, durationDays: null }],
  aliases: ['паспорт рф'],
  missing: [],
  offices: [],
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('service draft', () => {
  it('gives back the same card after a round trip through the form state', () => {
    const { code, version, status, publishedVersion, draftVersion, missing, offices, updatedAt, ...card } =
      service;
    expect(cardOf(draftOf(service))).toEqual(card);
  });

  it('turns empty fee, term and keep-days into null and reads a decimal comma', () => {
    const draft = { ...draftOf(service), feeAmount: '', termDays: ' ', keepResultDays: '' };
    expect(cardOf(draft)).toMatchObject({ fee: null, term: null, keepResultDays: null });
    expect(cardOf({ ...draft, feeAmount: '150,5' }).fee).toEqual({ amount: 150.5, note: null });
  });

  it('sends an empty agency as null so publishing names it missing', () => {
    expect(cardOf({ ...draftOf(service), agency: '' }).agency).toBeNull();
  });
});
