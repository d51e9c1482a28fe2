import { pageContents, readPdf, rectangles } from '../../../tests/support/pdf.js';
import type { Case } from '../../shared/cases.js';
import {
  type CaseReceipt,
  type CaseReceiptOptions,
  receiptOf,
  renderCaseReceipt,
  statusUrlOf,
} from './case-receipt.js';
import { qrMatrix, qrRuns } from './pdf-document.js';

const office = {
  name: 'МФЦ на Космонавтов',
  address: 'г. Липецк, ул. Космонавтов, д. 56а',
  timeZone: 'Europe/Moscow',
};

function buildReceipt(overrides: Partial<CaseReceipt> = {}): CaseReceipt {
  return {
    number: '48-2026-0001234',
    pin: '493027',
    service: 'Выписка из ЕГРН',
    agency: 'Росреестр',
    documents: [
      { name: 'Паспорт гражданина РФ', form: 'copy', pages: 2 },
      { name: 'Заявление', form: 'original', pages: 1 },
      { name: 'Доверенность', form: 'original', pages: null },
    ],
    acceptedAt: '2026-11-30T07:25:00.000Z',
    acceptedBy: 'Смирнова Ольга Петровна',
    dueDate: '2026-12-03',
    office,
    fee: 460,
    feePaid: true,
    ...overrides,
  };
}

const statusUrl = statusUrlOf('https://mfc.example.ru/', '48-2026-0001234', '493027');
const options = (overrides: Partial<CaseReceiptOptions> = {}): CaseReceiptOptions => ({
  statusUrl,
  locale: 'ru',
  generatedAt: new Date('2026-11-30T07:26:00Z'),
  ...overrides,
});

const flat = (text: string[]) => text.join(' ').replace(/\s+/g, ' ');

