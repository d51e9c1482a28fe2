/**
 * The acceptance form's draft and the body it becomes (pure): the draft's shape follows the body
 * (`applicant.inn`, `documents.2.pages`) so the shared contract's errors land on their fields; `toBody`
 * drops blanks, keeps only the documents taken, in their order; `draftPath` brings a body's path (the
 * schema's or the server's) back to the row it came from.
 */
import type { CaseChannel, IdentityDocumentKind } from '../../shared/cases.js';
import type { ServiceCard } from '../../shared/catalog.js';

export type DocumentRow = {
  name: string;
  required: boolean;
  provided: boolean;
  form: 'original' | 'copy';
  pages: string;
};

export type AcceptDraft = {
  channel: CaseChannel;
  applicant: {
    kind: 'person' | 'business';
    lastName: string;
    firstName: string;
    middleName: string;
    birthDate: string;
    identityDocument: { kind: IdentityDocumentKind; series: string; number: string };
    snils: string;
    name: string;
    inn: string;
    ogrn: string;
    representative: { lastName: string; firstName: string; middleName: string };
    phone: string;
    email: string;
    consent: { sms: boolean; email: boolean };
  };
  documents: DocumentRow[];
  feePaid: boolean;
  comment: string;
};

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The draft as POST /api/cases takes it (caseCreateSchema validates what this gives). */
export function toBody(
  draft: AcceptDraft,
  context: { office: string; service: string; ticket?: string; locale: 'ru' | 'en' },
): unknown {
  const a = draft.applicant;
  const contacts = {
    phone: blank(a.phone),
    email: blank(a.email),
    consent: a.consent,
    locale: context.locale,
  };
  const doc = a.identityDocument;
  const applicant =
    a.kind === 'person'
      ? {
          kind: 'person',
          lastName: a.lastName,
          firstName: a.firstName,
          middleName: blank(a.middleName),
          birthDate: blank(a.birthDate),
          identityDocument:
            blank(doc.series) || blank(doc.number)
              ? { kind: doc.kind, series: blank(doc.series), number: doc.number.trim() }
              : undefined,
          snils: blank(a.snils),
          ...contacts,
        }
      : {
          kind: 'business',
          name: a.name,
          inn: a.inn,
          ogrn: blank(a.ogrn),
          representative:
            blank(a.representative.lastName) || blank(a.representative.firstName)
              ? {
                  lastName: a.representative.lastName,
                  firstName: a.representative.firstName,
                  middleName: blank(a.representative.middleName),
                }
              : undefined,
          ...contacts,
        };
  return {
    office: context.office,
    service: context.service,
    ticket: context.ticket,
    applicant,
    documents: draft.documents
      .filter((d) => d.provided)
      .map((d) => ({
        name: d.name,
        form: d.form,
        pages: blank(d.pages) === undefined ? undefined : Number(d.pages),
      })),
    feePaid: draft.feePaid,
    channel: draft.channel,
    comment: blank(draft.comment),
  };
}

/**
 * A path of the body (the schema's or the server's) as the form's field: the n-th document sent is the
 * n-th row taken; the office, service and ticket are not fields here (null: the form's general message).
 */
export function draftPath(path: string, documents: readonly Pick<DocumentRow, 'provided'>[]): string | null {
  if (path === 'office' || path === 'service' || path === 'ticket' || path === '' || path === 'documents')
    return null;
  const row = /^documents\.(\d+)(\..*)?$/.exec(path);
  if (!row) return path;
  const taken = documents.flatMap((d, i) => (d.provided ? [i] : []));
  const index = taken[Number(row[1])];
  return index === undefined ? null : `documents.${index}${row[2] ?? ''}`;
}

export const rowOf = (doc: ServiceCard['documents'][number]): DocumentRow => ({
  name: doc.name,
  required: doc.required,
  provided: false,
  form: doc.form === 'copy' ? 'copy' : 'original',
  pages: '',
});
