/**
 * DESIGN.md's promise, held: a method is its folder and one registry line. The registry lists
 * every method with its whole contract (what it proves, its enrollment, its verification), and no
 * source file outside a method's folder names a method's kind or slug — the second-factor step,
 * the choose and configuration pages, the account page, policy and audit read the registry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factors } from './index.ts';

const sourceRoot = new URL('..', import.meta.url).pathname;

/** Where a method may be named: its own folder, its messages, and the migrations that made it. */
const folderOf: Record<string, string> = {
  'sesame-verify': 'factors/authenticator-app/',
  totp: 'factors/totp/',
  recovery_codes: 'factors/recovery-codes/',
  passkey: 'factors/webauthn/',
  'sms-code': 'factors/sms-code/',
  'email-code': 'factors/email-code/',
  'temporary-access-code': 'factors/temporary-access-code/',
};
const allowedEverywhere = [
  /\.test\.tsx?$/,
  /(-kit|-test-rows)\.ts$/,
  /^ui\/i18n\//,
  /^db\/migrations\//,
  // The registry itself.
  /^factors\/index\.ts$/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [relative(sourceRoot, path)] : [];
  });
}

describe('the registry of MFA methods', () => {
  it('lists each method once, with its whole contract', () => {
    expect(factors.map((f) => f.kind)).toEqual([...new Set(factors.map((f) => f.kind))]);
    expect(factors.map((f) => f.slug)).toEqual([...new Set(factors.map((f) => f.slug))]);
    for (const factor of factors) {
      // What it proves; a method that does not satisfy "MFA required" may prove nothing (G-17).
      if (factor.satisfiesMfa) expect(factor.amr.length, factor.kind).toBeGreaterThan(0);
      expect(typeof factor.satisfiesMfa).toBe('boolean');
      expect(typeof factor.enrollmentRoutes).toBe('function');
      expect(typeof factor.verification.begin).toBe('function');
      expect(typeof factor.verification.verify).toBe('function');
      expect(folderOf[factor.kind], `a folder for ${factor.kind}`).toBeDefined();
    }
  });

  it('is the only place outside its folder that names a method', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(sourceRoot)) {
      if (allowedEverywhere.some((pattern) => pattern.test(file))) continue;
      const text = readFileSync(join(sourceRoot, file), 'utf8');
      for (const factor of factors) {
        if (file.startsWith(folderOf[factor.kind] as string)) continue;
        // As a string ('totp'), or as a page of the method (/enroll/other-app).
        const named = new RegExp(`['"\`]${factor.kind}['"\`]|/enroll/${factor.slug}\\b`);
        if (named.test(text)) offenders.push(`${file}: ${factor.kind}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the second-factor step free of any method', () => {
    const step = readFileSync(join(sourceRoot, 'sign-in/second-factor-routes.tsx'), 'utf8');
    for (const factor of factors) {
      expect(step).not.toContain(factor.kind);
      expect(step).not.toContain(factor.slug);
    }
    // Its amr come from the verification's result, not from a constant.
    expect(step).not.toMatch(/amr: \[['"]/);
  });
});
