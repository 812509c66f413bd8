/**
 * `sesame org name|logo|colour|support` and `org show [--json]`, on both backends: each setting
 * round-trips, is audited with `cli` as its actor, and what must be refused (an SVG, a text file
 * named .png, a logo too large, a colour too light) exits 1 with its code, storing nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { discPng, oversizedPng, svgLogo, textNamedPng } from '../../test/logo-fixture.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame org’s branding (%s)', (backend) => {
  let t: CliHarness;
  let dir: string;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    dir = await mkdtemp(join(tmpdir(), 'sesame-logo-'));
  });
  afterEach(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };
  const settings = () => t.db.selectFrom('org_settings').selectAll().orderBy('key').execute();
  const audit = () =>
    t.db.selectFrom('audit_events').select(['type', 'reason', 'actor']).orderBy('id').execute();

  it('sets the name, logo, colour and support, and shows them (text and JSON)', async () => {
    expect((await t.run(['org', 'name', 'Caisse Laurentienne'])).stdout).toBe(
      'Name: Caisse Laurentienne.\n',
    );
    const logo = await t.run(['org', 'logo', await file('logo.png', discPng(16))]);
    expect(logo.code, logo.stderr).toBe(0);
    expect(logo.stdout).toMatch(/^Logo: image\/png, version [0-9a-f]{16}\.\n$/);
    expect((await t.run(['org', 'colour', '#1B5E20'])).stdout).toBe('Accent colour: #1b5e20.\n');
    await t.run([
      'org',
      'support',
      '--email',
      'aide@caisse.example',
      '--url',
      'https://caisse.example/aide',
    ]);
    const phone = await t.run(['org', 'support', '--phone', '+1 514 555-0199']);
    expect(phone.stdout).toBe(
      'Support: aide@caisse.example, +1 514 555-0199, https://caisse.example/aide.\n',
    );
    const shown = (await t.run(['org', 'show'])).stdout;
    expect(shown).toContain('Organization name: Caisse Laurentienne\n');
    expect(shown).toMatch(/Logo: image\/png, version [0-9a-f]{16}\n/);
    expect(shown).toContain('Accent colour: #1b5e20\n');
    expect(shown).toContain(
      'Support: aide@caisse.example, +1 514 555-0199, https://caisse.example/aide\n',
    );
    const json = JSON.parse((await t.run(['org', 'show', '--json'])).stdout);
    expect(json).toMatchObject({
      mfaRequired: true,
      name: 'Caisse Laurentienne',
      logo: { type: 'image/png' },
      accentColour: '#1b5e20',
      support: {
        email: 'aide@caisse.example',
        phone: '+1 514 555-0199',
        url: 'https://caisse.example/aide',
      },
    });
    expect((await audit()).map((event) => [event.type, event.actor])).toEqual([
      ['org.name_changed', 'cli'],
      ['org.logo_changed', 'cli'],
      ['org.accent_changed', 'cli'],
      ['org.support_changed', 'cli'],
      ['org.support_changed', 'cli'],
    ]);
    // An empty value removes one field; the defaults come back.
    await t.run(['org', 'support', '--phone', '']);
    await t.run(['org', 'name', '--clear']);
    await t.run(['org', 'logo', '--remove']);
    await t.run(['org', 'colour', 'default']);
    const after = JSON.parse((await t.run(['org', 'show', '--json'])).stdout);
    expect(after).toMatchObject({ name: null, logo: null, accentColour: null });
    expect(after.support).toEqual({
      email: 'aide@caisse.example',
      phone: null,
      url: 'https://caisse.example/aide',
    });
  });

  it('refuses what is not a PNG, JPEG or WebP logo, or too large, and stores nothing', async () => {
    for (const [name, bytes, code] of [
      ['logo.svg', svgLogo, 'branding.logo_type'],
      ['logo.png', textNamedPng, 'branding.logo_type'],
      ['grand.png', oversizedPng(), 'branding.logo_too_large'],
    ] as const) {
      const refused = await t.run(['org', 'logo', await file(name, bytes)]);
      expect(refused.code, name).toBe(1);
      expect(refused.stderr).toContain(code);
    }
    const missing = await t.run(['org', 'logo', join(dir, 'absent.png')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
    expect(await settings()).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('refuses a colour too light for white text, or not #rrggbb', async () => {
    const light = await t.run(['org', 'colour', '#ffcc00']);
    expect(light.code).toBe(1);
    expect(light.stderr).toContain('branding.colour_contrast');
    expect(light.stderr).toContain('4.5:1');
    expect((await t.run(['org', 'colour', 'bleu'])).stderr).toContain('branding.colour_invalid');
    const noFields = await t.run(['org', 'support']);
    expect(noFields.code).toBe(2);
    expect(await settings()).toEqual([]);
  });
});
