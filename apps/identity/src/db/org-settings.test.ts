/**
 * The organization's settings kept in memory (db/org-settings.ts), as the pages show them, on
 * both backends: a change made through Sesame shows at the next page; one written by another
 * process (here: straight into the table, as the `sesame` CLI beside a running server or
 * another instance would) shows within `orgSettingsMaxAgeMs`, and not at once — the pages do not
 * read the table each time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { changeBranding } from '../branding/change-branding.ts';
import { orgSettingsMaxAgeMs } from './org-settings.ts';

const orgName = async (t: TestApp) => {
  const { page } = await openSignIn(new BrowserSession(t.app, t.config.publicUrl));
  return /<span class="org-name">([^<]*)<\/span>/.exec(page.body)?.[1];
};

describe.each(testBackends())('the organization’s settings in memory (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
  });
  afterEach(() => t.close());
  const deps = () => ({ db: t.db, now: () => Date.now() });

  it('a change made through Sesame shows at the next page', async () => {
    expect(await orgName(t)).toBeUndefined();
    await changeBranding(deps(), cliActor, { kind: 'name', name: 'Caisse Laurentienne' });
    expect(await orgName(t)).toBe('Caisse Laurentienne');
    await changeBranding(deps(), cliActor, { kind: 'name', name: 'Caisse du Plateau' });
    expect(await orgName(t)).toBe('Caisse du Plateau');
    await changeBranding(deps(), cliActor, { kind: 'name', name: '' });
    expect(await orgName(t)).toBeUndefined();
  });

  it('a change written by another process shows within the settings’ age limit', async () => {
    await changeBranding(deps(), cliActor, { kind: 'name', name: 'Caisse Laurentienne' });
    const readBefore = performance.now();
    expect(await orgName(t)).toBe('Caisse Laurentienne');
    const writtenAt = performance.now();
    await t.db
      .updateTable('org_settings')
      .set({ value: 'Caisse du Plateau' })
      .where('key', '=', 'org_name')
      .execute();
    // Read from memory, not from the table: the page right after still shows the old name
    // (unless this machine took longer than the limit to get here)…
    const shown = await orgName(t);
    if (performance.now() - readBefore < orgSettingsMaxAgeMs)
      expect(shown).toBe('Caisse Laurentienne');
    // …and the new one once the settings are older than the limit.
    await new Promise((resolve) =>
      setTimeout(resolve, orgSettingsMaxAgeMs - (performance.now() - writtenAt) + 50),
    );
    expect(await orgName(t)).toBe('Caisse du Plateau');
  });
});
