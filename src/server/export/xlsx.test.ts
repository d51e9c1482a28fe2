import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnName, safeSheetName, xlsxOf, xmlText } from './xlsx.js';

/** The entries of a zip, read from its central directory, each inflated and checked against its CRC. */
function unzip(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  expect(at + size).toBe(end);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const plainSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.subarray(local + 30, local + 30 + zip.readUInt16LE(local + 26)).toString('utf8')).toBe(name);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    expect(method).toBe(8);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + packedSize));
    expect(data.length).toBe(plainSize);
    expect(crc32(data) >>> 0).toBe(crc);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('xlsxOf', () => {
  const zip = xlsxOf(
    'Визиты по районам',
    ['Район', 'Визиты', 'Доля'],
    [
      ['Липецк', 1200, 0.25],
      ['Елецкий район «Тест» & <ко>', 35, null],
    ],
  );
  const files = unzip(zip);

  it('holds the parts of a workbook with one sheet', () => {
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain(
      '<sheet name="Визиты по районам" sheetId="1" r:id="rId1"/>',
    );
    expect(files.get('[Content_Types].xml')).toContain('/xl/worksheets/sheet1.xml');
  });

  it('writes texts inline with Cyrillic intact and escaped, numbers as numbers, the header bold', () => {
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Район</t></is></c>');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Липецк</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>1200</v></c><c r="C2"><v>0.25</v></c>');
    expect(sheet).toContain('Елецкий район «Тест» &amp; &lt;ко&gt;');
    // null leaves no cell at all
    expect(sheet).toContain('<c r="B3"><v>35</v></c></row>');
    expect(sheet).toContain('<dimension ref="A1:C3"/>');
    expect(files.get('xl/styles.xml')).toContain('<b/>');
  });

  it('gives the same bytes for the same table', () => {
    expect(xlsxOf('a', ['x'], [[1]]).equals(xlsxOf('a', ['x'], [[1]]))).toBe(true);
  });

  it('writes an empty table as its header alone', () => {
    const sheet = unzip(xlsxOf('Пусто', ['Район'], [])).get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<row r="1">');
    expect(sheet).not.toContain('<row r="2">');
  });

  it('leaves out what XML cannot hold and what is not a number', () => {
    const sheet = unzip(xlsxOf('x', ['a', 'b'], [['bad\u0001char', Number.NaN]])).get(
      'xl/worksheets/sheet1.xml',
    );
    expect(sheet).toContain('>badchar<');
    expect(sheet).not.toContain('NaN');
  });
});

describe('the sheet helpers', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
  it('makes a sheet name Excel accepts', () => {
    expect(safeSheetName('Период 01/2026: [итог]')).toBe('Период 01 2026   итог');
    expect(safeSheetName('Очень длинное название листа для проверки')).toHaveLength(31);
    expect(safeSheetName('///')).toBe('Sheet1');
  });
  it('escapes XML text', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });
});
