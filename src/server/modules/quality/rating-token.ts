import type { PersonalDataCipher } from '../../privacy/personal-data.js';

/**
 * A rating's one-time token: what is rated (a visit — a finished ticket — or a case) and its id, signed with
 * the personal-data key (`cipher.sign`). Nothing is stored for it: the ticket page, the case's status, the
 * SMS or e-mail and the printed QR all carry the same token, and a rating is taken once per ticket or case
 * (the table's unique keys). Anything that does not verify is simply unknown.
 */
export type RatingSubject = { subject: 'visit' | 'case'; id: string };

const prefix = { visit: 'rv', case: 'rc' } as const;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function ratingTokenOf(
  cipher: PersonalDataCipher,
  subject: RatingSubject['subject'],
  id: string,
): string {
  return cipher.sign(`${prefix[subject]}${uuidBytes(id).toString('base64url')}`);
}

/** A finished visit's token (the ticket's id). */
export const visitRatingToken = (cipher: PersonalDataCipher, ticketId: string) =>
  ratingTokenOf(cipher, 'visit', ticketId);
/** A case's token (the case's id): on its status, its receipt's QR and its messages. */
export const caseRatingToken = (cipher: PersonalDataCipher, caseId: string) =>
  ratingTokenOf(cipher, 'case', caseId);

export function parseRatingToken(cipher: PersonalDataCipher, token: string): RatingSubject | undefined {
  if (token.length > 100) return undefined;
  const value = cipher.verify(token);
  if (!value || !/^r[vc][A-Za-z0-9_-]{22}$/.test(value)) return undefined;
  const bytes = Buffer.from(value.slice(2), 'base64url');
  if (bytes.length !== 16) return undefined;
  return { subject: value[1] === 'v' ? 'visit' : 'case', id: uuidOf(bytes) };
}
