import {
  channels,
  type Locale,
  type MessageContext,
  type NotificationEvent,
  notificationEvents,
} from '../../../../shared/notifications.js';
import { SMS_MAX_PARTS, smsParts } from '../../../../shared/sms-length.js';
import { requiredContext } from './context.js';
import { formatDate, formatDateTime } from './dates.js';
import { missingContext, type RenderedMessage, renderMessage } from './render.js';

const locales: Locale[] = ['ru', 'en'];

/** A real office of the demo region, a real service, a booking at 10:30 Moscow time. */
const realistic = (overrides: Partial<MessageContext> = {}): MessageContext => ({
  locale: 'ru',
  name: 'Анна',
  timeZone: 'Europe/Moscow',
  office: {
    name: 'ТОСП с. Куймань',
    address: 'Лебедянский р-н, с. Куймань, ул. Молодёжная, д. 36 (здание администрации сельского поселения)',
    phone: '+7 (47466) 2-93-17',
  },
  service: {
    title: 'Регистрация граждан в целях поиска подходящей работы',
    shortTitle: 'Регистрация в центре занятости',
    documents: ['Паспорт гражданина Российской Федерации', 'Трудовая книжка'],
  },
  at: '2027-01-12T07:30:00.000Z',
  bookingCode: 'K7M2QX',
  confirmCode: '4821',
  ticketNumber: 'А-015',
  window: '5',
  ahead: 2,
  caseNumber: '48-2027-000123',
  stage: {
    title: 'Передано в ведомство',
    citizenText: 'Документы переданы в Росреестр, срок рассмотрения — до 7 рабочих дней.',
  },
  link: 'https://okno.example/s/4f9a',
  ...overrides,
});

const words = (seed: string, length: number) =>
  `${seed} `.repeat(Math.ceil(length / (seed.length + 1))).slice(0, length);

/** Everything a person or an editor can make long, made long. */
const adversarial = (overrides: Partial<MessageContext> = {}): MessageContext =>
  realistic({
    name: words('Александра Константиновна', 120),
    office: {
      name: words('Многофункциональный центр', 200),
      address: words('ул. Героев Советского Союза', 200),
      phone: '+7 (47466) 2-93-17 доб. 1234567',
    },
    service: {
      title: words('Предоставление сведений', 300),
      shortTitle: words('Государственная регистрация', 300),
      documents: Array.from({ length: 12 }, (_, i) => `${words('Документ', 150)} ${i + 1}`),
    },
    stage: { title: words('Этап', 200), citizenText: words('Рассмотрение', 400) },
    link: `https://okno.example/s/${'x'.repeat(120)}`,
    ...overrides,
  });

/** Adversarial and all Latin: an SMS in GSM-7, cut with "...". */
const adversarialLatin = (): MessageContext =>
  adversarial({
    locale: 'en',
    name: words('Alexandra', 120),
    office: { name: words('Central office', 200), address: words('Sovetskaya street', 200), phone: null },
    service: { title: words('Passport', 300), shortTitle: words('Passport', 300), documents: [] },
    stage: { title: 'Sent', citizenText: words('Under review', 400) },
    caseNumber: '48-2027-000123',
    ticketNumber: 'A-015',
  });

const render = (event: NotificationEvent, channel: 'sms' | 'email', ctx: MessageContext) =>
  renderMessage(event, channel, ctx);

/** The facts a message must carry whole, whatever the length of the rest. */
function facts(event: NotificationEvent, channel: 'sms' | 'email', ctx: MessageContext): string[] {
  const style = channel === 'sms' ? 'short' : 'long';
  const when = () => formatDateTime(ctx.at!, ctx.timeZone, ctx.locale, style);
  switch (event) {
    case 'booking.confirmed':
    case 'booking.rescheduled':
    case 'booking.reminder':
    case 'booking.cancelled':
      return [ctx.bookingCode!, when()];
    case 'booking.confirm_code':
      return [ctx.confirmCode!];
    case 'ticket.turn_near':
      return [ctx.ticketNumber!, ...(ctx.window ? [ctx.window] : [])];
    case 'case.stage':
    case 'case.result_ready':
      return [ctx.caseNumber!];
    case 'case.return_soon':
      return [ctx.caseNumber!, formatDate(ctx.at!, ctx.timeZone, ctx.locale, style)];
    case 'visit.rating':
      // the SMS is the link: the ticket's number is kept only if it fits with it
      return channel === 'sms' ? [] : [ctx.ticketNumber!];
    case 'case.rating':
      return channel === 'sms' ? [] : [ctx.caseNumber!];
    case 'channel.test':
      return [];
  }
}

