import { caseNumberPattern, formatCaseNumber, parseCaseNumber, parsePin, pinPattern } from './case-number.js';

describe('formatCaseNumber', () => {
  it('reads region-year-sequence with the sequence padded to seven digits', () => {
    expect(formatCaseNumber('48', 2026, 1234)).toBe('48-2026-0001234');
    expect(formatCaseNumber('48', 2026, 1)).toBe('48-2026-0000001');
    expect(formatCaseNumber('07', 2027, 9_999_999)).toBe('07-2027-9999999');
  });

  it('grows past seven digits instead of wrapping, and still matches its pattern', () => {
    expect(formatCaseNumber('48', 2026, 10_000_000)).toBe('48-2026-10000000');
    expect(caseNumberPattern.test('48-2026-10000000')).toBe(true);
  });

  it('refuses a prefix that is not two digits and a sequence that is not a positive integer', () => {
    expect(() => formatCaseNumber('4', 2026, 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('480', 2026, 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('AB', 2026, 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('48', 2026, 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('48', 2026, -5)).toThrow(RangeError);
    expect(() => formatCaseNumber('48', 2026, 1.5)).toThrow(RangeError);
    expect(() => formatCaseNumber('48', 2026, Number.NaN)).toThrow(RangeError);
  });

  it('parses back what it formats', () => {
    for (const seq of [1, 42, 1234, 9_999_999, 12_345_678])
      expect(parseCaseNumber(formatCaseNumber('48', 2026, seq))).toBe(formatCaseNumber('48', 2026, seq));
  });
});

describe('parseCaseNumber', () => {
  it('takes the number as printed, trimmed', () => {
    expect(parseCaseNumber('48-2026-0001234')).toBe('48-2026-0001234');
    expect(parseCaseNumber('  48-2026-0001234\n')).toBe('48-2026-0001234');
  });

  it('takes «№» in front, with or without a space', () => {
    expect(parseCaseNumber('№ 48-2026-0001234')).toBe('48-2026-0001234');
    expect(parseCaseNumber('№48-2026-0001234')).toBe('48-2026-0001234');
  });

  it('takes spaces, several dash-like characters, underscores and slashes between the parts', () => {
    expect(parseCaseNumber('48 2026 0001234')).toBe('48-2026-0001234');
    expect(parseCaseNumber('48 - 2026 - 0001234')).toBe('48-2026-0001234');
    expect(parseCaseNumber('48–2026—0001234')).toBe('48-2026-0001234'); // en dash, em dash
    expect(parseCaseNumber('48‑2026−0001234')).toBe('48-2026-0001234'); // non-breaking hyphen, minus
    expect(parseCaseNumber('48_2026/0001234')).toBe('48-2026-0001234');
    expect(parseCaseNumber('48\u00a02026\u00a00001234')).toBe('48-2026-0001234'); // no-break spaces
    expect(parseCaseNumber('-48-2026-0001234-')).toBe('48-2026-0001234');
  });

  it('takes the status link of the receipt’s QR code (encoded or not, number anywhere in the query)', () => {
    expect(parseCaseNumber('https://okno.example/status?number=48-2026-0001234&pin=123456')).toBe(
      '48-2026-0001234',
    );
    expect(parseCaseNumber('https://okno.example/status?pin=123456&number=48-2026-0001234')).toBe(
      '48-2026-0001234',
    );
    expect(parseCaseNumber('https://okno.example/status?number=48%202026%200001234#top')).toBe(
      '48-2026-0001234',
    );
    expect(parseCaseNumber('/status?number=48+2026+0001234')).toBe('48-2026-0001234');
  });

  it('refuses junk: wrong part lengths, letters, empty, a broken link, an overlong input', () => {
    for (const bad of [
      '',
      '   ',
      '№',
      '48-2026',
      '48-2026-123456',
      '480-2026-0001234',
      '4-2026-0001234',
      '48-26-0001234',
      '48-2026-000123A',
      'AB-2026-0001234',
      '4820260001234',
      '48--2026--0001234x',
      '48.2026.0001234',
      'https://okno.example/status?pin=123456',
      'https://okno.example/status?number=%E0%A4%A&pin=1',
      'https://okno.example/status?number=nonsense',
      `48-2026-${'1'.repeat(300)}`,
      '48-2026-0001234; drop table cases',
    ])
      expect(parseCaseNumber(bad), JSON.stringify(bad)).toBeNull();
  });

  it('takes several separators run together as one', () => {
    expect(parseCaseNumber('48--2026--0001234')).toBe('48-2026-0001234');
  });
});

describe('parsePin', () => {
  it('takes six digits, spaces dropped', () => {
    expect(parsePin('123456')).toBe('123456');
    expect(parsePin(' 123 456 ')).toBe('123456');
    expect(parsePin('012345')).toBe('012345');
    expect(pinPattern.test('000000')).toBe(true);
  });

  it('refuses five or seven digits, letters, dashes and the empty string', () => {
    for (const bad of ['', '12345', '1234567', '12345a', '123-456', '１２３４５６'])
      expect(parsePin(bad), bad).toBeNull();
  });
});
