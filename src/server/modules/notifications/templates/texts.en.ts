import type { ContextOf } from './context.js';
import { formatDate, formatDateTime } from './dates.js';
import type { EmailBlock } from './email.js';
import { optional, shorten } from './fit-sms.js';
import { emailLink, greet, priority, ratingLink, smsLink, subjectTitle, type Texts } from './texts.js';

type Booking = ContextOf<'booking.confirmed'>;

const when = (c: Booking) => formatDateTime(c.at, c.timeZone, 'en', 'short');

const phoneLine = (phone: string | null | undefined): string[] => (phone ? [`Phone: ${phone}`] : []);
const serviceLine = (service: { title: string } | undefined): string[] =>
  service ? [`Service: ${service.title}`] : [];

/** The facts of a booking in an e-mail; `whenLabel` names its time ("New time" after a change). */
const bookingFacts = (c: Booking, whenLabel = 'When'): EmailBlock => ({
  paragraph: [
    `Service: ${c.service.title}`,
    `${whenLabel}: ${when(c)}`,
    `Where: ${c.office.name}, ${c.office.address}`,
    ...phoneLine(c.office.phone),
    `Booking code: ${c.bookingCode}`,
  ],
});

const documents = (c: Booking): EmailBlock[] =>
  c.service.documents.length > 0 ? [{ title: 'What to bring:', list: c.service.documents }] : [];

/** Office, address and phone of the place a result is collected at. */
const collectAt = (office: { name: string; address: string; phone?: string | null }): EmailBlock => ({
  paragraph: [`Where to collect: ${office.name}`, `Address: ${office.address}`, ...phoneLine(office.phone)],
});

const bringId: EmailBlock = { paragraph: ['Please bring an identity document.'] };

/** The SMS pieces naming the place of a booking: the short title of the service, the office, its address. */
const smsPlace = (c: Booking) => [
  shorten(c.service.shortTitle),
  ', ',
  shorten(c.office.name),
  ', ',
  shorten(c.office.address),
];

const smsPhone = (phone: string | null | undefined) =>
  phone ? optional(` Tel. ${phone}.`, '', priority.phone) : '';

const ahead = (n: number | undefined): string =>
  n === undefined ? '' : n === 0 ? ', no one ahead of you' : `, ${n} ahead of you`;

/** What a rating's e-mail asks: the five official criteria, in a minute. */
const ratingAsk: EmailBlock = {
  title: 'Please rate five things, it takes a minute:',
  list: [
    'the time it took to provide the service',
    'the waiting time in the queue',
    'the courtesy and competence of the staff',
    'the comfort of the premises',
    'how easy it was to find information about the service',
  ],
};
const ratingNote: EmailBlock = {
  paragraph: ['If something went wrong, say so in the comment: the head of the office will answer you.'],
};

