import type { Register, RegisterKind } from '../../shared/case-registers.js';
import { localDateTime, longDate, shortDate } from './pdf-dates.js';
import { type PdfBlock, renderPdf } from './pdf-document.js';

/**
 * The printed register (issue 11): what the courier carries between an office and an agency — its number,
 * the office, the agency, the date, the cases one per line (number, service, the applicant's short name,
 * the late mark of a transfer), and the lines both sides sign. Only masked names are printed.
 */

export type RegisterPrintOptions = {
  /** Printed in the footer and written as the PDF's creation date. */
  generatedAt: Date;
  /** The office's zone: dates on its wall clock. */
  timeZone: string;
  address: string | null;
};

const titles: Record<RegisterKind, string> = {
  transfer: 'Реестр передачи документов в орган власти',
  results: 'Реестр передачи результатов предоставления услуг в МФЦ',
  return: 'Реестр возврата невостребованных результатов в орган власти',
};

/** Who hands over and who receives, by kind. */
const sides: Record<RegisterKind, [string, string]> = {
  transfer: ['Передал (МФЦ)', 'Принял (орган власти)'],
  results: ['Передал (орган власти)', 'Принял (МФЦ)'],
  return: ['Передал (МФЦ)', 'Принял (орган власти)'],
};

const signatureLine = (who: string) =>
  `${who}: ______________________________    подпись ____________    дата «____» ____________ 20___ г.`;

export function registerBlocks(register: Register, opts: RegisterPrintOptions): PdfBlock[] {
  const created = localDateTime(register.createdAt, opts.timeZone);
  const late = register.items.filter((i) => i.late).length;
  const [giver, receiver] = sides[register.kind];
  return [
    { kind: 'title', text: titles[register.kind] },
    { kind: 'code', label: 'Номер реестра', value: register.number },
    {
      kind: 'fields',
      rows: [
        { label: 'Офис МФЦ', value: register.office.name },
        ...(opts.address ? [{ label: 'Адрес', value: opts.address }] : []),
        { label: 'Орган власти', value: register.agency.shortName },
        { label: 'Дата составления', value: longDate(created.date, 'ru') },
        { label: 'Составил', value: register.createdBy?.name ?? '—' },
        { label: 'Дел в реестре', value: String(register.items.length) },
        ...(register.courier ? [{ label: 'Курьер', value: register.courier }] : []),
        ...(register.acceptedBy ? [{ label: 'Принял', value: register.acceptedBy }] : []),
        ...(register.kind === 'transfer' && late > 0
          ? [{ label: 'С нарушением срока передачи', value: String(late) }]
          : []),
      ],
    },
    {
      kind: 'list',
      heading: '№ п/п — номер дела — услуга — заявитель — принято',
      items: register.items.map((item, i) => ({
        text: `${i + 1}. ${item.number} — ${item.service.title} — ${item.applicant} — ${shortDate(
          localDateTime(item.acceptedAt, opts.timeZone).date,
        )}`,
        ...(item.late ? { note: 'передано позже следующего рабочего дня' } : {}),
      })),
      empty: 'В реестре нет дел.',
    },
    ...(register.kind === 'transfer' && late > 0
      ? [
          {
            kind: 'notice' as const,
            text: `${late} из ${register.items.length} дел не переданы в орган власти до конца рабочего дня, следующего за днём приёма`,
          },
        ]
      : []),
    { kind: 'text', text: signatureLine(giver) },
    { kind: 'text', text: signatureLine(receiver) },
  ];
}

export function renderRegister(register: Register, opts: RegisterPrintOptions): Promise<Buffer> {
  const generated = localDateTime(opts.generatedAt, opts.timeZone);
  return renderPdf({
    page: 'A4',
    title: `Реестр ${register.number}`,
    lang: 'ru',
    subject: titles[register.kind],
    createdAt: opts.generatedAt,
    blocks: registerBlocks(register, opts),
    footer: `Реестр ${register.number} · напечатан ${shortDate(generated.date)} в ${generated.time} (время офиса)`,
  });
}
