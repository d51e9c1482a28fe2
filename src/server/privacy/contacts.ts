import { maskEmail, maskPhone, normalizeEmail, normalizePhone } from '../../shared/contacts.js';
import type { PersonalDataCipher } from './personal-data.js';

/** A phone or an e-mail address as okno keeps it: its normal form (to seal), its keyed hash (to find it), its mask (to show). */
export type KeptContact = { normalized: string; hash: string; masked: string };

/**
 * A phone (+7…, 8…, with any spacing) or an e-mail address as okno keeps it; null when the input is not
 * one. Whoever stores it seals `normalized`; lookups go by `hash`; lists show `masked`.
 */
export function keptContact(
  cipher: PersonalDataCipher,
  kind: 'phone' | 'email',
  input: string,
): KeptContact | null {
  const normalized = kind === 'phone' ? normalizePhone(input) : normalizeEmail(input);
  if (!normalized) return null;
  return {
    normalized,
    hash: cipher.lookupHash(kind, normalized),
    masked: kind === 'phone' ? maskPhone(normalized) : maskEmail(normalized),
  };
}
