import type { ContextOf } from './context.js';
import { formatDate, formatDateTime } from './dates.js';
import type { EmailBlock } from './email.js';
import { optional, shorten } from './fit-sms.js';
import { emailLink, greet, priority, ratingLink, smsLink, subjectTitle, type Texts } from './texts.js';

type Booking = ContextOf<'booking.confirmed'>;

const smsWhen = (c: Booking) => formatDateTime(c.at, c.timeZone, 'ru', 'short');
const emailWhen = (c: Booking) => formatDateTime(c.at, c.timeZone, 'ru', 'long');

const phoneLine = (phone: string | null | undefined): string[] => (phone ? [`Телефон: ${phone}`] : []);
const serviceLine = (service: { title: string } | undefined): string[] =>
  service ? [`Услуга: ${service.title}`] : [];

/** The facts of a booking in an e-mail; `whenLabel` names its time («Новое время» after a change). */
const bookingFacts = (c: Booking, whenLabel = 'Когда'): EmailBlock => ({
  paragraph: [
    `Услуга: ${c.service.title}`,
    `${whenLabel}: ${emailWhen(c)}`,
    `Где: ${c.office.name}, ${c.office.address}`,
    ...phoneLine(c.office.phone),
    `Код записи: ${c.bookingCode}`,
  ],
});

const documents = (c: Booking): EmailBlock[] =>
  c.service.documents.length > 0 ? [{ title: 'Что взять с собой:', list: c.service.documents }] : [];

/** Office, address and phone of the place a result is collected at. */
const collectAt = (office: { name: string; address: string; phone?: string | null }): EmailBlock => ({
  paragraph: [`Где получить: ${office.name}`, `Адрес: ${office.address}`, ...phoneLine(office.phone)],
});

const bringId: EmailBlock = { paragraph: ['Возьмите с собой документ, удостоверяющий личность.'] };

/** The SMS pieces naming the place of a booking: the short title of the service, the office, its address. */
const smsPlace = (c: Booking) => [
  shorten(c.service.shortTitle),
  ', ',
  shorten(c.office.name),
  ', ',
  shorten(c.office.address),
];

const smsPhone = (phone: string | null | undefined) =>
  phone ? optional(` Тел. ${phone}.`, '', priority.phone) : '';

const ahead = (n: number | undefined): string =>
  n === undefined ? '' : n === 0 ? ', перед вами никого нет' : `, перед вами ${n}`;

/** What a rating's e-mail asks: the five official criteria, in a minute. */
const ratingAsk: EmailBlock = {
  title: 'Оцените, пожалуйста, по пяти критериям — это займёт минуту:',
  list: [
    'время предоставления услуги',
    'время ожидания в очереди',
    'вежливость и компетентность сотрудника',
    'комфортность помещения',
    'доступность информации об услуге',
  ],
};
const ratingNote: EmailBlock = {
  paragraph: ['Если что-то было плохо, напишите об этом в комментарии: руководитель офиса ответит вам.'],
};

