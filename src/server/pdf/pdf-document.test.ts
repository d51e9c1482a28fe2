import { pageContents, readPdf, rectangles } from '../../../tests/support/pdf.js';
import { type PdfDocumentSpec, qrMatrix, qrRuns, renderPdf } from './pdf-document.js';
import { checkPdfFonts, pdfFonts, readFont } from './pdf-fonts.js';

const spec = (overrides: Partial<PdfDocumentSpec> = {}): PdfDocumentSpec => ({
  page: 'A4',
  title: 'Расписка в получении документов',
  lang: 'ru',
  createdAt: new Date('2026-12-01T09:00:00Z'),
  blocks: [
    { kind: 'title', text: 'Расписка в получении документов' },
    { kind: 'code', label: 'Номер дела', value: '48-2026-0001234' },
    { kind: 'notice', text: 'Копия' },
    {
      kind: 'fields',
      rows: [
        { label: 'Услуга', value: 'Замена паспорта гражданина Российской Федерации' },
        { label: 'Срок', value: 'до 15 декабря 2026 г.' },
      ],
    },
    {
      kind: 'list',
      heading: 'Приняты документы',
      items: [{ text: 'Заявление', note: 'оригинал, 2 л.' }, { text: 'Фотография 35×45' }],
    },
    { kind: 'text', text: 'Результат выдаётся в том же офисе.' },
    { kind: 'qr', data: 'https://mfc.example.ru/status?number=48-2026-0001234', caption: 'Статус дела' },
  ],
  footer: 'Принял: оператор Иванова А. А.',
  ...overrides,
});

const flat = (text: string[]) => text.join(' ').replace(/\s+/g, ' ');

describe('the PDF document builder', () => {
  it('lays out every kind of block in Cyrillic on an A4 page', async () => {
    const read = await readPdf(await renderPdf(spec()));
    expect(read.pages).toBe(1);
    expect(read.sizes[0].width).toBeCloseTo(595.28, 1);
    expect(read.sizes[0].height).toBeCloseTo(841.89, 1);
    expect(read.text[0].split('\n')).toEqual(
      expect.arrayContaining([
        'Расписка в получении документов',
        'Номер дела',
        '48-2026-0001234',
        'Копия',
        'Приняты документы',
        '• Заявление — оригинал, 2 л.',
        '• Фотография 35×45',
        'Результат выдаётся в том же офисе.',
        'Статус дела',
        'Принял: оператор Иванова А. А.',
      ]),
    );
    expect(flat(read.text)).toContain('Услуга Замена паспорта гражданина Российской Федерации');
    expect(read.info).toMatchObject({
      Title: 'Расписка в получении документов',
      Creator: 'okno',
      Language: 'ru-RU',
    });
  });

  it('joins each row’s dark modules into runs that cover the matrix exactly', () => {
    const matrix = qrMatrix('https://mfc.example.ru/book/manage?code=ACEF-HJKM');
    expect(matrix.length).toBeGreaterThanOrEqual(21);
    const painted = matrix.map((cells) => cells.map(() => false));
    for (const [col, row, length] of qrRuns(matrix)) {
      for (let c = col; c < col + length; c++) {
        expect(painted[row][c]).toBe(false);
        painted[row][c] = true;
      }
      // a run ends where the row turns light (or at its end)
      expect(matrix[row][col + length] ?? false).toBe(false);
    }
    expect(painted).toEqual(matrix);
  });

  it('keeps the QR code whole: moved to the next page rather than split', async () => {
    const filler = Array.from({ length: 36 }, (_, i) => ({ text: `Строка ${i + 1}` }));
    const pdf = await renderPdf(
      spec({
        blocks: [
          { kind: 'list', heading: 'Список', items: filler },
          { kind: 'qr', data: 'https://mfc.example.ru/x', caption: 'Код' },
        ],
      }),
    );
    const [first, second] = pageContents(pdf);
    expect(rectangles(first)).toHaveLength(0);
    expect(rectangles(second)).toHaveLength(qrRuns(qrMatrix('https://mfc.example.ru/x')).length);
    const read = await readPdf(pdf);
    expect(read.text[1]).toContain('Код');
    expect(read.text[1]).toContain('Принял: оператор Иванова А. А. · 2/2');
  });

  it('keeps every letter in the text layer whatever was printed before with the same fonts', async () => {
    // DejaVu draws Cyrillic «о», «А», «В», «Е», «Р», «С» from the Latin glyphs: a Cyrillic document first
    // must not leave the Latin letters without their characters for the next one
    const latin = spec({
      lang: 'en',
      blocks: [
        { kind: 'title', text: 'Booking ACEHKMOPTXY aceopxy' },
        { kind: 'text', text: 'Booking ACEHKMOPTXY aceopxy' },
      ],
      footer: undefined,
    });
    await renderPdf(spec({ blocks: [{ kind: 'title', text: 'Оо Аа Вв Ее Кк Мм Нн Рр Сс Тт Хх Уу' }] }));
    const first = await renderPdf(latin);
    expect((await readPdf(first)).text[0]).toBe('Booking ACEHKMOPTXY aceopxy\nBooking ACEHKMOPTXY aceopxy');
    await renderPdf(spec());
    expect((await renderPdf(latin)).equals(first)).toBe(true);
  });

  it('refuses with a clear message when the font package is missing', () => {
    expect(() => checkPdfFonts()).not.toThrow();
    expect(pdfFonts().regular.familyName).toBe('DejaVu Sans');
    expect(pdfFonts().bold.postscriptName).toBe('DejaVuSans-Bold');
    expect(() => readFont('DejaVuSans.ttf', 'no-such-font-package')).toThrow(
      'the PDF font DejaVuSans.ttf was not found in node_modules/no-such-font-package/ttf: PDFs (booking slips, receipts) need it — run npm install',
    );
  });
});
