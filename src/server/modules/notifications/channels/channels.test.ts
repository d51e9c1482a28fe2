import { testConfig } from '../../../config.js';
import { buildChannels, closeChannels } from './channels.js';

const base = testConfig().notifications;

describe('buildChannels', () => {
  it('leaves out a channel without its address: its messages wait', () => {
    expect(buildChannels({ ...base, smtpUrl: undefined, smsGatewayUrl: undefined })).toEqual({});
  });

  it('builds SMTP for e-mail and the gateway of the configured format for SMS', async () => {
    const json = buildChannels({ ...base, smtpUrl: 'smtp://127.0.0.1:2525', smsGatewayUrl: 'http://gw/sms' });
    expect(json.email?.name).toBe('smtp');
    expect(json.sms?.name).toBe('sms-json');
    const smsru = buildChannels({
      ...base,
      smtpUrl: undefined,
      smsGatewayUrl: 'https://sms.ru',
      smsGatewayFormat: 'smsru',
    });
    expect(Object.keys(smsru)).toEqual(['sms']);
    expect(smsru.sms?.name).toBe('sms.ru');
    await closeChannels(json);
  });
});
