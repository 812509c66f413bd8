/** Kysely table types. Times are Unix milliseconds (UTC); booleans are 0/1 on both backends. */
import type { Generated } from 'kysely';

export type AdminRole = 'admin' | 'helpdesk';

export interface AccountTable {
  id: string;
  username: string;
  email: string | null;
  name: string;
  password_hash: string;
  locked: number;
  /** 1 when an administrator requires MFA for this account (beside the organization's setting). */
  mfa_required: Generated<number>;
  /** When its methods were last taken away (MFA reset, a method removed): older factors are stale. */
  methods_changed_at: number | null;
  /** An administrator's role (issue 9): `admin`, `helpdesk`, or none (a client). */
  role: Generated<AdminRole | null>;
  /** When the account's address was proved by a link sent to it (mail/); null: not verified. */
  email_verified_at: number | null;
  /** The language its mail is written in ('fr' | 'en'); null: French. */
  locale: string | null;
  /** The account's phone number (E.164), where SMS codes go (factors/sms-code/); set by an administrator. */
  phone_number: string | null;
  /** 1 for a self-registered account: no sign-in completes before its address is verified. */
  email_verification_required: Generated<number>;
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
  /** The account the record belongs to (sessions, grants, tokens), for revocation. */
  account_id: Generated<string | null>;
  expires_at: number | null;
  consumed_at: number | null;
}

export interface SigningKeyTable {
  kid: string;
  sealed_jwk: string;
  created_at: number;
  /** The JWS algorithm (RS256), readable without opening the key. */
  alg: Generated<string>;
  /** From when it signs the ID tokens (before then: published only, `next`). */
  signs_from: number;
  /** Until when it signs: its successor's `signs_from`; null while it has none. */
  signs_until: number | null;
  /** Until when it stays in the JWKS after it stopped signing; then it goes. */
  published_until: number | null;
}

export interface AttemptCounterTable {
  key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

export type FlowHostKind = 'interaction' | 'account';

export interface SignInFlowTable {
  id: string;
  token_hash: string;
  account_id: string | null;
  steps_done: string;
  /** Who runs the flow: an OIDC interaction, or the signed-in account's pages (a step-up). */
  host: Generated<FlowHostKind>;
  /** Where a step-up returns once done (a path under /account). */
  return_to: string | null;
  /** When a step-up finished: what it proved holds for a few minutes from its second factor. */
  finished_at: number | null;
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
  /** Who acted: `user`, `device:<id>`, `cli`, `admin:<account id>`. */
  actor: Generated<string | null>;
}

export interface OrgSettingTable {
  key: string;
  value: string;
}

/**
 * What every MFA method's authenticators share; each method keeps its own secrets in a table of
 * its own (ADR 0004). `kind` is the method's registry key (factors/index.ts), named nowhere else.
 */
export interface AuthenticatorTable {
  id: string;
  account_id: string;
  kind: string;
  /** 'pending' until confirmed (a valid code, or the device's registration); only 'active' counts. */
  status: 'pending' | 'active';
  /** What the user sees: the device's name, or the app's name. */
  label: string;
  created_at: number;
  activated_at: number | null;
  last_used_at: number | null;
  /** The sign-in flow that enrolled it (G-40: an enrollment completes only with its own). */
  flow_id: Generated<string | null>;
  /** When its owner named it (the security page's « Renommer »): its label is then theirs. */
  renamed_at?: number | null;
}

/** The code methods' storage (factors/totp/): a sealed TOTP secret and the last step accepted. */
export interface TotpSecretTable {
  authenticator_id: string;
  /** Sealed with AES-256-GCM (purpose 'totp-secret:<authenticator id>'). */
  sealed_secret: string;
  /** Last accepted TOTP time step: only later steps are accepted (RFC 6238 §5.2). */
  last_used_step: number | null;
}

/** Whatever waits on the user: a push to approve, an emailed code, a WebAuthn challenge. */
export interface ChallengeTable {
  id: string;
  /** Which method's challenge (its registry kind, or a kind of its own). */
  kind: string;
  account_id: string;
  /** The sign-in flow it belongs to; null for a step-up outside a sign-in. */
  flow_id: string | null;
  authenticator_id: string | null;
  status: 'pending' | 'approved' | 'denied' | 'consumed' | 'cancelled';
  /** A keyed hash of what the user must answer (a code), when there is one. */
  secret_hash: string | null;
  /** JSON the method needs (the number shown, WebAuthn options, what is asked). */
  payload: Generated<string>;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
}

export interface DeviceTable {
  id: string;
  account_id: string;
  authenticator_id: string;
  platform: 'ios' | 'android' | 'other';
  name: string;
  /** The ES256 public key the device made; its private key never leaves the device. */
  public_jwk: string;
  created_at: number;
  last_seen_at: number | null;
}

export interface ActivationTable {
  id: string;
  account_id: string;
  /** The sign-in flow (interaction) that asked for it: the page waiting for the device. */
  flow_id: string;
  platform: 'ios' | 'android';
  token_hash: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  redeemed_at: number | null;
  authenticator_id: string | null;
}

export interface DeviceRequestIdTable {
  jti: string;
  device_id: string;
  expires_at: number;
}

/** A device's Web Push subscription (endpoint and RFC 8291 keys), sealed (purpose 'push-subscription:<device id>'). */
export interface PushSubscriptionTable {
  device_id: string;
  sealed_subscription: string;
  created_at: number;
  updated_at: number;
}

/** The deployment's VAPID key pair (RFC 8292), made at first start; the private half sealed. */
export interface VapidKeyTable {
  id: string;
  /** base64url of the uncompressed P-256 point. */
  public_key: string;
  sealed_private_key: string;
  created_at: number;
}

/** What a device answered to a push challenge (one answer per challenge, the one that settled it). */
export interface PushAnswerTable {
  challenge_id: string;
  account_id: string;
  device_id: string;
  /** 'approved', 'denied' (« Ce n'était pas moi ») or 'wrong_number'. */
  decision: 'approved' | 'denied' | 'wrong_number';
  answered_at: number;
}

/** Mail kept by the development outbox (no SMTP configured): shown at /dev/outbox. */
export interface OutboxMessageTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: number;
}

