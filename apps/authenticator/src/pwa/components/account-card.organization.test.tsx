/**
 * The account as Sesame Verify shows it: the organization's name (sent at activation) instead of
 * its server's host, with its logo; the host where the organization set no name; the user's own
 * label above both.
 */
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../core/account-store.ts';
import { AppContext, type AppServices } from '../app-services.ts';
import { translator } from '../i18n/i18n.ts';
import { AccountCard } from './account-card.tsx';

const base: StoredAccount = {
  id: 'dev-42',
  issuer: 'https://id.caisse.example',
  username: 'marie',
  displayName: 'Marie Tremblay',
  deviceName: 'iPhone',
  platform: 'ios',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  privateKey: {} as CryptoKey,
  createdAt: Date.UTC(2026, 0, 15),
};

function card(account: StoredAccount): string {
  const value = {
    services: {} as AppServices,
    lang: 'fr' as const,
    t: translator('fr'),
    setLang: () => {},
  };
  return render(
    <AppContext.Provider value={value}>
      <AccountCard
        account={account}
        nowMs={Date.UTC(2026, 0, 15)}
        onOptions={() => {}}
        onCopy={() => {}}
      />
    </AppContext.Provider>,
  );
}

const title = (html: string) => /<h2 class="account-title">([^<]*)<\/h2>/.exec(html)?.[1];

describe('an organization’s account in Sesame Verify', () => {
  it('shows the organization’s name and logo instead of the server’s host', () => {
    const html = card({
      ...base,
      organizationName: 'Caisse Laurentienne',
      organizationLogoUrl: 'https://id.caisse.example/branding/logo?v=a0aa2b0de881a507',
    });
    expect(title(html)).toBe('Caisse Laurentienne');
    expect(html).toContain(
      '<img class="account-logo" src="https://id.caisse.example/branding/logo?v=a0aa2b0de881a507"',
    );
    expect(html).not.toContain('id.caisse.example</h2>');
  });

  it('keeps the host where the organization set no name, and no logo', () => {
    const html = card(base);
    expect(title(html)).toBe('id.caisse.example');
    expect(html).not.toContain('account-logo');
  });

  it('puts the user’s own label first', () => {
    expect(
      title(card({ ...base, organizationName: 'Caisse Laurentienne', label: 'Travail' })),
    ).toBe('Travail');
  });
});
