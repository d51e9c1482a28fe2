import { describe, expect, it } from 'vitest';
import type { MessageContext } from '../../../shared/notifications.js';
import { smsParts } from '../../../shared/sms-length.js';
import { renderMessage } from '../notifications/templates/render.js';
import { ratingUrl } from './rating-notify.js';

// a rating token's shape: 'rv' + 22 base64url characters, a dot, a 22-character signature
const token = `rv${'A'.repeat(22)}.${'b'.repeat(22)}`;

const context = (locale: 'ru' | 'en', link: string): MessageContext => ({
  locale,
  name: 'Александра Константиновна Воскресенская-Преображенская',
  timeZone: 'Europe/Moscow',
  office: {
    name: 'Многофункциональный центр предоставления государственных и муниципальных услуг Липецкой области',
    address: 'г. Липецк, ул. Героев Советского Союза, д. 112, корпус 3, строение 1',
  },
  service: {
    title: 'Государственный кадастровый учёт и регистрация прав на недвижимое имущество',
    shortTitle: 'Регистрация прав на недвижимость',
    documents: [],
  },
  ticketNumber: 'А-015',
  caseNumber: '48-2027-0001234',
  link,
});

describe('the invitations to rate', () => {
  it('ratingUrl: the rating page of a token with the channel it came by', () => {
    expect(ratingUrl('https://okno.example/', token, 'sms')).toBe(
      `https://okno.example/rate/${token}?src=sms`,
    );
    expect(ratingUrl('https://okno.example', token)).toBe(`https://okno.example/rate/${token}`);
  });

  for (const locale of ['ru', 'en'] as const)
    for (const event of ['visit.rating', 'case.rating'] as const) {
      it(`${event} ${locale}: a real link is kept whole in an SMS of at most two parts`, () => {
        const link = ratingUrl('https://okno.lipetsk-region.example', token, 'sms');
        const { text } = renderMessage(event, 'sms', context(locale, link));
        expect(text).toContain(link);
        expect(text.endsWith(link)).toBe(true);
        expect(smsParts(text).parts).toBeLessThanOrEqual(2);
      });

      it(`${event} ${locale}: the e-mail names the five criteria and carries the link`, () => {
        const link = ratingUrl('https://okno.example', token, 'email');
        const r = renderMessage(event, 'email', context(locale, link));
        expect(r.text).toContain(link);
        expect(r.text).toContain(
          locale === 'ru' ? 'время ожидания в очереди' : 'the waiting time in the queue',
        );
        expect(r.subject).toContain(event === 'visit.rating' ? 'А-015' : '48-2027-0001234');
      });
    }

  it('a rating message without a link cannot be queued: the link is what it needs', () => {
    const { link: _, ...bare } = context('ru', 'https://okno.example/rate/x');
    expect(() => renderMessage('visit.rating', 'sms', bare)).toThrow(/link/);
  });
});
