/** SESAME_SMTP_URL and SESAME_MAIL_FROM are validated at start (config.ts). */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

const base = { SESAME_SECRET_KEY: randomBytes(32).toString('base64') };

describe('mail configuration', () => {
  it('defaults to the development outbox and a sender of the public host', () => {
    const config = loadConfig({ ...base, SESAME_PUBLIC_URL: 'https://id.example.ca' });
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'Sesame <no-reply@id.example.ca>' });
  });

  it('takes an smtp:// or smtps:// URL and a sender', () => {
    const config = loadConfig({
      ...base,
      SESAME_SMTP_URL: 'smtps://user:p%40ss@mail.example.ca:465',
      SESAME_MAIL_FROM: 'securite@example.ca',
    });
    expect(config.mail.smtpUrl).toBe('smtps://user:p%40ss@mail.example.ca:465');
    expect(config.mail.from).toBe('securite@example.ca');
  });

  it.each([
    ['SESAME_SMTP_URL', 'http://mail.example.ca'],
    ['SESAME_SMTP_URL', 'not a url'],
    ['SESAME_MAIL_FROM', 'no address'],
    ['SESAME_MAIL_FROM', 'Sesame <a@b.c>\r\nBcc: x@y.z'],
  ])('refuses %s=%j', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
