/**
 * The demo content of the dashboard: the same accounts and documents for every client, dated
 * relative to the clock so that they always look recent. A real portal would read them from the
 * company's systems, keyed by the `sub` of the ID token.
 */
import type { Messages } from './i18n/en.ts';

type DashboardKey = keyof Messages['dashboard'];

export interface DemoAccount {
  readonly labelKey: DashboardKey;
  /** The last four digits only: the full number is never shown. */
  readonly lastDigits: string;
  readonly balanceCents: number;
}

export interface DemoDocument {
  readonly labelKey: DashboardKey;
  readonly issuedAtMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const demoAccounts: readonly DemoAccount[] = [
  { labelKey: 'accountChequing', lastDigits: '4821', balanceCents: 3_482_617 },
  { labelKey: 'accountTfsa', lastDigits: '7310', balanceCents: 4_125_090 },
  { labelKey: 'accountRrsp', lastDigits: '0957', balanceCents: 12_876_544 },
];

export function demoDocuments(nowMs: number): DemoDocument[] {
  return [
    { labelKey: 'docStatement', issuedAtMs: nowMs - 3 * DAY_MS },
    { labelKey: 'docStatement', issuedAtMs: nowMs - 34 * DAY_MS },
    { labelKey: 'docNoticeOfAssessment', issuedAtMs: nowMs - 61 * DAY_MS },
    { labelKey: 'docRrspReceipt', issuedAtMs: nowMs - 95 * DAY_MS },
    { labelKey: 'docTfsaReceipt', issuedAtMs: nowMs - 130 * DAY_MS },
  ];
}

/** Canadian dollars in the page's locale: « 34 826,17 $ » in fr-CA, « $34,826.17 » in en-CA. */
export function formatCad(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** The company's time zone, so dates read the same whatever the server's zone. */
export const DISPLAY_TIME_ZONE = 'America/Toronto';

export function formatDate(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: DISPLAY_TIME_ZONE }).format(
    ms,
  );
}

export function formatDateTime(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(ms);
}
