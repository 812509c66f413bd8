/**
 * G-18: recovery codes are stored only as salted argon2id hashes (a password hash: 80 bits is
 * under 112), one salt per set (ADR 0009) — no table holds a code in any spelling — and they are
 * shown once, on the page that made them, never cached.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import {
  buildTestApp,
  cheapArgon2,
  type TestApp,
  testBackends,
} from '../../../test/build-test-app.ts';
import { enrollOtherApp, interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { codesOnPage, generateAtEnrollment } from '../../../test/recovery-codes-kit.ts';
import { encodeHashParams, hashRecoveryCode } from './recovery-code-hash.ts';

const password = 'avenue des Érables 1642';

describe.each(testBackends())('recovery codes are stored hashed (G-18) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'paul', password });
    await t.createUser({ username: 'anne', password });
  });
  afterEach(() => t.close());

  async function enrolling(username: string) {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, username, password)).location);
    await enrollOtherApp(t, b, base);
    return { b, base };
  }

  it('keeps argon2id hashes under a random salt per set, and no code in any table', async () => {
    const { b, base } = await enrolling('paul');
    const { shown, codes } = await generateAtEnrollment(b, base);
    expect(shown.headers['cache-control']).toBe('no-store');
    const sets = await t.db.selectFrom('recovery_code_sets').selectAll().execute();
    expect(sets).toHaveLength(1);
    const set = sets[0] as (typeof sets)[number];
    expect(Buffer.from(set.salt, 'base64url')).toHaveLength(16);
    expect(set.hash_params).toBe(encodeHashParams(cheapArgon2));
    const rows = await t.db.selectFrom('recovery_codes').selectAll().orderBy('position').execute();
    expect(rows).toHaveLength(10);
    const hashing = { salt: set.salt, params: cheapArgon2 };
    for (const [i, row] of rows.entries())
      expect(row.code_hash).toBe(await hashRecoveryCode(codes[i] as string, hashing));
    // Every table, every column, as text: no code, with or without its dashes, in any case.
    const dump = JSON.stringify(await everyRow()).toUpperCase();
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll('-', ''));
    }
    // Another account's set has its own salt.
    const other = await enrolling('anne');
    await generateAtEnrollment(other.b, other.base);
    const salts = await t.db.selectFrom('recovery_code_sets').select('salt').execute();
    expect(new Set(salts.map((s) => s.salt)).size).toBe(2);
  });

  it('shows the codes once: neither the configuration page nor the offer shows them again', async () => {
    const { b, base } = await enrolling('paul');
    const { codes } = await generateAtEnrollment(b, base);
    expect(codes).toHaveLength(10);
    const configuration = await b.get(`${base}/enroll/done?added=recovery-codes`);
    expect(configuration.statusCode).toBe(200);
    expect(configuration.body).toContain('Codes de récupération');
    expect(codesOnPage(configuration.body)).toEqual([]);
    const offer = await b.get(`${base}/enroll/recovery-codes`);
    expect(codesOnPage(offer.body)).toEqual([]);
  });

  async function everyRow() {
    const tables = [
      'recovery_codes',
      'recovery_code_sets',
      'authenticators',
      'audit_events',
      'sign_in_flows',
      'attempt_counters',
    ];
    const all: unknown[] = [];
    for (const table of tables)
      all.push(...(await sql`select * from ${sql.table(table)}`.execute(t.db)).rows);
    return all;
  }
});