/**
 * A notice to mail to an account (G-24), queued in the transaction of the audit event it tells
 * of; sent by the delivery loop (mail/notice-delivery.ts), retried until it is.
 */
export interface NoticeTable {
  id: string;
  account_id: string;
  /** The audit event type it tells of (mail/notice-types.ts). */
  event_type: string;
  reason: string | null;
  ip: string | null;
  occurred_at: number;
  attempts: Generated<number>;
  /** Not before then: a retry's back-off, or a claim by a sender (its lease). */
  next_attempt_at: number;
  sent_at: number | null;
  /** 'sent', 'no_address' (no verified address: nothing to send), or the last failure's code. */
  outcome: string | null;
  /** Where it goes when not to the account's verified address (the old one of a changed address). */
  to_email: string | null;
}

/** A single-use link sent by mail: only its hash is kept (mail/email-token-queries.ts). */
export interface EmailTokenTable {
  id: string;
  account_id: string;
  /** `invitation`: an invited account's link to choose its password (lifecycle/, 7 days). */
  purpose: 'verify_email' | 'password_reset' | 'invitation';
  token_hash: string;
  /** The address it was sent to: a verification proves that one only. */
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A browser an account chose to be asked no second factor on, for a while (remember-browser/). */
export interface RememberedBrowserTable {
  id: string;
  account_id: string;
  /** SHA-256 of the browser's random token (the cookie's value); never the token itself. */
  token_hash: string;
  /** The browser and system it was remembered on, as its user agent said (shown to its owner). */
  browser: string | null;
  system: string | null;
  created_at: number;
  last_used_at: number | null;
  expires_at: number;
  revoked_at: number | null;
}

/** Where a sent-code authenticator's codes go: what its enrollment confirmed (factors/sent-code/). */
export interface SentCodeDestinationTable {
  authenticator_id: string;
  /** The email address or E.164 number a code sent there confirmed. */
  destination: string;
}

/** A set of recovery codes (factors/recovery-codes/): how its codes were hashed (ADR 0009). */
export interface RecoveryCodeSetTable {
  authenticator_id: string;
  /** The set's random salt (base64url), shared by its codes: one hash verifies a code. */
  salt: string;
  /** The argon2id cost the codes were hashed with: `m=<KiB>,t=<passes>,p=<lanes>`. */
  hash_params: string;
  created_at: number;
}

/** One recovery code of a set: only its argon2id hash, and when it was used (once). */
export interface RecoveryCodeTable {
  authenticator_id: string;
  position: number;
  /** argon2id(code, set salt), base64url; never the code. */
  code_hash: string;
  used_at: number | null;
}

/** A passkey's credential (factors/webauthn/): one per authenticator of the passkey method. */
export interface WebauthnCredentialTable {
  authenticator_id: string;
  /** The credential id, base64url (unique: one credential is one authenticator). */
  credential_id: string;
  /** Its COSE public key, base64url. */
  public_key: string;
  /** The last signature counter accepted: a later one must be higher (G-20). */
  sign_count: number;
  /** JSON array of the transports the browser reported (usb, nfc, internal, hybrid…). */
  transports: Generated<string>;
  /** 'singleDevice' (bound to one authenticator) or 'multiDevice' (a synced passkey). */
  device_type: 'singleDevice' | 'multiDevice';
  /** 1 when the authenticator said it is backed up (synced). */
  backed_up: number;
  aaguid: string | null;
  /** 1 when the user was verified (PIN, biometrics) at registration. */
  user_verified: number;
}

/** A sign-in without password's challenge, bound to the sign-in flow (no account is known yet). */
export interface PasskeySignInChallengeTable {
  id: string;
  flow_id: string;
  /** The base64url challenge sent to the browser. */
  challenge: string;
  status: 'pending' | 'consumed' | 'cancelled';
  created_at: number;
  expires_at: number;
}

/** A temporary access code's own storage (factors/temporary-access-code/). */
export interface TemporaryAccessCodeTable {
  authenticator_id: string;
  /** HMAC of the code under a key of its own (SecretBox `mac`): never the code. */
  code_mac: string;
  expires_at: number;
  /** The actor who issued it (`admin:<id>`, `cli`). */
  issued_by: string;
}

/** An admin API token (admin/api/): its hash, scopes (space-separated), life. */
export interface ApiTokenTable {
  id: string;
  name: string;
  token_hash: string;
  scopes: string;
  /** The actor who made it (`admin:<id>`). */
  created_by: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** A client application registered in the database (migration 0017, ADR 0012). */
export interface ClientApplicationTable {
  client_id: string;
  name: string;
  /** JSON array of exact redirect URIs. */
  redirect_uris: string;
  /** JSON array of exact post-logout redirect URIs. */
  post_logout_redirect_uris: string;
  /** The client secret, sealed by the SecretBox (purpose `client-secret:<client_id>`). */
  secret_sealed: string;
  /** 1: every sign-in of this application proves two factors (acr `urn:sesame:loa:2fa`). */
  two_factors_required: number;
  /** The actor who registered it (`admin:<id>`, `api:<id>`, `cli`). */
  created_by: string;
  created_at: number;
  updated_at: number;
  secret_changed_at: number;
}

/** A group of accounts (policy/groups-queries.ts); the MFA policy may require MFA of its members. */
export interface GroupTable {
  id: string;
  name: string;
  /** The name as compared (lower case): unique. */
  canonical_name: string;
  description: Generated<string>;
  /** 1: the policy "for members of chosen groups" chose it. */
  requires_mfa: Generated<number>;
  created_at: number;
}

export interface GroupMemberTable {
  group_id: string;
  account_id: string;
  added_at: number;
}

/** When an account's grace period for enrolling began (policy/mfa-grace.ts). */
export interface MfaGraceTable {
  account_id: string;
  started_at: number;
}

export interface Database {
  groups: GroupTable;
  group_members: GroupMemberTable;
  mfa_grace: MfaGraceTable;
  api_tokens: ApiTokenTable;
  client_applications: ClientApplicationTable;
  temporary_access_codes: TemporaryAccessCodeTable;
  accounts: AccountTable;
  account_identifiers: AccountIdentifierTable;
  oidc_models: OidcModelTable;
  signing_keys: SigningKeyTable;
  attempt_counters: AttemptCounterTable;
  sign_in_flows: SignInFlowTable;
  audit_events: AuditEventTable;
  org_settings: OrgSettingTable;
  authenticators: AuthenticatorTable;
  totp_secrets: TotpSecretTable;
  recovery_code_sets: RecoveryCodeSetTable;
  recovery_codes: RecoveryCodeTable;
  challenges: ChallengeTable;
  webauthn_credentials: WebauthnCredentialTable;
  passkey_sign_in_challenges: PasskeySignInChallengeTable;
  devices: DeviceTable;
  activations: ActivationTable;
  device_request_ids: DeviceRequestIdTable;
  push_subscriptions: PushSubscriptionTable;
  vapid_keys: VapidKeyTable;
  push_answers: PushAnswerTable;
  outbox_messages: OutboxMessageTable;
  notices: NoticeTable;
  email_tokens: EmailTokenTable;
  remembered_browsers: RememberedBrowserTable;
  sent_code_destinations: SentCodeDestinationTable;
}
