/**
 * How many SMS parts a text takes. GSM 03.38: a text made only of the GSM-7 default alphabet goes in
 * septets (160 in one SMS, 153 per part of a concatenated one: the other 7 carry the part header); any
 * other character (Cyrillic, «…», an emoji) turns the whole text to UCS-2, counted in UTF-16 code units
 * (70 in one SMS, 67 per part). I/O-free.
 */

/** The most parts one message of okno may take: a longer text is shortened before it is queued. */
export const SMS_MAX_PARTS = 2;

/** Septets or UTF-16 code units per SMS, alone and as a part of a concatenated message. */
export const smsLimits = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

export type SmsEncoding = keyof typeof smsLimits;

/** The GSM-7 default alphabet (one septet each). ESC (0x1B) is left out: it only introduces the extension table. */
const basic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: ESC and the character, two septets each. */
const extension = new Set('^{}\\[~]|€\f');

/** The encoding a text needs: GSM-7 when every character is in the default alphabet or its extension. */
export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return 'ucs2';
  return 'gsm7';
}

/**
 * The units (septets or code units) of each character, in order. A unit pair (an extension character's
 * escape, a surrogate pair) is one entry of 2: it is never split between two parts.
 */
function unitWeights(text: string, encoding: SmsEncoding): number[] {
  const weights: number[] = [];
  for (const char of text) {
    weights.push(encoding === 'gsm7' ? (extension.has(char) ? 2 : 1) : char.length);
  }
  return weights;
}

/**
 * The encoding of a text, its length in that encoding's units and the number of SMS parts it takes.
 * An empty text still takes one SMS. A concatenated message is filled part by part, and a unit pair that
 * would straddle two parts moves whole to the next, as phones and gateways do: so a text of 306 septets may
 * take three parts.
 */
export function smsParts(text: string): { encoding: SmsEncoding; units: number; parts: number } {
  const encoding = smsEncoding(text);
  const weights = unitWeights(text, encoding);
  const units = weights.reduce((sum, w) => sum + w, 0);
  const { single, part } = smsLimits[encoding];
  if (units <= single) return { encoding, units, parts: 1 };
  let parts = 1;
  let used = 0;
  for (const w of weights) {
    if (used + w > part) {
      parts += 1;
      used = 0;
    }
    used += w;
  }
  return { encoding, units, parts };
}

/** Whether a text fits in `maxParts` SMS parts (by default okno's limit). */
export const fitsSms = (text: string, maxParts: number = SMS_MAX_PARTS): boolean =>
  smsParts(text).parts <= maxParts;
