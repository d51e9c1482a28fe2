/**
 * The service editor's form state: the card with numbers kept as typed text (`serviceDraftSchema`), and
 * the conversion both ways (`draftOf(service)`, `cardOf(draft)` → the PUT body). An empty fee / term /
 * keep-days is null. `serviceFormSchema` checks a draft as the card it makes (the shared
 * serviceCardInputSchema), so its errors and the server's have the same paths (`term.days`). Pure.
 */
import { z } from 'zod';
import {
  type AdminService,
  adminServiceSchema,
  type ServiceCardInput,
  serviceCardInputSchema,
} from '../../../shared/catalog.admin.js';

const card = adminServiceSchema.shape;
const documentDraftSchema = card.documents.element.extend({ note: z.string() });
const stageDraftSchema = card.stages.element.extend({ durationDays: z.string() });
export const serviceDraftSchema = z.object({
  title: z.string(),
  shortTitle: z.string(),
  description: z.string(),
  agency: z.string(),
  category: z.string(),
  situations: z.array(z.string()),
  applicantKinds: card.applicantKinds,
  feeAmount: z.string(),
  feeNote: z.string(),
  termDays: z.string(),
  termKind: card.term.unwrap().shape.kind,
  keepResultDays: z.string(),
  documents: z.array(documentDraftSchema),
  results: z.array(z.string()),
  refusalReasons: z.array(z.string()),
  stages: z.array(stageDraftSchema),
  aliases: z.array(z.string()),
});
export type ServiceDraft = z.infer<typeof serviceDraftSchema>;
export type DocumentDraft = z.infer<typeof documentDraftSchema>;
export type StageDraft = z.infer<typeof stageDraftSchema>;

/** A draft, checked as the card it makes. */
export const serviceFormSchema = serviceDraftSchema
  .transform((d): z.input<typeof serviceCardInputSchema> => cardOf(d))
  .pipe(serviceCardInputSchema);

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
