import type { Case } from '../../shared/cases.js';
import { localDateTime, longDate, type PdfLocale, shortDate } from './pdf-dates.js';
import { type PdfBlock, type PdfPageSize, renderPdf } from './pdf-document.js';

/**
 * The receipt (расписка) of an application (issue 11): the case number and the PIN big, the service, the
 * documents taken (original or copy, pages), when and by whom they were accepted, the expected date of the
 * result and where to collect it, and a QR code of the status page (`/status?number=…&pin=…`) that the
 * portal opens and the kiosk's scanner reads. Printed at the window and re-printed on request; the route
 * logs every print in the case's trail. A second, smaller QR «Оцените качество обслуживания» beside it leads
 * to the case's rating page (`/rate/{token}?src=qr`, issue 12). Nothing of the applicant is printed but what is on the case.
 */

export type CaseReceipt = {
  number: string;
  pin: string;
  service: string;
  agency: string | null;
  documents: { name: string; form: 'original' | 'copy'; pages: number | null }[];
  /** ISO instant of acceptance. */
  acceptedAt: string;
  acceptedBy: string | null;
  /** The office's local date the result is due ('YYYY-MM-DD'). */
  dueDate: string;
  office: { name: string; address: string; timeZone: string };
  fee: number | null;
  feePaid: boolean;
};

export type CaseReceiptOptions = {
  /** `${publicUrl}/status?number=…&pin=…`: the QR's content. */
  statusUrl: string;
  /** `${publicUrl}/rate/{token}?src=qr`: a second, smaller QR beside the status's, to rate the service (issue 12), when given. */
  ratingUrl?: string;
  locale: PdfLocale;
  /** Printed in the footer and written as the PDF's creation date. */
  generatedAt: Date;
  page?: PdfPageSize;
};

/** The receipt of a case as staff read it, its PIN (opened from the sealed column) and the office's address. */
export function receiptOf(
  dto: Case,
  pin: string,
  office: { name: string; address: string; timeZone: string },
): CaseReceipt {
  return {
    number: dto.number,
    pin,
    service: dto.service.title,
    agency: dto.agency?.shortName ?? null,
    // the documents in force: a replaced one is kept on the case, its replacement is what the office holds
    documents: dto.documents
      .filter((d) => d.replacedAt === null)
      .map((d) => ({ name: d.name, form: d.form, pages: d.pages })),
    acceptedAt: dto.acceptedAt,
    acceptedBy: dto.acceptedBy?.name ?? null,
    dueDate: dto.dueDate,
    office,
    fee: dto.fee,
    feePaid: dto.feePaid,
  };
}

/** The status page's address for a case: the receipt's QR and the link under it. */
export const statusUrlOf = (publicUrl: string, number: string, pin: string) =>
  `${publicUrl.replace(/\/$/, '')}/status?number=${encodeURIComponent(number)}&pin=${encodeURIComponent(pin)}`;

type Words = {
  title: string;
  number: string;
  pin: string;
  pinNote: string;
  service: string;
  agency: string;
  accepted: string;
  acceptedBy: string;
  due: string;
  collect: string;
  address: string;
  fee: string;
  feePaid: string;
  feeNotPaid: string;
  documents: string;
  noDocuments: string;
  original: string;
  copy: string;
  pages: (n: number) => string;
  collectText: string;
  qrCaption: string;
  qrDetail: (url: string) => string;
  rateCaption: string;
  generated: (date: string, time: string) => string;
};

/** «1 л.», «12 л.»: the office's abbreviation of «лист», the same for every number. */
const ruPages = (n: number) => `${n} л.`;

