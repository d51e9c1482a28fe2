import { callSeconds, callUpdateSchema, clockText, isLongCall, phoneInputSchema } from './callcenter.js';

describe('how long a call is', () => {
  const start = '2026-03-09T10:00:00.000Z';
  it('counts to the end of an ended call, and to now while it runs', () => {
    expect(callSeconds(start, '2026-03-09T10:03:05.900Z', new Date('2026-03-09T12:00:00Z'))).toBe(185);
    expect(callSeconds(start, null, new Date('2026-03-09T10:00:42Z'))).toBe(42);
  });
  it('is never negative when the clocks disagree a little', () => {
    expect(callSeconds(start, null, new Date('2026-03-09T09:59:58Z'))).toBe(0);
  });
  it('is long over ten minutes, not at ten', () => {
    expect(isLongCall(600)).toBe(false);
    expect(isLongCall(601)).toBe(true);
  });
  it('reads as mm:ss, and h:mm:ss past an hour', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(65)).toBe('01:05');
    expect(clockText(600)).toBe('10:00');
    expect(clockText(3725)).toBe('1:02:05');
  });
});

describe('the phone a caller gives', () => {
  it('accepts the usual spellings of a Russian number', () => {
    for (const phone of ['+79123456789', '8 (912) 345-67-89', '7 912 345 67 89', '9123456789'])
      expect(phoneInputSchema.safeParse(phone).success).toBe(true);
  });
  it('refuses anything else with the rule phone', () => {
    const result = phoneInputSchema.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { rule: 'phone' } });
  });
});

describe('a change of a call', () => {
  it('needs an outcome to end the call', () => {
    const result = callUpdateSchema.safeParse({ end: true });
    expect(result.error?.issues[0]).toMatchObject({ path: ['outcome'], params: { rule: 'required' } });
    expect(callUpdateSchema.safeParse({ end: true, outcome: 'status' }).success).toBe(true);
  });
});