describe('the case receipt', () => {
  it('prints in Russian the number, the PIN, the service, the documents, who and when, the due date and where to collect', async () => {
    const read = await readPdf(await renderCaseReceipt(buildReceipt(), options()));
    expect(read.pages).toBe(1);
    const text = flat(read.text);
    expect(read.text[0].split('\n')[0]).toBe('Расписка в получении документов');
    expect(text).toContain('Номер дела 48-2026-0001234');
    expect(text).toContain('PIN-код 493027');
    expect(text).toContain('Выписка из ЕГРН');
    expect(text).toContain('Росреестр');
    expect(text).toContain('Паспорт гражданина РФ — копия, 2 л.');
    expect(text).toContain('Заявление — оригинал, 1 л.');
    expect(text).toMatch(/Доверенность — оригинал(?!,)/);
    expect(text).toContain('Документы приняты 30.11.2026, 10:25');
    expect(text).toContain('Принял(а) Смирнова Ольга Петровна');
    expect(text).toContain('Ожидаемая дата результата 3 декабря 2026 г., четверг');
    expect(text).toContain('Где получить результат МФЦ на Космонавтов');
    expect(text).toContain('г. Липецк, ул. Космонавтов, д. 56а');
    expect(text).toContain('460 ₽, оплачена');
    expect(text).toContain('https://mfc.example.ru/status?number=48-2026-0001234&pin=493027');
    expect(text).toContain('Расписка напечатана 30.11.2026 в 10:26 (время офиса)');
    expect(read.info.Title).toBe('Расписка в получении документов 48-2026-0001234');
  });

  it('prints in English when asked', async () => {
    const read = await readPdf(await renderCaseReceipt(buildReceipt(), options({ locale: 'en' })));
    const text = flat(read.text);
    expect(read.text[0].split('\n')[0]).toBe('Receipt for documents');
    expect(text).toContain('Result expected on Thursday, 3 December 2026');
    expect(text).toContain('Паспорт гражданина РФ — copy, 2 pages');
    expect(text).not.toContain('Расписка');
  });

  it('reads the acceptance time on the office’s clock', async () => {
    const text = flat(
      (
        await readPdf(
          await renderCaseReceipt(
            buildReceipt({ office: { ...office, timeZone: 'Asia/Yekaterinburg' } }),
            options(),
          ),
        )
      ).text,
    );
    expect(text).toContain('Документы приняты 30.11.2026, 12:25');
    expect(text).toContain('Расписка напечатана 30.11.2026 в 12:26');
  });

  it('draws the QR code of the status link with the number and the PIN', async () => {
    const pdf = await renderCaseReceipt(buildReceipt(), options());
    const drawn = rectangles(pageContents(pdf)[0]);
    const expected = qrRuns(qrMatrix(statusUrl));
    expect(drawn).toHaveLength(expected.length);
    const unit = drawn[0][3];
    const [x0, y0] = drawn[0];
    expect(
      drawn.map(([x, y, w]) => [
        Math.round((x - x0) / unit),
        Math.round((y - y0) / unit),
        Math.round(w / unit),
      ]),
    ).toEqual(expected);
  });

  it('draws a second, smaller QR «Оцените качество обслуживания» of the rating link beside the status’s, on the same page', async () => {
    const ratingUrl = `https://mfc.example.ru/rate/rc${'A'.repeat(22)}.${'b'.repeat(22)}?src=qr`;
    const pdf = await renderCaseReceipt(buildReceipt(), options({ ratingUrl }));
    const read = await readPdf(pdf);
    expect(read.pages).toBe(1);
    expect(flat(read.text)).toContain('Оцените качество обслуживания');
    const drawn = rectangles(pageContents(pdf)[0]);
    const status = qrRuns(qrMatrix(statusUrl));
    const rating = qrRuns(qrMatrix(ratingUrl));
    expect(drawn).toHaveLength(status.length + rating.length);
    // the rating's code is drawn after the status's, beside it, its modules smaller
    const second = drawn.slice(status.length);
    const unit = second[0][3];
    expect(unit).toBeLessThan(drawn[0][3]);
    expect(second[0][0]).toBeGreaterThan(drawn[0][0] + 136);
    const [x0, y0] = second[0];
    expect(
      second.map(([x, y, w]) => [
        Math.round((x - x0) / unit),
        Math.round((y - y0) / unit),
        Math.round(w / unit),
      ]),
    ).toEqual(rating);
    // without a rating link, no second code and no words of it
    const plain = await readPdf(await renderCaseReceipt(buildReceipt(), options()));
    expect(flat(plain.text)).not.toContain('Оцените качество');
  });

  it('says no documents were taken when there were none, and leaves out a fee that is not charged', async () => {
    const text = flat(
      (await readPdf(await renderCaseReceipt(buildReceipt({ documents: [], fee: null }), options()))).text,
    );
    expect(text).toContain('Принятые документы Документы не принимались.');
    expect(text).not.toContain('Госпошлина');
  });

  it('gives the same bytes for the same case and moment', async () => {
    const first = await renderCaseReceipt(buildReceipt(), options());
    const second = await renderCaseReceipt(buildReceipt(), options());
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });

  it('takes the documents in force from a case, not the ones replaced', () => {
    const doc = (name: string, replacedAt: string | null) => ({
      id: crypto.randomUUID(),
      name,
      form: 'copy' as const,
      pages: 1,
      hasScan: false,
      replaces: null,
      replacedAt,
      addedAt: '2026-11-30T07:25:00.000Z',
    });
    const dto = {
      number: '48-2026-0000007',
      service: { code: 'egrn-extract', title: 'Выписка из ЕГРН', version: 1 },
      agency: { code: 'roskadastr', shortName: 'Росреестр' },
      documents: [doc('Старая копия', '2026-11-30T08:00:00.000Z'), doc('Новая копия', null)],
      acceptedAt: '2026-11-30T07:25:00.000Z',
      acceptedBy: { id: 'u', name: 'Оператор' },
      dueDate: '2026-12-03',
      fee: null,
      feePaid: false,
    } as unknown as Case;
    const receipt = receiptOf(dto, '000111', office);
    expect(receipt.documents.map((d) => d.name)).toEqual(['Новая копия']);
    expect(receipt).toMatchObject({ number: '48-2026-0000007', pin: '000111', agency: 'Росреестр' });
  });
});
