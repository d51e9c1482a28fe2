/**
 * How a document of a service's checklist reads to a citizen, decided from the data alone (pure, no words:
 * the page turns the result into i18n marks).
 * - need: `required`; a non-required document whose note is a condition («если…», «при…», «для…») is
 *   `conditional`, and the condition is its mark («При обращении представителя») instead of «по желанию»;
 *   any other non-required one is `optional`.
 * - form: only a copy (or an original and a copy) is tagged. Bringing the original is the default that the
 *   list's hint states once; tagging every line «оригинал» repeated itself and was wrong for things that are
 *   not papers at all (a cadastral number one just tells, forms the MFC specialist fills in), which the data
 *   also stores as `original`.
 * - note: kept, unless it only repeats the mark («по желанию»; «по желанию: …» keeps what follows).
 */
import type { ServiceCard } from '../../shared/catalog.js';

type ServiceDocument = ServiceCard['documents'][number];

export type DocumentMarks = {
  need: 'required' | 'optional' | 'conditional';
  /** The condition, capitalized, for a conditional document. */
  condition: string | null;
  /** The form tag to show, or null for the default (the original). */
  form: 'copy' | 'original_and_copy' | null;
  note: string | null;
};

const conditionStart = /^(если|при|для|в случае)\s/iu;
const optionalNote = /^по желанию\s*[:,—–-]?\s*/iu;

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);

export function documentMarks(document: ServiceDocument): DocumentMarks {
  const form = document.form === 'original' ? null : document.form;
  let note = document.note?.trim() || null;
  if (document.required) return { need: 'required', condition: null, form, note };
  if (note && conditionStart.test(note))
    return { need: 'conditional', condition: capitalize(note), form, note: null };
  if (note && optionalNote.test(note)) note = capitalize(note.replace(optionalNote, '')) || null;
  return { need: 'optional', condition: null, form, note };
}