/** The English texts of every message: the same events and facts as the Russian ones (`texts.ru.ts`). */
export const en: Texts = {
  greeting: (name) => (name ? `Hello, ${name}!` : 'Hello!'),
  footer: 'This message was sent automatically; there is no need to reply.',
  unsubscribe: 'Unsubscribe from notifications',
  events: {
    'booking.confirmed': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, you are booked`, 'You are booked'),
        ` for ${when(c)}: `,
        ...smsPlace(c),
        `. Booking code: ${c.bookingCode}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Booking confirmed: ${subjectTitle(c.service.shortTitle)}, ${when(c)}`,
        blocks: [
          { paragraph: ['You are booked for an appointment at the MFC.'] },
          bookingFacts(c),
          ...documents(c),
          {
            paragraph: [
              'If you cannot come, please cancel or reschedule the booking: someone else can take the time.',
            ],
          },
          ...emailLink(c.link, 'Your booking'),
        ],
      }),
    },
    'booking.rescheduled': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, your booking`, 'Your booking'),
        ` is moved to ${when(c)}: `,
        ...smsPlace(c),
        `. Booking code: ${c.bookingCode}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Booking rescheduled: ${subjectTitle(c.service.shortTitle)}, ${when(c)}`,
        blocks: [
          { paragraph: ['The time of your appointment at the MFC has changed.'] },
          bookingFacts(c, 'New time'),
          ...documents(c),
          ...emailLink(c.link, 'Your booking'),
        ],
      }),
    },
    'booking.reminder': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, a reminder`, 'A reminder'),
        ` of your booking for ${when(c)}: `,
        ...smsPlace(c),
        `. Booking code: ${c.bookingCode}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Booking reminder: ${subjectTitle(c.service.shortTitle)}, ${when(c)}`,
        blocks: [
          { paragraph: ['A reminder of your appointment at the MFC.'] },
          bookingFacts(c),
          ...documents(c),
          { paragraph: ['If you cannot come, please cancel the booking: someone else can take the time.'] },
          ...emailLink(c.link, 'Your booking'),
        ],
      }),
    },
    'booking.cancelled': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, booking`, 'Booking'),
        ` ${c.bookingCode} for ${when(c)} is cancelled: `,
        shorten(c.service.shortTitle),
        ', ',
        shorten(c.office.name),
        '.',
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Booking cancelled: ${subjectTitle(c.service.shortTitle)}, ${when(c)}`,
        blocks: [
          { paragraph: ['Your appointment at the MFC is cancelled.'] },
          bookingFacts(c),
          { paragraph: ['If you still need the service, please book another time.'] },
          ...emailLink(c.link, 'Your booking'),
        ],
      }),
    },
    'booking.confirm_code': {
      sms: (c) => [`Booking confirmation code: ${c.confirmCode}. `, shorten(c.office.name), '.'],
      email: (c) => ({
        subject: `Booking confirmation code: ${c.confirmCode}`,
        blocks: [
          {
            paragraph: [
              `Booking confirmation code: ${c.confirmCode}`,
              `Where: ${c.office.name}, ${c.office.address}`,
            ],
          },
          ...emailLink(c.link, 'Your booking'),
        ],
      }),
    },
    'ticket.turn_near': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, ticket`, 'Ticket'),
        ` ${c.ticketNumber}: your turn is near${ahead(c.ahead)}.`,
        c.window ? ` You will be called to window ${c.window}.` : '',
        ' ',
        shorten(c.office.name),
        '.',
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Ticket ${c.ticketNumber}: your turn is near`,
        blocks: [
          { paragraph: [`Your turn is near${ahead(c.ahead)}.`] },
          {
            paragraph: [
              `Ticket: ${c.ticketNumber}`,
              ...(c.window ? [`Window: ${c.window}`] : []),
              `Where: ${c.office.name}, ${c.office.address}`,
            ],
          },
          ...emailLink(c.link, 'Your ticket'),
        ],
      }),
    },
    'case.stage': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, case`, 'Case'),
        ` No. ${c.caseNumber}: `,
        shorten(c.stage.citizenText),
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Case No. ${c.caseNumber}: ${subjectTitle(c.stage.title)}`,
        blocks: [
          { paragraph: [c.stage.citizenText] },
          {
            paragraph: [`Case number: ${c.caseNumber}`, ...serviceLine(c.service), `Stage: ${c.stage.title}`],
          },
          ...emailLink(c.link, 'Your case'),
        ],
      }),
    },
    'case.result_ready': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, the result`, 'The result'),
        ` of case No. ${c.caseNumber} is ready. Collect it at: `,
        shorten(c.office.name),
        ', ',
        shorten(c.office.address),
        '.',
        smsPhone(c.office.phone),
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Result ready: case No. ${c.caseNumber}`,
        blocks: [
          { paragraph: [`The result of your case No. ${c.caseNumber} is ready to be collected at the MFC.`] },
          ...(c.service ? [{ paragraph: serviceLine(c.service) }] : []),
          collectAt(c.office),
          bringId,
          ...emailLink(c.link, 'Your case'),
        ],
      }),
    },
    'case.return_soon': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, case`, 'Case'),
        ` No. ${c.caseNumber}: your result is waiting at `,
        shorten(c.office.name),
        ', ',
        shorten(c.office.address),
        `. If not collected, it returns to the agency on ${formatDate(c.at, c.timeZone, 'en', 'short')}.`,
        smsLink(c.link),
      ],
      email: (c) => ({
        subject: `Please collect the result of case No. ${c.caseNumber}`,
        blocks: [
          {
            paragraph: [
              `The result of your case No. ${c.caseNumber} is waiting for you at the MFC. If not collected, ` +
                `it goes back to the agency on ${formatDate(c.at, c.timeZone, 'en', 'long')}.`,
            ],
          },
          ...(c.service ? [{ paragraph: serviceLine(c.service) }] : []),
          collectAt(c.office),
          bringId,
          ...emailLink(c.link, 'Your case'),
        ],
      }),
    },
    'visit.rating': {
      // the link is the message: kept before anything else that may give way (ratingLink)
      sms: (c) => [
        greet(c.name, (n) => `${n}, please rate`, 'Please rate'),
        ' your visit to the MFC',
        optional(` (ticket ${c.ticketNumber})`, '', priority.link),
        ratingLink(c.link),
      ],
      email: (c) => ({
        subject: `Rate your visit to the MFC: ticket ${c.ticketNumber}`,
        blocks: [
          {
            paragraph: [
              `Thank you for coming to ${c.office.name} (ticket ${c.ticketNumber}). How did it go?`,
            ],
          },
          ratingAsk,
          ...emailLink(c.link, 'Rate the visit'),
          ratingNote,
        ],
      }),
    },
    'case.rating': {
      sms: (c) => [
        optional(`Case No. ${c.caseNumber} is complete. `, '', priority.link),
        'Please rate the quality of service at the MFC',
        ratingLink(c.link),
      ],
      email: (c) => ({
        subject: `Rate the quality of service: case No. ${c.caseNumber}`,
        blocks: [
          {
            paragraph: [
              `Your case No. ${c.caseNumber} is complete${c.service ? ` (${c.service.title})` : ''}. How did it go?`,
            ],
          },
          ratingAsk,
          ...emailLink(c.link, 'Rate'),
          ratingNote,
        ],
      }),
    },
    'channel.test': {
      sms: (c) => [
        greet(c.name, (n) => `${n}, this`, 'This'),
        ' is a test message from the MFC: notifications work.',
      ],
      email: () => ({
        subject: 'MFC notifications test',
        blocks: [{ paragraph: ['This is a test e-mail from the MFC: e-mail notifications work.'] }],
      }),
    },
  },
};
