import { fitsSms, SMS_MAX_PARTS, smsEncoding, smsParts } from './sms-length.js';

const cyr = (n: number) => 'я'.repeat(n);
const lat = (n: number) => 'a'.repeat(n);

describe('smsParts', () => {
  it('counts an empty text as one GSM-7 SMS', () => {
    expect(smsParts('')).toEqual({ encoding: 'gsm7', units: 0, parts: 1 });
  });

  it('fits 160 GSM-7 characters in one SMS and splits 161 into two parts of 153', () => {
    expect(smsParts(lat(160))).toEqual({ encoding: 'gsm7', units: 160, parts: 1 });
    expect(smsParts(lat(161))).toEqual({ encoding: 'gsm7', units: 161, parts: 2 });
    expect(smsParts(lat(306))).toEqual({ encoding: 'gsm7', units: 306, parts: 2 });
    expect(smsParts(lat(307))).toEqual({ encoding: 'gsm7', units: 307, parts: 3 });
  });

  it('switches to UCS-2 for Cyrillic: 70 in one SMS, 67 per part', () => {
    expect(smsParts(cyr(70))).toEqual({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(smsParts(cyr(71))).toEqual({ encoding: 'ucs2', units: 71, parts: 2 });
    expect(smsParts(cyr(134))).toEqual({ encoding: 'ucs2', units: 134, parts: 2 });
    expect(smsParts(cyr(135))).toEqual({ encoding: 'ucs2', units: 135, parts: 3 });
  });

  it('turns a whole Latin text to UCS-2 for one character outside GSM-7', () => {
    expect(smsParts(`${lat(69)}ж`)).toEqual({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(smsParts(`${lat(70)}…`)).toEqual({ encoding: 'ucs2', units: 71, parts: 2 });
    expect(smsParts(`${lat(100)}ё`).encoding).toBe('ucs2');
  });

  it('counts each character of the extension table as two septets', () => {
    for (const char of '^{}\\[~]|€') {
      expect(smsParts(char), char).toEqual({ encoding: 'gsm7', units: 2, parts: 1 });
    }
    expect(smsParts(`${lat(158)}€`)).toEqual({ encoding: 'gsm7', units: 160, parts: 1 });
    expect(smsParts(`${lat(159)}€`)).toEqual({ encoding: 'gsm7', units: 161, parts: 2 });
    expect(smsParts('{'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, parts: 1 });
  });

  it('keeps the GSM-7 accented letters and Greek capitals of the default alphabet in one septet', () => {
    expect(smsParts('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà')).toEqual({
      encoding: 'gsm7',
      units: 42,
      parts: 1,
    });
    // lower-case ç, á and the backtick are not in the alphabet
    for (const char of ['ç', 'á', '`']) expect(smsEncoding(char), char).toBe('ucs2');
  });

  it('never splits an extension character between two parts', () => {
    // 306 septets, but the € would straddle parts 1 and 2: it moves whole, and one septet spills into a third
    expect(smsParts(`${lat(152)}€${lat(152)}`)).toEqual({ encoding: 'gsm7', units: 306, parts: 3 });
    expect(smsParts(`${lat(151)}€${lat(153)}`)).toEqual({ encoding: 'gsm7', units: 306, parts: 2 });
  });

  it('counts an emoji as two UTF-16 code units and never splits the pair', () => {
    expect(smsParts('😀')).toEqual({ encoding: 'ucs2', units: 2, parts: 1 });
    expect(smsParts(`${cyr(68)}😀`)).toEqual({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(smsParts(`${cyr(69)}😀`)).toEqual({ encoding: 'ucs2', units: 71, parts: 2 });
    expect(smsParts(`${cyr(66)}😀${cyr(66)}`)).toEqual({ encoding: 'ucs2', units: 134, parts: 3 });
    expect(smsParts(`${cyr(65)}😀${cyr(67)}`)).toEqual({ encoding: 'ucs2', units: 134, parts: 2 });
  });
});

describe('fitsSms', () => {
  it('allows two parts by default', () => {
    expect(SMS_MAX_PARTS).toBe(2);
    expect(fitsSms(cyr(134))).toBe(true);
    expect(fitsSms(cyr(135))).toBe(false);
    expect(fitsSms(cyr(71), 1)).toBe(false);
  });
});