/** The Russian texts of every message: Russian is okno's default language. */
export const ru: Texts = {
  greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  footer: 'Письмо отправлено автоматически, отвечать на него не нужно.',
  unsubscribe: 'Отписаться от уведомлений',
  events: {
    'booking.confirmed': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, вы записаны`, 'Вы записаны'),
        ` на ${smsWhen(c)}: `,
        ...smsPlace(c),
        `. Код записи: ${c.bookingCode}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Запись подтверждена: ${subjectTitle(c.service.shortTitle)}, ${emailWhen(c)}`,
        blocks: [
          { paragraph: ['Вы записаны на приём в МФЦ.'] },
          bookingFacts(c),
          ...documents(c),
          {
            paragraph: [
              'Если не сможете прийти, отмените или перенесите запись: это время пригодится другим.',
            ],
          },
          ...emailLink(c.link, 'Страница записи'),
        ],
      }),
    },
    'booking.rescheduled': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, ваша запись`, 'Ваша запись'),
        ` перенесена на ${smsWhen(c)}: `,
        ...smsPlace(c),
        `. Код записи: ${c.bookingCode}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Запись перенесена: ${subjectTitle(c.service.shortTitle)}, ${emailWhen(c)}`,
        blocks: [
          { paragraph: ['Время вашей записи на приём в МФЦ изменилось.'] },
          bookingFacts(c, 'Новое время'),
          ...documents(c),
          ...emailLink(c.link, 'Страница записи'),
        ],
      }),
    },
    'booking.reminder': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, напоминаем`, 'Напоминаем'),
        ` о записи на ${smsWhen(c)}: `,
        ...smsPlace(c),
        `. Код записи: ${c.bookingCode}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Напоминание о записи: ${subjectTitle(c.service.shortTitle)}, ${emailWhen(c)}`,
        blocks: [
          { paragraph: ['Напоминаем о вашей записи на приём в МФЦ.'] },
          bookingFacts(c),
          ...documents(c),
          { paragraph: ['Если не сможете прийти, отмените запись: это время пригодится другим.'] },
          ...emailLink(c.link, 'Страница записи'),
        ],
      }),
    },
    'booking.cancelled': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, запись`, 'Запись'),
        ` ${c.bookingCode} на ${smsWhen(c)} отменена: `,
        shorten(c.service.shortTitle),
        ', ',
        shorten(c.office.name),
        '.',
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Запись отменена: ${subjectTitle(c.service.shortTitle)}, ${emailWhen(c)}`,
        blocks: [
          { paragraph: ['Ваша запись на приём в МФЦ отменена.'] },
          bookingFacts(c),
          { paragraph: ['Если услуга всё ещё нужна, запишитесь на другое время.'] },
          ...emailLink(c.link, 'Страница записи'),
        ],
      }),
    },
    'booking.confirm_code': {
      sms: (c) => [`Код подтверждения записи: ${c.confirmCode}. `, shorten(c.office.name), '.'],
      email: (c) => ({
        subject: `Код подтверждения записи: ${c.confirmCode}`,
        blocks: [
          {
            paragraph: [
              `Код подтверждения записи: ${c.confirmCode}`,
              `Где: ${c.office.name}, ${c.office.address}`,
            ],
          },
          ...emailLink(c.link, 'Страница записи'),
        ],
      }),
    },
    'ticket.turn_near': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, талон`, 'Талон'),
        ` ${c.ticketNumber}: подходит ваша очередь${ahead(c.ahead)}.`,
        c.window ? ` Вас пригласят к окну ${c.window}.` : '',
        ' ',
        shorten(c.office.name),
        '.',
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Талон ${c.ticketNumber}: подходит ваша очередь`,
        blocks: [
          { paragraph: [`Подходит ваша очередь${ahead(c.ahead)}.`] },
          {
            paragraph: [
              `Талон: ${c.ticketNumber}`,
              ...(c.window ? [`Окно: ${c.window}`] : []),
              `Где: ${c.office.name}, ${c.office.address}`,
            ],
          },
          ...emailLink(c.link, 'Страница талона'),
        ],
      }),
    },
    'case.stage': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, дело`, 'Дело'),
        ` № ${c.caseNumber}: `,
        shorten(c.stage.citizenText),
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Дело № ${c.caseNumber}: ${subjectTitle(c.stage.title)}`,
        blocks: [
          { paragraph: [c.stage.citizenText] },
          { paragraph: [`Номер дела: ${c.caseNumber}`, ...serviceLine(c.service), `Этап: ${c.stage.title}`] },
          ...emailLink(c.link, 'Ход дела'),
        ],
      }),
    },
    'case.result_ready': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, результат`, 'Результат'),
        ` по делу № ${c.caseNumber} готов. Где получить: `,
        shorten(c.office.name),
        ', ',
        shorten(c.office.address),
        '.',
        smsPhone(c.office.phone),
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Результат готов: дело № ${c.caseNumber}`,
        blocks: [
          { paragraph: [`Результат по вашему делу № ${c.caseNumber} готов, его можно получить в МФЦ.`] },
          ...(c.service ? [{ paragraph: serviceLine(c.service) }] : []),
          collectAt(c.office),
          bringId,
          ...emailLink(c.link, 'Ход дела'),
        ],
      }),
    },
    'case.return_soon': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, результат`, 'Результат'),
        ` по делу № ${c.caseNumber} ждёт вас: `,
        shorten(c.office.name),
        ', ',
        shorten(c.office.address),
        `. ${formatDate(c.at, c.timeZone, 'ru', 'short')} его вернут в ведомство, если не заберёте.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Заберите результат по делу № ${c.caseNumber}`,
        blocks: [
          {
            paragraph: [
              `Результат по вашему делу № ${c.caseNumber} ждёт вас в МФЦ. Если его не забрать, ` +
                `${formatDate(c.at, c.timeZone, 'ru', 'long')} он будет возвращён в ведомство.`,
            ],
          },
          ...(c.service ? [{ paragraph: serviceLine(c.service) }] : []),
          collectAt(c.office),
          bringId,
          ...emailLink(c.link, 'Ход дела'),
        ],
      }),
    },
    'visit.rating': {
      // the link is the message: kept before anything else that may give way (ratingLink)
      sms: (c) => [
        greet(c.name, (n) => `${n}, оцените`, 'Оцените'),
        ' визит в МФЦ',
        optional(` (талон ${c.ticketNumber})`, '', priority.link),
        ratingLink(c.link),
      ],
      email: (c) => ({
        subject: `Оцените визит в МФЦ: талон ${c.ticketNumber}`,
        blocks: [
          {
            paragraph: [`Спасибо, что пришли в ${c.office.name} (талон ${c.ticketNumber}). Как всё прошло?`],
          },
          ratingAsk,
          ...emailLink(c.link, 'Оценить визит'),
          ratingNote,
        ],
      }),
    },
    'case.rating': {
      sms: (c) => [
        optional(`Дело № ${c.caseNumber} завершено. `, '', priority.link),
        'Оцените качество обслуживания в МФЦ',
        ratingLink(c.link),
      ],
      email: (c) => ({
        subject: `Оцените качество обслуживания: дело № ${c.caseNumber}`,
        blocks: [
          {
            paragraph: [
              `Ваше дело № ${c.caseNumber} завершено${c.service ? ` (${c.service.title})` : ''}. Как всё прошло?`,
            ],
          },
          ratingAsk,
          ...emailLink(c.link, 'Оценить'),
          ratingNote,
        ],
      }),
    },
    'channel.test': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, это`, 'Это'),
        ' проверочное сообщение МФЦ: уведомления работают.',
      ],
      email: () => ({
        subject: 'Проверка уведомлений МФЦ',
        blocks: [{ paragraph: ['Это проверочное письмо МФЦ: уведомления по электронной почте работают.'] }],
      }),
    },
  },
};
