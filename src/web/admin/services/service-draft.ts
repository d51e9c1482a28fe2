/**
 * The service editor's form state: the card with numbers kept as typed text, and the conversion both ways
 * (`draftOf(service)`, `cardOf(draft)` → the PUT body). An empty fee / term / keep-days is null. Pure.
 */
import type { AdminService, ServiceCardInput } from '../../../shared/catalog.admin.js';

export type DocumentDraft = {
  name: string;
  required: boolean;
  form: 'original' | 'copy' | 'original_and_copy';
  note: string;
};
export type StageDraft = {
  code: string;
  title: string;
  citizenText: string;
  notify: boolean;
  durationDays: string;
};
export type ServiceDraft = {
  title: string;
  shortTitle: string;
  description: string;
  agency: string;
  category: string;
  situations: string[];
  applicantKinds: ('person' | 'business')[];
  feeAmount: string;
  feeNote: string;
  termDays: string;
  termKind: 'working' | 'calendar';
  keepResultDays: string;
  documents: DocumentDraft[];
  results: string[];
  refusalReasons: string[];
  stages: StageDraft[];
  aliases: string[];
};

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

export function draftOf(s: AdminService): ServiceDraft {
  return {
    title: s.title,
    shortTitle: s.shortTitle,
    description: s.description,
    agency: s.agency ?? '',
    category: s.category ?? '',
    situations: [...s.situations],
    applicantKinds: [...s.applicantKinds],
    feeAmount: text(s.fee?.amount),
    feeNote: s.fee?.note ?? '',
    termDays: text(s.term?.days),
    termKind: s.term?.kind ?? 'working',
    keepResultDays: text(s.keepResultDays),
    documents: s.documents.map((d) => ({ ...d, note: d.note ?? '' })),
    results: [...s.results],
    refusalReasons: [...s.refusalReasons],
    stages: s.stages.map((st) => ({ ...st, durationDays: text(st.durationDays) })),
    aliases: [...s.aliases],
  };
}

export function cardOf(d: ServiceDraft): ServiceCardInput {
  const feeAmount = num(d.feeAmount);
  const termDays = num(d.termDays);
  return {
    title: d.title,
    shortTitle: d.shortTitle,
    description: d.description,
    agency: d.agency || null,
    category: d.category || null,
    situations: d.situations,
    applicantKinds: d.applicantKinds,
    fee: feeAmount === null ? null : { amount: feeAmount, note: d.feeNote.trim() || null },
    term: termDays === null ? null : { days: termDays, kind: d.termKind },
    keepResultDays: num(d.keepResultDays),
    documents: d.documents.map((doc) => ({ ...doc, note: doc.note.trim() || null })),
    results: d.results,
    refusalReasons: d.refusalReasons,
    stages: d.stages.map((st) => ({ ...st, durationDays: num(st.durationDays) })),
    aliases: d.aliases,
  };
}
