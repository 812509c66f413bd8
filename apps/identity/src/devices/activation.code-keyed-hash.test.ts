/**
 * Defect 7 (issue 6), G-44: the 40-bit activation code typed with the username is stored under a
 * keyed hash (HMAC-SHA-256, key derived from the server key), never an unkeyed hash that a copy of
 * the database could search offline; a server with another key cannot redeem it; the code shown
 * on the QR page still enrolls the app.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { activateByCode, isRefusedActivation, openActivationPage } from './activation-page-kit.ts';
import { deviceApiOn } from './device-test-kit.ts';

const password = 'baie des Chaleurs 1534';

/** Every SHA-256 that someone with the database might try for this account and code. */
function unkeyedForms(accountId: string, username: string, shown: string): Set<string> {
  const plain = shown.replace('-', '');
  const codes = [shown, plain, shown.toLowerCase(), plain.toLowerCase()];
  const inputs = codes.flatMap((code) => [
    code,
    ...[accountId, username].flatMap((who) => [
      `${who}:${code}`,
      `${who}${code}`,
      `${code}:${who}`,
    ]),
  ]);
  const forms = new Set<string>();
  for (const input of inputs) {
    const digest = createHash('sha256').update(input).digest();
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      forms.add(digest.toString(encoding));
    }
  }
  return forms;
}

describe.each(testBackends())('typed activation codes under a keyed hash (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'helene', name: 'Hélène Girard', password });
  });
  afterEach(() => t.close());

  it('the code typed from the QR page enrolls the app on that account', async () => {
    const page = await openActivationPage(t, 'helene', password);
    const response = await activateByCode(t.app, 'Helene', page.code.toLowerCase());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ account: { username: 'helene' } });
    const device = await t.db
      .selectFrom('devices')
      .select(['account_id', 'name'])
      .executeTakeFirstOrThrow();
    expect(device).toEqual({ account_id: accountId, name: 'iPhone de Alice' });
  });

  it('stores no SHA-256 of any form of the account and the code', async () => {
    const page = await openActivationPage(t, 'helene', password);
    const row = await t.db
      .selectFrom('activations')
      .select('code_hash')
      .where('flow_id', '=', page.flowId)
      .executeTakeFirstOrThrow();
    const forms = unkeyedForms(accountId, 'helene', page.code);
    expect(forms.size).toBeGreaterThan(50);
    expect(forms.has(row.code_hash)).toBe(false);
    // HMAC-SHA-256: 32 bytes, base64url.
    expect(row.code_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a server with another key cannot redeem the code; this server still can', async () => {
    const page = await openActivationPage(t, 'helene', password);
    const otherKey = await deviceApiOn(t.db, randomBytes(32), () => t.clock.now);
    try {
      expect(isRefusedActivation(await activateByCode(otherKey.app, 'helene', page.code))).toBe(
        true,
      );
    } finally {
      await otherKey.app.close();
    }
    expect((await activateByCode(t.app, 'helene', page.code)).statusCode).toBe(201);
  });
});
