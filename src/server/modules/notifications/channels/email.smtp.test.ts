import { classifySmtpError } from './email.smtp.js';

describe('classifySmtpError', () => {
  it('makes a 5xx reply permanent, with its code and no address', () => {
    const result = classifySmtpError({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <ivan.petrov@mail.ru>: Recipient address rejected: User unknown',
    });
    expect(result).toEqual({ outcome: 'permanent', reason: '550 5.1.1 mailbox unavailable' });
  });

  it('makes 553 permanent', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 553, response: '553 sorry' })).toEqual({
      outcome: 'permanent',
      reason: '553 mailbox name not allowed',
    });
  });

  it('reads the reply of a rejected recipient when the error itself carries none', () => {
    const result = classifySmtpError({
      code: 'EENVELOPE',
      rejectedErrors: [{ code: 'EENVELOPE', responseCode: 550, response: '550 no such user: a@b.ru' }],
    });
    expect(result).toEqual({ outcome: 'permanent', reason: '550 mailbox unavailable' });
  });

  it('retries a 4xx reply (greylisting, a full queue)', () => {
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 try later' }),
    ).toEqual({
      outcome: 'retry',
      reason: '451 4.3.0 local error in processing',
    });
    expect(classifySmtpError({ code: 'ECONNECTION', responseCode: 421 })).toMatchObject({ outcome: 'retry' });
  });

  it('retries 503: the session was out of step, not the message refused', () => {
    expect(classifySmtpError({ code: 'EPROTOCOL', responseCode: 503 })).toMatchObject({ outcome: 'retry' });
  });

  it('retries a refusal of our login or our sender: every message would get it, the operator fixes it', () => {
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' })).toEqual({
      outcome: 'retry',
      reason: 'SMTP authentication failed (535)',
    });
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM', response: '553 no' }),
    ).toEqual({ outcome: 'retry', reason: '553 sender refused' });
  });

  it('makes an envelope nodemailer refuses itself (no valid recipient) permanent', () => {
    expect(classifySmtpError({ code: 'EENVELOPE' })).toEqual({
      outcome: 'permanent',
      reason: 'no valid recipient address',
    });
  });

  it('retries a refused connection, a timeout, a failed login', () => {
    expect(classifySmtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' })).toEqual({
      outcome: 'retry',
      reason: 'SMTP connection refused',
    });
    expect(classifySmtpError({ code: 'ETIMEDOUT' })).toEqual({ outcome: 'retry', reason: 'SMTP timed out' });
    expect(classifySmtpError({ code: 'EAUTH' })).toEqual({
      outcome: 'retry',
      reason: 'SMTP authentication failed',
    });
    expect(classifySmtpError(new Error('boom'))).toEqual({ outcome: 'retry', reason: 'SMTP error' });
  });
});
