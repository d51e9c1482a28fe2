import { describe, expect, it } from 'vitest';
import { csvField, csvOf } from './csv.js';

describe('csvOf', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = csvOf(['Район', 'Визиты'], [['Липецк', 1200]]);
    expect(csv).toBe('\uFEFFРайон,Визиты\r\nЛипецк,1200\r\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    const csv = csvOf(['a'], [['Офис «Центр», Липецк'], ['Он сказал "да"'], ['две\nстроки']]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      '"Офис «Центр», Липецк"',
      '"Он сказал ""да"""',
      '"две\nстроки"',
    ]);
  });

  it('writes numbers with a dot and null as an empty field', () => {
    expect(csvOf(['a', 'b', 'c'], [[0.25, null, -3.5]])).toBe('\uFEFFa,b,c\r\n0.25,,-3.5\r\n');
  });

  it('keeps a text that starts like a formula from running as one', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+7 900')).toBe("'+7 900");
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('quotes a field with edge spaces, leaves a plain one alone', () => {
    expect(csvField(' x')).toBe('" x"');
    expect(csvField('Липецк')).toBe('Липецк');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });
});
