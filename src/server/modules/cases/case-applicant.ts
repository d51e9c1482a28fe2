import { formatSnils } from '../../../shared/case-checksums.js';
import type {
  ApplicantInput,
  FullApplicant,
  IdentityDocument,
  MaskedApplicant,
} from '../../../shared/cases.js';
import { maskEmail, maskPhone } from '../../../shared/contacts.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import type { CaseApplicantRow } from './cases.schema.js';

/**
 * An applicant as okno keeps them (152-ФЗ): apart from the case, only what the form asked, everything that
 * identifies a person sealed as one text; lists get a display name and masks made at acceptance; search
 * goes by keyed hashes of the surname and the phone (the same phone hash the outbox and bookings use).
 */

/** A name in its normal form for the lookup hash: lower case, ё as е, one space. */
export const normalName = (name: string) => name.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

const initial = (name: string | undefined) => (name ? `${name.trim()[0].toUpperCase()}.` : '');

/** «Иванов И. И.» */
export const shortName = (p: { lastName: string; firstName: string; middleName?: string }) =>
  [p.lastName.trim(), [initial(p.firstName), initial(p.middleName)].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' ');

const documentWords: Record<IdentityDocument['kind'], string> = {
  passport_rf: 'паспорт',
  foreign_passport: 'загранпаспорт',
  birth_certificate: 'свид. о рождении',
  residence_permit: 'вид на жительство',
  military_id: 'военный билет',
  other: 'документ',
};

/** «паспорт ••••••56»: the kind and the number's last two characters. */
export const maskDocument = (doc: IdentityDocument) =>
  `${documentWords[doc.kind]} ${'•'.repeat(Math.max(2, doc.number.length - 2))}${doc.number.slice(-2)}`;

type SealedApplicant = Omit<FullApplicant, 'consent' | 'kind'>;

export type ApplicantValues = Omit<typeof import('./cases.schema.js').caseApplicants.$inferInsert, 'id'>;

/** The row to store for an applicant as accepted. */
export function applicantRow(input: ApplicantInput, cipher: PersonalDataCipher): ApplicantValues {
  const person = input.kind === 'person' ? input : input.representative;
  const doc = person?.identityDocument;
  const full: SealedApplicant = {
    lastName: input.kind === 'person' ? input.lastName : null,
    firstName: input.kind === 'person' ? input.firstName : null,
    middleName: input.kind === 'person' ? (input.middleName ?? null) : null,
    birthDate: input.kind === 'person' ? (input.birthDate ?? null) : null,
    identityDocument: doc ? { kind: doc.kind, series: doc.series ?? null, number: doc.number } : null,
    snils: person?.snils ?? null,
    phone: input.phone ?? person?.phone ?? null,
    email: input.email ?? person?.email ?? null,
    name: input.kind === 'business' ? input.name : null,
    inn: input.kind === 'business' ? input.inn : null,
    ogrn: input.kind === 'business' ? (input.ogrn ?? null) : null,
    representative:
      input.kind === 'business' && input.representative
        ? [input.representative.lastName, input.representative.firstName, input.representative.middleName]
            .filter(Boolean)
            .join(' ')
        : null,
  };
  return {
    kind: input.kind,
    sealed: cipher.seal(JSON.stringify(full)),
    displayName: input.kind === 'person' ? shortName(input) : input.name.trim(),
    maskedPhone: full.phone ? maskPhone(full.phone) : null,
    maskedEmail: full.email ? maskEmail(full.email) : null,
    maskedDocument: doc ? maskDocument(doc) : null,
    nameHash: cipher.lookupHash('name', normalName(input.kind === 'person' ? input.lastName : input.name)),
    phoneHash: full.phone ? cipher.lookupHash('phone', full.phone) : null,
    inn: input.kind === 'business' ? input.inn : null,
    consentSms: input.consent?.sms ?? false,
    consentEmail: input.consent?.email ?? false,
    locale: input.locale ?? 'ru',
  };
}

export const toMaskedApplicant = (row: CaseApplicantRow): MaskedApplicant => ({
  kind: row.kind,
  name: row.displayName,
  phone: row.maskedPhone,
  email: row.maskedEmail,
  document: row.maskedDocument,
  inn: row.inn,
});

/** The full data (the caller logs the view). */
export function openApplicant(row: CaseApplicantRow, cipher: PersonalDataCipher): FullApplicant {
  const full = JSON.parse(cipher.open(row.sealed)) as SealedApplicant;
  return {
    kind: row.kind,
    ...full,
    snils: full.snils ? formatSnils(full.snils) : null,
    consent: { sms: row.consentSms, email: row.consentEmail },
  };
}

/** Contacts for a notification (opened only to write the outbox's own sealed copy). */
export function applicantContacts(row: CaseApplicantRow, cipher: PersonalDataCipher) {
  const full = JSON.parse(cipher.open(row.sealed)) as SealedApplicant;
  return {
    name: full.firstName ?? full.representative ?? full.name ?? null,
    phone: full.phone,
    email: full.email,
    consentSms: row.consentSms,
    consentEmail: row.consentEmail,
    locale: row.locale,
  };
}
