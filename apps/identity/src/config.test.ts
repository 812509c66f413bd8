import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const key = randomBytes(32).toString('base64');

describe('loadConfig', () => {
  it('runs on localhost over HTTP with SQLite by default', () => {
    const config = loadConfig({
      SESAME_SECRET_KEY: key,
      SESAME_DATA_DIR: '/tmp/sesame-config-test',
    });
    expect(config).toMatchObject({
      lanHttps: false,
      host: 'localhost',
      port: 3000,
      publicUrl: 'http://localhost:3000',
    });
    expect(config.issuer).toBe('http://localhost:3000/oidc');
    expect(config.database).toEqual({
      kind: 'sqlite',
      file: '/tmp/sesame-config-test/sesame.sqlite',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('serves HTTPS on every interface under the LAN address with SESAME_HTTPS=lan', () => {
    const config = loadConfig({ SESAME_SECRET_KEY: key, SESAME_HTTPS: 'lan', SESAME_PORT: '3443' });
    expect(config.lanHttps).toBe(true);
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toMatch(/^https:\/\/[^/]+:3443$/);
  });

  it('takes PostgreSQL from DATABASE_URL and the public address as configured', () => {
    const config = loadConfig({
      SESAME_SECRET_KEY: key,
      DATABASE_URL: 'postgres://u@db/sesame',
      SESAME_PUBLIC_URL: 'https://id.example.ca/',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/sesame' });
    expect(config.issuer).toBe('https://id.example.ca/oidc');
  });

  it('serves no metrics unless a metrics port or token is configured', () => {
    expect(loadConfig({ SESAME_SECRET_KEY: key }).metrics).toEqual({
      token: undefined,
      port: undefined,
      host: '127.0.0.1',
    });
    const token = randomBytes(32).toString('base64');
    const config = loadConfig({
      SESAME_SECRET_KEY: key,
      SESAME_METRICS_TOKEN: token,
      SESAME_METRICS_PORT: '9464',
    });
    expect(config.metrics).toEqual({ token, port: 9464, host: '127.0.0.1' });
  });

  it('blocks pushes 15 minutes after a denial, and signs VAPID as the public host, by default', () => {
    expect(
      loadConfig({ SESAME_SECRET_KEY: key, SESAME_PUBLIC_URL: 'https://id.example.ca' }).push,
    ).toEqual({
      denialBlockSeconds: 900,
      vapidSubject: 'mailto:security@id.example.ca',
    });
    const config = loadConfig({
      SESAME_SECRET_KEY: key,
      SESAME_PUSH_DENIAL_BLOCK_MINUTES: '0',
      SESAME_VAPID_SUBJECT: 'https://example.ca/contact',
    });
    expect(config.push).toEqual({
      denialBlockSeconds: 0,
      vapidSubject: 'https://example.ca/contact',
    });
  });

  it.each([
    ['SESAME_PORT', 'eighty'],
    ['SESAME_PUBLIC_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESAME_HTTPS', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['SESAME_SECRET_KEY', 'c2hvcnQ='],
    ['SESAME_METRICS_TOKEN', 'too-short-to-be-guessed-hardly'],
    ['SESAME_METRICS_PORT', '3000'],
    ['SESAME_METRICS_PORT', 'nine'],
    ['SESAME_PUSH_DENIAL_BLOCK_MINUTES', '-1'],
    ['SESAME_PUSH_DENIAL_BLOCK_MINUTES', '1.5'],
    ['SESAME_PUSH_DENIAL_BLOCK_MINUTES', '1441'],
    ['SESAME_VAPID_SUBJECT', 'http://example.ca'],
  ])('refuses a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ SESAME_SECRET_KEY: key, [name]: value })).toThrow(new RegExp(name));
  });
});
