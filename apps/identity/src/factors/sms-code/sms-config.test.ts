/** The SMS provider's configuration: all three variables or none, each checked at start. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';

const base = { SESAME_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
const sms = {
  SESAME_SMS_TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
  SESAME_SMS_TWILIO_AUTH_TOKEN: 'token',
  SESAME_SMS_TWILIO_FROM: '+15145550199',
};

describe('SMS configuration', () => {
  it('is off by default: SMS codes are not offered', () => {
    expect(loadConfig(base).sms).toBeUndefined();
  });

  it('reads the provider, with the API origin by default', () => {
    expect(loadConfig({ ...base, ...sms }).sms).toEqual({
      accountSid: sms.SESAME_SMS_TWILIO_ACCOUNT_SID,
      authToken: 'token',
      from: '+15145550199',
      baseUrl: 'https://api.twilio.com',
    });
    const standIn = { ...sms, SESAME_SMS_TWILIO_BASE_URL: 'http://127.0.0.1:4010/' };
    expect(loadConfig({ ...base, ...standIn }).sms?.baseUrl).toBe('http://127.0.0.1:4010');
  });

  it('refuses a partial or malformed provider, naming the variable', () => {
    expect(() =>
      loadConfig({ ...base, SESAME_SMS_TWILIO_ACCOUNT_SID: sms.SESAME_SMS_TWILIO_ACCOUNT_SID }),
    ).toThrow(/go together/);
    expect(() => loadConfig({ ...base, ...sms, SESAME_SMS_TWILIO_ACCOUNT_SID: 'AC12' })).toThrow(
      /SESAME_SMS_TWILIO_ACCOUNT_SID/,
    );
    expect(() => loadConfig({ ...base, ...sms, SESAME_SMS_TWILIO_FROM: '5145550199' })).toThrow(
      /SESAME_SMS_TWILIO_FROM/,
    );
    expect(() => loadConfig({ ...base, ...sms, SESAME_SMS_TWILIO_BASE_URL: 'nope' })).toThrow(
      /SESAME_SMS_TWILIO_BASE_URL/,
    );
  });
});