const allText = (r: RenderedMessage) => [r.subject ?? '', r.text, r.html ?? ''].join('\n');

const cases = [
  ['realistic', realistic],
  ['adversarially long', adversarial],
] as const;

describe.each(cases)('every message with %s inputs', (_, build) => {
  for (const event of notificationEvents) {
    for (const locale of locales) {
      const ctx = build({ locale });

      it(`${event} ${locale}: an SMS of at most ${SMS_MAX_PARTS} parts with its facts whole`, () => {
        const { text, subject, html } = render(event, 'sms', ctx);
        expect(subject).toBeUndefined();
        expect(html).toBeUndefined();
        expect(smsParts(text).parts).toBeLessThanOrEqual(SMS_MAX_PARTS);
        for (const fact of facts(event, 'sms', ctx)) expect(text).toContain(fact);
        expect(text).not.toMatch(/undefined|null|NaN|\[object/);
        expect(text).not.toMatch(/\s{2}|^\s|\s$/);
      });

      it(`${event} ${locale}: an e-mail with a subject, a text and an HTML page holding its facts`, () => {
        const r = render(event, 'email', ctx);
        expect(r.subject).toBeTruthy();
        expect(r.subject).not.toMatch(/[\r\n]/);
        for (const fact of facts(event, 'email', ctx)) {
          expect(r.text).toContain(fact);
          expect(r.html).toContain(fact);
        }
        expect(allText(r)).not.toMatch(/undefined|null|NaN|\[object/);
        expect(r.html).toMatch(/^<!doctype html>\n<html lang="(ru|en)">/);
        expect(r.html).toContain(`<html lang="${locale}">`);
        if (event !== 'channel.test') expect(r.text).toContain(`: ${ctx.link}`);
      });
    }
  }
});

describe('an SMS', () => {
  it('reads in full when it fits, greeting by name and ending with the link', () => {
    expect(render('ticket.turn_near', 'sms', realistic()).text).toBe(
      'Анна, талон А-015: подходит ваша очередь, перед вами 2. Вас пригласят к окну 5. ТОСП с. Куймань. https://okno.example/s/4f9a',
    );
    expect(render('case.stage', 'sms', realistic({ link: undefined })).text).toBe(
      'Анна, дело № 48-2027-000123: Документы переданы в Росреестр, срок рассмотрения — до 7 рабочих дней.',
    );
    expect(render('channel.test', 'sms', realistic({ locale: 'en' })).text).toBe(
      'Анна, this is a test message from the MFC: notifications work.',
    );
  });

  it('names the service by its short title and cuts the longest value first (the address), greeting dropped', () => {
    expect(render('booking.confirmed', 'sms', realistic()).text).toBe(
      'Вы записаны на 12.01.2027 в 10:30: Регистрация в центре занятости, ТОСП с. Куймань, Лебедянский р-н, с. Куймань… Код записи: K7M2QX.',
    );
    expect(render('booking.confirmed', 'sms', realistic({ locale: 'en' })).text).toBe(
      'You are booked for 12 Jan 2027, 10:30: Регистрация в центре занят…, ТОСП с. Куймань, Лебедянский р-н, с. Куйман… Booking code: K7M2QX.',
    );
  });

  it('keeps the greeting when the text fits with it, and drops it rather than cut a value', () => {
    const short = realistic({ office: { name: 'МФЦ Липецк', address: 'ул. Советская, 6' } });
    expect(render('booking.reminder', 'sms', { ...short, link: undefined }).text).toBe(
      'Анна, напоминаем о записи на 12.01.2027 в 10:30: Регистрация в центре занятости, МФЦ Липецк, ул. Советская, 6. Код записи: K7M2QX.',
    );
    expect(
      render('booking.reminder', 'sms', { ...short, link: undefined, name: 'Анна-Мария Константиновна' })
        .text,
    ).toBe(
      'Напоминаем о записи на 12.01.2027 в 10:30: Регистрация в центре занятости, МФЦ Липецк, ул. Советская, 6. Код записи: K7M2QX.',
    );
  });

  it('greets no one when there is no name', () => {
    expect(render('channel.test', 'sms', realistic({ name: null })).text).toBe(
      'Это проверочное сообщение МФЦ: уведомления работают.',
    );
    expect(render('channel.test', 'sms', realistic({ name: '   ' })).text).toBe(
      'Это проверочное сообщение МФЦ: уведомления работают.',
    );
  });

  it('tells the return of a result to the agency by its day in the office zone', () => {
    const text = render(
      'case.return_soon',
      'sms',
      realistic({ at: '2027-02-14T21:30:00Z', timeZone: 'Asia/Yekaterinburg', link: undefined }),
    ).text;
    expect(text).toBe(
      'Результат по делу № 48-2027-000123 ждёт вас: ТОСП с. Куймань, Лебедянский р-н, с… 15.02.2027 его вернут в ведомство, если не заберёте.',
    );
  });

  it('shows the booked time in the office zone', () => {
    const text = render(
      'booking.cancelled',
      'sms',
      realistic({ timeZone: 'Asia/Yekaterinburg', link: undefined }),
    ).text;
    expect(text).toBe(
      'Анна, запись K7M2QX на 12.01.2027 в 12:30 отменена: Регистрация в центре занятости, ТОСП с. Куймань.',
    );
  });

  it('says who is ahead only when it knows, and the window only when there is one', () => {
    const base = realistic({ link: undefined, window: undefined });
    expect(render('ticket.turn_near', 'sms', { ...base, ahead: 0 }).text).toBe(
      'Анна, талон А-015: подходит ваша очередь, перед вами никого нет. ТОСП с. Куймань.',
    );
    expect(render('ticket.turn_near', 'sms', { ...base, ahead: Number.NaN }).text).toBe(
      'Анна, талон А-015: подходит ваша очередь. ТОСП с. Куймань.',
    );
    expect(render('ticket.turn_near', 'sms', { ...base, ahead: undefined, locale: 'en' }).text).toBe(
      'Анна, ticket А-015: your turn is near. ТОСП с. Куймань.',
    );
  });

  it('cuts every long value, keeps the facts, and fills the two parts', () => {
    const { text } = render('booking.confirmed', 'sms', adversarial());
    expect(text.startsWith('Вы записаны на 12.01.2027 в 10:30: Государственная')).toBe(true);
    expect(text.endsWith('… Код записи: K7M2QX.')).toBe(true);
    expect(text.match(/…/g)).toHaveLength(3);
    expect(smsParts(text).units).toBeGreaterThan(130);
  });

  it('cuts a long stage text and keeps the case number', () => {
    const { text } = render('case.stage', 'sms', adversarial());
    expect(text.startsWith('Дело № 48-2027-000123: Рассмотрение Рассмотрение')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('stays in GSM-7 when everything is Latin, cutting with "..."', () => {
    for (const event of notificationEvents) {
      const ctx = adversarialLatin();
      const { text } = render(event, 'sms', ctx);
      const parts = smsParts(text);
      expect(parts.encoding, event).toBe('gsm7');
      expect(parts.parts, event).toBeLessThanOrEqual(SMS_MAX_PARTS);
      for (const fact of facts(event, 'sms', ctx)) expect(text, event).toContain(fact);
    }
    expect(render('case.stage', 'sms', adversarialLatin()).text).toMatch(
      /^Case No\. 48-2027-000123: Under review .*\.\.\.$/,
    );
  });

  it('fits with an emoji and HTML-like text in the name and titles', () => {
    const ctx = adversarial({
      name: '😀'.repeat(40),
      office: { name: '<b>😀</b>'.repeat(30), address: '&amp;' },
    });
    for (const event of notificationEvents) {
      expect(smsParts(render(event, 'sms', ctx).text).parts, event).toBeLessThanOrEqual(SMS_MAX_PARTS);
    }
  });

  it('never carries a line break of a value', () => {
    const ctx = realistic({
      office: { name: 'ТОСП\nс. Куймань', address: 'ул.\r\nМира,\t1' },
      link: undefined,
    });
    expect(render('booking.cancelled', 'sms', ctx).text).toBe(
      'Анна, запись K7M2QX на 12.01.2027 в 10:30 отменена: Регистрация в центре занятости, ТОСП с. Куймань.',
    );
  });
});

describe('an e-mail', () => {
  it('confirms a booking: full title, facts, what to bring, the link, greeting and footer', () => {
    const r = render('booking.confirmed', 'email', realistic());
    expect(r.subject).toBe('Запись подтверждена: Регистрация в центре занятости, 12 января 2027 г. в 10:30');
    expect(r.text).toBe(
      [
        'Здравствуйте, Анна!',
        '',
        'Вы записаны на приём в МФЦ.',
        '',
        'Услуга: Регистрация граждан в целях поиска подходящей работы',
        'Когда: 12 января 2027 г. в 10:30',
        'Где: ТОСП с. Куймань, Лебедянский р-н, с. Куймань, ул. Молодёжная, д. 36 (здание администрации сельского поселения)',
        'Телефон: +7 (47466) 2-93-17',
        'Код записи: K7M2QX',
        '',
        'Что взять с собой:',
        '— Паспорт гражданина Российской Федерации',
        '— Трудовая книжка',
        '',
        'Если не сможете прийти, отмените или перенесите запись: это время пригодится другим.',
        '',
        'Страница записи: https://okno.example/s/4f9a',
        '',
        'Письмо отправлено автоматически, отвечать на него не нужно.',
      ].join('\n'),
    );
    expect(r.html).toContain(
      '<ul>\n<li>Паспорт гражданина Российской Федерации</li>\n<li>Трудовая книжка</li>\n</ul>',
    );
    expect(r.html).toContain('<p><a href="https://okno.example/s/4f9a">Страница записи</a></p>');
    expect(r.html).toContain(
      '<title>Запись подтверждена: Регистрация в центре занятости, 12 января 2027 г. в 10:30</title>',
    );
  });

  it('lists what to bring for a confirmed, a rescheduled and a reminded booking, not for a cancelled one', () => {
    for (const locale of locales) {
      for (const event of ['booking.confirmed', 'booking.rescheduled', 'booking.reminder'] as const) {
        const r = render(event, 'email', realistic({ locale }));
        expect(r.html, event).toContain('<li>Трудовая книжка</li>');
        expect(r.text, event).toContain('— Паспорт гражданина Российской Федерации');
      }
      expect(render('booking.cancelled', 'email', realistic({ locale })).text).not.toContain(
        'Трудовая книжка',
      );
    }
    const none = realistic({ service: { title: 'Справка', shortTitle: 'Справка', documents: [] } });
    expect(render('booking.confirmed', 'email', none).html).not.toContain('<ul>');
  });

  it('says where to collect a result: office, address and phone', () => {
    for (const event of ['case.result_ready', 'case.return_soon'] as const) {
      const r = render(event, 'email', realistic({ locale: 'en' }));
      expect(r.text, event).toContain('Where to collect: ТОСП с. Куймань');
      expect(r.text, event).toContain(
        'Address: Лебедянский р-н, с. Куймань, ул. Молодёжная, д. 36 (здание администрации сельского поселения)',
      );
      expect(r.text, event).toContain('Phone: +7 (47466) 2-93-17');
    }
    const ru = render('case.return_soon', 'email', realistic());
    expect(ru.subject).toBe('Заберите результат по делу № 48-2027-000123');
    expect(ru.text).toContain(
      'Результат по вашему делу № 48-2027-000123 ждёт вас в МФЦ. Если его не забрать, 12 января 2027 г. он будет возвращён в ведомство.',
    );
  });

  it('writes a booking in English with the English date', () => {
    const r = render('booking.rescheduled', 'email', realistic({ locale: 'en', name: null }));
    expect(r.subject).toBe('Booking rescheduled: Регистрация в центре занятости, 12 Jan 2027, 10:30');
    expect(r.text.split('\n').slice(0, 5)).toEqual([
      'Hello!',
      '',
      'The time of your appointment at the MFC has changed.',
      '',
      'Service: Регистрация граждан в целях поиска подходящей работы',
    ]);
    expect(r.text).toContain('New time: 12 Jan 2027, 10:30');
    expect(r.text).toContain('What to bring:\n— Паспорт гражданина Российской Федерации');
  });

  it('tells a stage in the words for the citizen', () => {
    const r = render('case.stage', 'email', realistic());
    expect(r.subject).toBe('Дело № 48-2027-000123: Передано в ведомство');
    expect(r.text).toContain('Документы переданы в Росреестр, срок рассмотрения — до 7 рабочих дней.');
    expect(r.text).toContain('Этап: Передано в ведомство');
  });

  it('escapes every value in the HTML', () => {
    const evil = '<script>alert("x")</script>';
    const ctx = realistic({
      name: evil,
      office: { name: `${evil}&Co`, address: `<img src=x onerror='y'>`, phone: '<b>1</b>' },
      service: { title: evil, shortTitle: evil, documents: [evil] },
      stage: { title: evil, citizenText: evil },
      bookingCode: '<K7>',
      caseNumber: '"48"',
      ticketNumber: '<А>',
      link: 'https://okno.example/s/1?a=1&b="2"',
    });
    for (const event of notificationEvents) {
      const { html } = render(event, 'email', ctx);
      expect(html, event).not.toContain('<script>');
      expect(html, event).not.toContain('<img');
      expect(html, event).not.toContain('<b>1');
      expect(html, event).not.toContain('<K7>');
      expect(html, event).not.toMatch(/[^=]"48"/);
    }
    const { html, text } = render('booking.confirmed', 'email', ctx);
    expect(html).toContain('<p>Здравствуйте, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;!</p>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;Co');
    expect(html).toContain('&lt;img src=x onerror=&#39;y&#39;&gt;');
    expect(html).toContain('<li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</li>');
    expect(html).toContain('Код записи: &lt;K7&gt;');
    expect(html).toContain('<a href="https://okno.example/s/1?a=1&amp;b=&quot;2&quot;">');
    // the plain text is not HTML: the values stay as they were
    expect(text).toContain('Здравствуйте, <script>alert("x")</script>!');
  });

  it('leaves out a link that is not a web page', () => {
    const r = render('case.stage', 'email', realistic({ link: 'javascript:alert(1)' }));
    expect(r.html).not.toContain('javascript');
    expect(r.text).not.toContain('javascript');
    expect(r.text).not.toContain('Ход дела');
  });

  it('keeps a subject on one line and short', () => {
    const ctx = realistic({
      service: { title: 'Т', shortTitle: `Справка\r\nBcc: x@example.com ${'я'.repeat(100)}`, documents: [] },
    });
    const { subject } = render('booking.confirmed', 'email', ctx);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toMatch(
      /^Запись подтверждена: Справка Bcc: x@example\.com я+…, 12 января 2027 г\. в 10:30$/,
    );
    expect(subject!.length).toBeLessThan(120);
  });
});

describe('missingContext', () => {
  const bare: MessageContext = { locale: 'ru', name: null, timeZone: 'Europe/Moscow' };

  it('names the fields each event needs and lacks', () => {
    expect(missingContext('booking.confirmed', bare)).toEqual(['office', 'service', 'at', 'bookingCode']);
    expect(missingContext('booking.cancelled', bare)).toEqual(['office', 'service', 'at', 'bookingCode']);
    expect(missingContext('ticket.turn_near', bare)).toEqual(['ticketNumber', 'office']);
    expect(missingContext('case.stage', bare)).toEqual(['caseNumber', 'stage']);
    expect(missingContext('case.result_ready', bare)).toEqual(['caseNumber', 'office']);
    expect(missingContext('case.return_soon', bare)).toEqual(['caseNumber', 'office', 'at']);
    expect(missingContext('channel.test', bare)).toEqual([]);
  });

  it('finds nothing missing in a full context', () => {
    for (const event of notificationEvents) expect(missingContext(event, realistic()), event).toEqual([]);
    expect(Object.keys(requiredContext).sort()).toEqual([...notificationEvents].sort());
  });

  it('counts an empty value, an empty part, an instant without offset and an unknown zone as missing', () => {
    expect(
      missingContext(
        'booking.reminder',
        realistic({
          bookingCode: '  ',
          at: '2027-01-12 10:30',
          office: { name: '', address: 'ул. Мира, 1' },
        }),
      ),
    ).toEqual(['office.name', 'at', 'bookingCode']);
    expect(missingContext('case.return_soon', realistic({ timeZone: 'Europe/Lipetsk' }))).toEqual([
      'timeZone',
    ]);
    expect(missingContext('case.stage', realistic({ stage: { title: 'Этап', citizenText: '' } }))).toEqual([
      'stage.citizenText',
    ]);
    expect(
      missingContext(
        'booking.confirmed',
        realistic({ service: { title: ' ', shortTitle: 'x', documents: [] } }),
      ),
    ).toEqual(['service.title']);
  });

  it('refuses to render what is missing, naming it', () => {
    for (const channel of channels) {
      expect(() => renderMessage('case.result_ready', channel, { ...bare, caseNumber: '1' })).toThrow(
        'cannot render case.result_ready: the context lacks office',
      );
    }
    expect(render('channel.test', 'email', bare).subject).toBe('Проверка уведомлений МФЦ');
  });
});
