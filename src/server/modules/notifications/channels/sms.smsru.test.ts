import { smsRuResult } from './sms.smsru.js';

const answer = (entry: object, top: object = { status: 'OK', status_code: 100 }) =>
  JSON.stringify({ ...top, sms: { '79001234567': entry }, balance: 10 });

describe('smsRuResult', () => {
  it('takes a number with status OK as sent, with its sms_id', () => {
    expect(
      smsRuResult(answer({ status: 'OK', status_code: 100, sms_id: '000000-10000000' }), '79001234567'),
    ).toEqual({ outcome: 'sent', providerId: '000000-10000000' });
  });

  it('finds the one entry even when SMS.ru keys it by the number in another form', () => {
    const body = JSON.stringify({
      status: 'OK',
      status_code: 100,
      sms: { '89001234567': { status: 'OK', sms_id: 'a-1' } },
    });
    expect(smsRuResult(body, '79001234567')).toEqual({ outcome: 'sent', providerId: 'a-1' });
  });

  it.each([
    [202, 'invalid number'],
    [203, 'no text'],
    [207, 'no route to the number'],
    [209, 'number in the stop list'],
  ])('makes the number error %i permanent', (code, words) => {
    const body = answer({ status: 'ERROR', status_code: code, status_text: 'Номер 79001234567 …' });
    expect(smsRuResult(body, '79001234567')).toEqual({
      outcome: 'permanent',
      reason: `sms.ru ${code} ${words}`,
    });
  });

  it.each([
    [200, 'wrong api_id'],
    [201, 'low balance'],
    [204, 'sender name not approved'],
    [220, 'service temporarily unavailable'],
    [500, 'server error'],
  ])('retries the request error %i: the account or the service, not the message', (code, words) => {
    const body = JSON.stringify({ status: 'ERROR', status_code: code, status_text: 'Ошибка' });
    expect(smsRuResult(body, '79001234567')).toEqual({ outcome: 'retry', reason: `sms.ru ${code} ${words}` });
  });

  it('retries an unknown code, with SMS.ru words masked', () => {
    const body = JSON.stringify({ status: 'ERROR', status_code: 999, status_text: 'Странно: 79001234567' });
    expect(smsRuResult(body, '79001234567')).toEqual({
      outcome: 'retry',
      reason: 'sms.ru 999 Странно: [phone]',
    });
  });

  it('retries an answer it cannot read or that names no number', () => {
    expect(smsRuResult('<html>', '79001234567')).toEqual({
      outcome: 'retry',
      reason: 'sms.ru: unreadable answer',
    });
    expect(smsRuResult('{"status":"OK","status_code":100,"sms":{}}', '79001234567')).toMatchObject({
      outcome: 'retry',
    });
  });
});
