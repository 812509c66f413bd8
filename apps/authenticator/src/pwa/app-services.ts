/** What the screens need from the outside world, passed down once (tests and screenshots swap them). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AccountStore } from '../core/account-store.ts';
import type { OtpAccountStore } from '../core/otp-account-store.ts';
import type { Lang, Translate } from './i18n/i18n.ts';

export interface AppServices {
  store: AccountStore;
  /** The « Autre » accounts (other services' codes), on this phone only. */
  otpStore: OtpAccountStore;
  fetch: typeof globalThis.fetch;
  now: () => number;
  /** This app's own origin: the only organization it can talk to (CSP `connect-src 'self'`). */
  origin: string;
  userAgent: string;
  copyText: (text: string) => Promise<void>;
}

export interface AppContextValue {
  services: AppServices;
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing');
  return value;
}