const words: Record<PdfLocale, Words> = {
  ru: {
    title: 'Расписка в получении документов',
    number: 'Номер дела',
    pin: 'PIN-код',
    pinNote:
      'Номер дела и PIN-код нужны, чтобы узнать, как идёт дело: на портале, в инфомате офиса или по телефону ' +
      'колл-центра. Не сообщайте PIN-код посторонним.',
    service: 'Услуга',
    agency: 'Ведомство',
    accepted: 'Документы приняты',
    acceptedBy: 'Принял(а)',
    due: 'Ожидаемая дата результата',
    collect: 'Где получить результат',
    address: 'Адрес',
    fee: 'Госпошлина',
    feePaid: 'оплачена',
    feeNotPaid: 'не оплачена',
    documents: 'Принятые документы',
    noDocuments: 'Документы не принимались.',
    original: 'оригинал',
    copy: 'копия',
    pages: ruPages,
    collectText:
      'Результат выдаётся в этом офисе при предъявлении документа, удостоверяющего личность, и этой расписки. ' +
      'Срок может сдвинуться, если ведомству понадобятся сведения от других органов: актуальная дата — на ' +
      'странице статуса.',
    qrCaption: 'Статус дела: отсканируйте QR-код телефоном или у инфомата',
    qrDetail: (url) => `Или откройте ссылку:\n${url}`,
    rateCaption: 'Оцените качество обслуживания',
    generated: (date, time) => `Расписка напечатана ${date} в ${time} (время офиса)`,
  },
  en: {
    title: 'Receipt for documents',
    number: 'Case number',
    pin: 'PIN',
    pinNote:
      'You need the case number and the PIN to follow your case: on the portal, at the office’s kiosk or by ' +
      'calling the call center. Do not tell anyone your PIN.',
    service: 'Service',
    agency: 'Agency',
    accepted: 'Documents accepted',
    acceptedBy: 'Accepted by',
    due: 'Result expected on',
    collect: 'Where to collect the result',
    address: 'Address',
    fee: 'State fee',
    feePaid: 'paid',
    feeNotPaid: 'not paid',
    documents: 'Documents accepted',
    noDocuments: 'No documents were taken.',
    original: 'original',
    copy: 'copy',
    pages: (n) => (n === 1 ? '1 page' : `${n} pages`),
    collectText:
      'The result is handed over at this office on showing an identity document and this receipt. The date ' +
      'may move if the agency needs information from other bodies: the status page shows the current one.',
    qrCaption: 'Case status: scan the QR code with a phone or at the kiosk',
    qrDetail: (url) => `Or open the link:\n${url}`,
    rateCaption: 'Rate the quality of service',
    generated: (date, time) => `Receipt printed on ${date} at ${time} (office time)`,
  },
};

/** The receipt as a document description: what renderCaseReceipt prints. */
export function caseReceiptBlocks(receipt: CaseReceipt, opts: CaseReceiptOptions): PdfBlock[] {
  const w = words[opts.locale];
  const accepted = localDateTime(receipt.acceptedAt, receipt.office.timeZone);
  const rows = [
    { label: w.service, value: receipt.service },
    ...(receipt.agency ? [{ label: w.agency, value: receipt.agency }] : []),
    { label: w.accepted, value: `${shortDate(accepted.date)}, ${accepted.time}` },
    ...(receipt.acceptedBy ? [{ label: w.acceptedBy, value: receipt.acceptedBy }] : []),
    ...(receipt.fee !== null && receipt.fee > 0
      ? [{ label: w.fee, value: `${receipt.fee} ₽, ${receipt.feePaid ? w.feePaid : w.feeNotPaid}` }]
      : []),
    { label: w.due, value: longDate(receipt.dueDate, opts.locale) },
    { label: w.collect, value: receipt.office.name },
    { label: w.address, value: receipt.office.address },
  ];
  return [
    { kind: 'title', text: w.title },
    { kind: 'code', label: w.number, value: receipt.number },
    { kind: 'code', label: w.pin, value: receipt.pin },
    { kind: 'text', text: w.pinNote },
    { kind: 'fields', rows },
    {
      kind: 'list',
      heading: w.documents,
      items: receipt.documents.map((d) => ({
        text: d.name,
        note: [d.form === 'original' ? w.original : w.copy, d.pages ? w.pages(d.pages) : null]
          .filter(Boolean)
          .join(', '),
      })),
      empty: w.noDocuments,
    },
    { kind: 'text', text: w.collectText },
    {
      kind: 'qr',
      data: opts.statusUrl,
      caption: w.qrCaption,
      detail: w.qrDetail(opts.statusUrl),
      ...(opts.ratingUrl ? { aside: { data: opts.ratingUrl, caption: w.rateCaption } } : {}),
    },
  ];
}

export function renderCaseReceipt(receipt: CaseReceipt, opts: CaseReceiptOptions): Promise<Buffer> {
  const w = words[opts.locale];
  const generated = localDateTime(opts.generatedAt, receipt.office.timeZone);
  return renderPdf({
    page: opts.page ?? 'A4',
    title: `${w.title} ${receipt.number}`,
    lang: opts.locale,
    createdAt: opts.generatedAt,
    blocks: caseReceiptBlocks(receipt, opts),
    footer: w.generated(shortDate(generated.date), generated.time),
  });
}
