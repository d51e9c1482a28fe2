import { jsonGatewayResult } from './sms.json-gateway.js';

describe('jsonGatewayResult', () => {
  it('takes a 2xx as sent, with the id the gateway gave', () => {
    expect(jsonGatewayResult(200, '{"id":"gw-7"}', 'ours')).toEqual({ outcome: 'sent', providerId: 'gw-7' });
    expect(jsonGatewayResult(202, '{"id":"gw-8","queued":true}', 'ours')).toEqual({
      outcome: 'sent',
      providerId: 'gw-8',
    });
  });

  it('keeps our id as the provider id when the gateway returns none', () => {
    expect(jsonGatewayResult(200, '', 'ours')).toEqual({ outcome: 'sent', providerId: 'ours' });
    expect(jsonGatewayResult(204, '{}', 'ours')).toEqual({ outcome: 'sent', providerId: 'ours' });
  });

  it('makes 400, 404, 422 and other 4xx permanent, with the gateway words', () => {
    expect(jsonGatewayResult(422, '{"error":"invalid number"}', 'x')).toEqual({
      outcome: 'permanent',
      reason: 'SMS gateway HTTP 422: invalid number',
    });
    expect(jsonGatewayResult(400, '{"message":"text is empty"}', 'x')).toEqual({
      outcome: 'permanent',
      reason: 'SMS gateway HTTP 400: text is empty',
    });
    expect(jsonGatewayResult(404, 'not json', 'x')).toEqual({
      outcome: 'permanent',
      reason: 'SMS gateway HTTP 404',
    });
    expect(jsonGatewayResult(403, '', 'x')).toMatchObject({ outcome: 'permanent' });
  });

  it('retries 408, 429 and 5xx', () => {
    for (const status of [408, 429, 500, 502, 503]) {
      expect(jsonGatewayResult(status, '{"error":"busy"}', 'x')).toEqual({
        outcome: 'retry',
        reason: `SMS gateway HTTP ${status}: busy`,
      });
    }
  });

  it('shortens the gateway words and masks a phone or an address in them', () => {
    const result = jsonGatewayResult(
      422,
      JSON.stringify({ error: `number +7 900 123-45-67 ${'x'.repeat(500)}` }),
      'x',
    );
    expect(result.outcome).toBe('permanent');
    const reason = result.outcome === 'permanent' ? result.reason : '';
    expect(reason).not.toMatch(/900/);
    expect(reason).toContain('[phone]');
    expect(reason.length).toBeLessThan(200);
    expect(jsonGatewayResult(400, '{"error":"bad to: ivan@mail.ru"}', 'x')).toEqual({
      outcome: 'permanent',
      reason: 'SMS gateway HTTP 400: bad to: [address]',
    });
  });
});
