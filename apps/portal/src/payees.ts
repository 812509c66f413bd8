/**
 * The client's payees (« Bénéficiaires »), demo data kept in memory by the portal process, keyed
 * by the account's `sub`: they last across sign-ins but not across a restart. A real portal would
 * keep them in the company's systems. A payee is added only after the client approved it in
 * Sesame Verify (CIBA, issue 7 §3): see routes/payee-routes.ts.
 */

export interface Payee {
  readonly name: string;
  readonly addedAtMs: number;
}

export interface PayeeBook {
  list(sub: string): readonly Payee[];
  add(sub: string, payee: Payee): void;
}

/** At most this many payees per client, and this many clients: bounded memory for a demo. */
const MAX_PAYEES = 50;
const MAX_CLIENTS = 10_000;

export function createPayeeBook(): PayeeBook {
  const byAccount = new Map<string, Payee[]>();
  return {
    list: (sub) => byAccount.get(sub) ?? [],
    add(sub, payee) {
      const payees = byAccount.get(sub) ?? [];
      if (payees.length === 0) {
        if (byAccount.size >= MAX_CLIENTS) byAccount.delete(byAccount.keys().next().value ?? '');
        byAccount.set(sub, payees);
      }
      payees.push(payee);
      if (payees.length > MAX_PAYEES) payees.shift();
    },
  };
}

export const PAYEE_NAME_MAX_LENGTH = 60;

/**
 * A payee's name as typed, spaces tidied; undefined when it is not a name: 2 to 60 characters,
 * letters first, then letters, spaces and « ' ’ - . » only. Short and printable on one line, so
 * that « Ajouter le bénéficiaire … ? » is a valid CIBA binding message (≤ 120 characters).
 */
export function normalizePayeeName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > PAYEE_NAME_MAX_LENGTH) return undefined;
  return /^\p{L}[\p{L}\p{M} '’.-]*$/u.test(name) ? name : undefined;
}
