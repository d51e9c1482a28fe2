import { DeliveryReportError, parseDeliveryReport } from './delivery-report.js';

describe('parseDeliveryReport: json', () => {
  it('reads one report or a list', () => {
    expect(parseDeliveryReport('json', { id: 'gw-1', status: 'delivered' })).toEqual([
      { providerId: 'gw-1', status: 'delivered' },
    ]);
    expect(
      parseDeliveryReport('json', [
        { id: 'gw-1', status: 'delivered', reason: 'ignored' },
        { id: 'gw-2', status: 'failed', reason: 'absent subscriber' },
        { id: 'gw-3', status: 'failed' },
      ]),
    ).toEqual([
      { providerId: 'gw-1', status: 'delivered' },
      { providerId: 'gw-2', status: 'failed', reason: 'absent subscriber' },
      { providerId: 'gw-3', status: 'failed', reason: 'not delivered' },
    ]);
  });

  it('masks a phone in the reason', () => {
    expect(parseDeliveryReport('json', { id: 'g', status: 'failed', reason: 'no 79001234567' })).toEqual([
      { providerId: 'g', status: 'failed', reason: 'no [phone]' },
    ]);
  });

  it('refuses what is not a report', () => {
    expect(() => parseDeliveryReport('json', { id: 'gw-1', status: 'sent' })).toThrow(DeliveryReportError);
    expect(() => parseDeliveryReport('json', 'text')).toThrow(DeliveryReportError);
    expect(() => parseDeliveryReport('json', { status: 'delivered' })).toThrow(DeliveryReportError);
  });
});

describe('parseDeliveryReport: smsru', () => {
  const entry = (id: string, code: number) => `sms_status\n${id}\n${code}\n1700000000`;

  it('reads data[] entries of a form parser: 103 delivered, 104–108 and 150 failed', () => {
    const body = { 'data[]': [entry('a-1', 103), entry('a-2', 104), entry('a-3', 150)] };
    expect(parseDeliveryReport('smsru', body)).toEqual([
      { providerId: 'a-1', status: 'delivered' },
      { providerId: 'a-2', status: 'failed', reason: 'sms.ru 104 expired: not delivered in time' },
      { providerId: 'a-3', status: 'failed', reason: 'sms.ru 150 no route to the number' },
    ]);
  });

  it('reads the raw form, numbered data[N] fields, and a single data field', () => {
    const form = new URLSearchParams();
    form.append('data[0]', entry('b-1', 106));
    form.append('data[1]', entry('b-2', 103));
    expect(parseDeliveryReport('smsru', form.toString())).toEqual([
      { providerId: 'b-1', status: 'failed', reason: 'sms.ru 106 phone failure' },
      { providerId: 'b-2', status: 'delivered' },
    ]);
    expect(parseDeliveryReport('smsru', form)).toHaveLength(2);
    expect(parseDeliveryReport('smsru', { data: 'sms_status\r\nc-1\r\n108' })).toEqual([
      { providerId: 'c-1', status: 'failed', reason: 'sms.ru 108 rejected' },
    ]);
  });

  it('skips statuses on the way and entries of other kinds', () => {
    const body = {
      'data[]': [entry('a', 100), entry('b', 101), entry('c', 102), 'test\n', 'callback_check\n1'],
    };
    expect(parseDeliveryReport('smsru', body)).toEqual([]);
  });

  it('refuses a body without data entries', () => {
    expect(() => parseDeliveryReport('smsru', {})).toThrow(DeliveryReportError);
    expect(() => parseDeliveryReport('smsru', 'x=1')).toThrow(DeliveryReportError);
    expect(() => parseDeliveryReport('smsru', null)).toThrow(DeliveryReportError);
  });
});
