import {
  bookingCodeAlphabet,
  bookingCodeLength,
  formatBookingCode,
  newBookingCode,
  parseBookingCode,
} from './booking-code.js';

describe('the booking code alphabet', () => {
  it('has no characters that can be taken for one another', () => {
    for (const c of '0OQD1IL2Z5S6G8B') expect(bookingCodeAlphabet).not.toContain(c);
  });

  it('holds each character once, upper-case Latin letters and digits only', () => {
    expect(new Set(bookingCodeAlphabet).size).toBe(bookingCodeAlphabet.length);
    expect(bookingCodeAlphabet).toMatch(/^[A-Z0-9]+$/);
  });

  it('gives codes of eight characters: over 30 bits, too many to guess', () => {
    expect(bookingCodeLength).toBe(8);
    expect(bookingCodeLength * Math.log2(bookingCodeAlphabet.length)).toBeGreaterThan(30);
  });
});

describe('newBookingCode', () => {
  it('draws each character from the alphabet with the given random source', () => {
    const asked: number[] = [];
    const picks = [0, 20, 1, 19, 2, 18, 3, 17];
    const code = newBookingCode((max) => {
      asked.push(max);
      return picks[asked.length - 1];
    });
    expect(asked).toEqual(Array(8).fill(bookingCodeAlphabet.length));
    expect(code).toBe(picks.map((i) => bookingCodeAlphabet[i]).join(''));
    expect(code).toBe('A9C7E4F3');
  });

  it('uses only the alphabet however the source falls', () => {
    let seed = 7;
    const lcg = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % max;
    };
    for (let i = 0; i < 500; i++) {
      const code = newBookingCode(lcg);
      expect(code).toMatch(new RegExp(`^[${bookingCodeAlphabet}]{8}$`));
      expect(parseBookingCode(code)).toBe(code);
    }
  });
});

describe('parseBookingCode', () => {
  it('takes a bare code', () => {
    expect(parseBookingCode('ACEFHJKM')).toBe('ACEFHJKM');
  });

  it('takes lower case, dashes and spaces, and trims', () => {
    expect(parseBookingCode('acef-hjkm')).toBe('ACEFHJKM');
    expect(parseBookingCode('  AC EF  HJ-KM \n')).toBe('ACEFHJKM');
    expect(parseBookingCode('7943-nprt')).toBe('7943NPRT');
  });

  it('reads Cyrillic look-alikes typed on a Russian keyboard as their Latin letters', () => {
    // А С Е Н К М Р Т Х У in Cyrillic, upper and lower case
    expect(parseBookingCode('АСЕН-КМРТ')).toBe('ACEHKMPT');
    expect(parseBookingCode('асен-кмрт')).toBe('ACEHKMPT');
    expect(parseBookingCode('ХУ34-7XY9')).toBe('XY347XY9');
  });

  it('refuses a Cyrillic letter whose Latin twin is not in the alphabet', () => {
    // В looks like B, which the alphabet leaves out
    expect(parseBookingCode('ВACE-FHJK')).toBeNull();
  });

  it('takes the code from the slip QR link', () => {
    expect(parseBookingCode('https://okno.example/book/manage?code=ACEF-HJKM')).toBe('ACEFHJKM');
    expect(parseBookingCode('https://okno.example/book/manage?lang=ru&code=acefhjkm#top')).toBe('ACEFHJKM');
    expect(parseBookingCode('https://okno.example/book/manage?code=ACEF%2DHJKM&x=1')).toBe('ACEFHJKM');
  });

  it('gives null for junk, never an exception', () => {
    for (const junk of [
      '',
      '   ',
      'ACEFHJK',
      'ACEFHJKMN',
      'ACEF-HJK0',
      'OOOO-OOOO',
      '12345678',
      'ACEF_HJKM',
      'https://okno.example/book/manage',
      'https://okno.example/book/manage?code=',
      'https://okno.example/book/manage?code=%E0%A4%A',
      'https://okno.example/book/manage?code=%',
      '<script>ACEFHJKM</script>',
    ]) {
      expect(parseBookingCode(junk)).toBeNull();
    }
  });
});

describe('formatBookingCode', () => {
  it('prints a code as two groups of four', () => {
    expect(formatBookingCode('ACEFHJKM')).toBe('ACEF-HJKM');
    expect(parseBookingCode(formatBookingCode('ACEFHJKM'))).toBe('ACEFHJKM');
  });
});
