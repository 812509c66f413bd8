/** Kysely table types. Times are Unix milliseconds (UTC); booleans are 0/1 on both backends. */
import type { Generated } from 'kysely';

export interface AccountTable {
  id: string;
  username: string;
  email: string | null;
  name: string;
  password_hash: string;
  locked: number;
  created_at: number;
  updated_at: number;
}

/** Usernames and emails share one namespace: one canonical identifier, one account. */
export interface AccountIdentifierTable {
  identifier: string;
  account_id: string;
  kind: 'username' | 'email';
}

export interface OidcModelTable {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: number | null;
  consumed_at: number | null;
}

export interface SigningKeyTable {
  kid: string;
  sealed_jwk: string;
  created_at: number;
}

export interface AttemptCounterTable {
  key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

export interface SignInFlowTable {
  id: string;
  token_hash: string;
  account_id: string | null;
  steps_done: string;
  created_at: number;
  expires_at: number;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: number;
  type: string;
  account_id: string | null;
  client_id: string | null;
  ip: string | null;
  user_agent: string | null;
  reason: string | null;
  request_id: string | null;
}

export interface Database {
  accounts: AccountTable;
  account_identifiers: AccountIdentifierTable;
  oidc_models: OidcModelTable;
  signing_keys: SigningKeyTable;
  attempt_counters: AttemptCounterTable;
  sign_in_flows: SignInFlowTable;
  audit_events: AuditEventTable;
}
