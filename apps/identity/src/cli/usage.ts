/** Help texts. Each command group has its own; `sesame --help` shows them all. */

export const USERS_USAGE = `Usage: sesame users <command> [options]

Commands:
  create <username> [--email E] [--name "Given Family"] [--password-stdin]
      Create an account. Without --password-stdin a password is generated and shown once.
      With --email, the address is sent a link to verify it: Sesame mails codes, reset
      links and notifications only to a verified address.
  verify-email <username>
      Send the account's email address a new verification link (valid 24 hours).
  list [--search TEXT] [--json]
      List the accounts: username, email, name, status, who requires MFA of the account
      (account: its own flag, org: the organization's setting, no), how many active
      authenticators it has, creation time (UTC). --search: only those whose username,
      email or name contains TEXT (any case), as the console's search.
  lock <username>
      Lock the account: it can no longer sign in.
  unlock <username>
      Unlock the account and reset its failed sign-in counter.
  set-password <username> --password-stdin
      Replace the password with the one read from standard input.
  require-mfa <username> [--off]
      Require MFA of this account, whatever the organization's setting; --off removes
      the account's own requirement (the organization's may still apply).
  reset-mfa <username>
      Remove every authenticator and device of the account. Where MFA is required, the
      account enrolls again at its next sign-in.
  set-phone <username> <+E164>|--remove
      Set the phone number SMS codes go to (E.164: +15145550100), or remove it. The
      account confirms it with a code when enrolling « Code par SMS ».
  grant-admin <username> [--helpdesk]
      Give the account access to the administration console (/admin): everything, or
      with --helpdesk the users only. It always signs in there with MFA.
  revoke-admin <username>
      Take that access away.
  show <username>
      Show the account: its details, its active methods, its latest sign-ins.
  access-code <username>
      Issue a temporary access code (single use, one hour) for a client who lost their
      phone: they sign in once with it and enroll again. Shown once; replaces an earlier one.
  sign-out <username>
      End every session, token and sign-in in progress of the account.
  edit <username> [--name N] [--email E | --no-email]
      Change the name or the address. A new address is sent its verification link, the
      old one (if verified) is told; another account's address is refused.
  remove-method <username> <method-id>
      Remove one verification method (its id from users show); the last one removed,
      the account enrolls again at its next sign-in when MFA is required.
  invite <username> --email E [--name "Given Family"]
      Create the account without a password and mail the address a link (valid 7
      days, once) to choose one; the first sign-in then sets up MFA.
  invite <username> --resend
      Send an invited account a new link; the earlier one stops working.
  import <file.csv> [--password-generated]
      Create the accounts of a CSV file with the header username,email,name[,groups]
      (fields in double quotes may hold commas; groups are ignored). Every row is
      checked first: one bad row stops the import, naming its line, and nothing is
      created. Each account is invited by mail, or with --password-generated given a
      generated password, printed once (email then optional).
  delete <username>
      Delete the account: its methods, devices, sessions and tokens go; its audit trail
      stays, under a pseudonym, without IP addresses or user agents.

<username> may also be the account's email, in any case.
--password-stdin reads the password from standard input, less one trailing newline;
on a terminal it is asked for without echo.
`;

export const ORG_USAGE = `Usage: sesame org <command> [options]

Commands:
  show [--json]
      Show the organization's settings (--json: as JSON).
  require-mfa on|off
      Require MFA of every account (on, the default) or only of the accounts required
      one by one with 'sesame users require-mfa' (off). Where MFA is required, an
      account without an active authenticator enrolls at its next sign-in.
  push-number typed-6|typed-2|pick-3
      How a push is matched with the sign-in it approves: the computer shows 6 digits
      typed in Sesame Verify (typed-6, the default, the form NIST 800-63B-4 requires),
      2 digits typed (typed-2), or 2 digits picked among three (pick-3).
  passkey-sign-in on|off
      Offer « Se connecter avec une clé d'accès » on the sign-in page (on): a passkey
      that verifies its user (PIN, biometrics) signs in without the password, as two
      factors. off (the default): passkeys are a second factor after the password only.
  remember-browser <N>d|off
      Offer « Ne plus demander sur cet appareil » at the second factor: a browser so
      remembered is not asked it again for N days (1 to 365; 30d is usual), unless the
      application asks for two factors or a fresh sign-in. off (the default): never.
  name <name> | --clear
      The organization's name, shown beside « Sesame » on the sign-in pages and in
      Sesame Verify (instead of the server's host name). 80 characters at most.
  logo <file> | --remove
      The organization's logo: a PNG, JPEG or WebP image (told by its bytes; no SVG),
      256 KiB at most, stored in the database and served at /branding/logo.
  colour #rrggbb | default
      The pages' accent colour (buttons, links). Refused when white text on it would
      be hard to read (contrast under 4.5:1, WCAG AA).
  support [--email <address>] [--phone <number>] [--url <https://…>]
      Where a client who is stuck (locked account, lost phone) turns: « Contactez le
      support : … » on the sign-in and enrollment pages. An empty value removes one.
  self-registration on|off
      Offer « Créer un compte » on the sign-in page (on): anyone may make an account,
      which signs in only once its email address is verified by the link mailed to it.
      off (the default): accounts are made by administrators only.
  mfa-policy [show]
      Show the MFA policy: for whom MFA is required, each method's rule, the grace period.
  mfa-policy set [--for everyone|groups|nobody] [--groups G1,G2]
                 [--method <method>=required|optional|not_allowed]... [--grace-days N]
      Change it: MFA for everyone (the default), for the members of the groups named
      with --groups (exactly these; see 'sesame groups'), or for nobody — an account's
      own requirement ('sesame users require-mfa') adds to it. A method not_allowed is
      not offered nor enrolled, and an account's existing one is no longer accepted at
      sign-in; a required one must be enrolled. With a grace of N days (0 to 90; 0, the
      default: at once), « Plus tard » is offered until N days after the account's first
      sign-in that found MFA required. <method> is as 'mfa-policy show' lists it.
`;

export const GROUPS_USAGE = `Usage: sesame groups <command> [options]

Commands:
  list
      List the groups: name, members, whether the MFA policy chose it, description.
  members <group>
      List a group's members.
  create <name> [--description D]
      Create a group (names are unique in any case).
  delete <group>
      Delete a group; its members' accounts are kept.
  add <group> <username>
      Add the account to the group.
  remove <group> <username>
      Remove the account from the group.
`;

export const AUDIT_USAGE = `Usage: sesame audit [--user <username>] [--type T] [--since S] [--until U]
                    [--outcome success|failure] [--limit N] [--format csv|jsonl] [--json]

Show the audit trail, newest first: time (UTC), event, account, actor, reason, IP, client, user
agent. The filters are the console's (/admin/audit).

Options:
  --user <username>  only the events of this account (username or email)
  --type T           only this event type (account.locked), or the types starting so (sign_in.)
  --since S          from this UTC day (2026-03-01) or time (2026-03-01T14:05:09Z)
  --until U          up to this UTC day, included, or time
  --outcome O        only successes or only failures (refused or failed attempts)
  --limit N          how many events, 1 to 1000 (default 50)
  --format F         the console's exports: csv or jsonl (JSON Lines)
  --json             JSON instead of a table
`;

export const OUTBOX_USAGE = `Usage: sesame outbox [--limit N] [--json]

Show the mail of the development outbox, newest first: date (UTC), recipient, subject and
text. With no SMTP server configured (SESAME_SMTP_URL unset), Sesame keeps there the mail it
would send; the identity server also shows it at /dev/outbox.

Options:
  --limit N  how many messages, 1 to 1000 (default 20)
  --json     JSON instead of text
`;

export const CLIENTS_USAGE = `Usage: sesame clients <command> [options] [--json]

The OpenID Connect applications registered in the database (the console's « Applications »);
those of the configuration (the portal, the console) are changed there, not here.

Commands:
  list
      List the applications: client id, name, the acr each requires, redirect URIs.
  add <name> --redirect-uri URI [--redirect-uri URI…] [--post-logout-uri URI…]
      [--two-factors]
      Register an application; its client id and secret are shown once. Redirect URIs
      are exact, absolute https (http only for localhost or 127.0.0.1), without a
      fragment. --two-factors: every sign-in of it proves two factors (urn:sesame:loa:2fa).
  edit <client-id> [--name N] [--redirect-uri URI…] [--post-logout-uri URI…]
      [--two-factors|--no-two-factors]
      Change what is given (a list given replaces the old one); it holds at once.
  rotate-secret <client-id>
      Issue a new secret, shown once; the old one stops working at once.
  remove <client-id>
      Remove the application: its sign-ins and tokens are refused from now on.
`;

export const KEYS_USAGE = `Usage: sesame keys <command> [--json]

The keys that sign ID tokens (ADR 0014). A new key is published in the JWKS at once and signs
after SESAME_SIGNING_KEY_PUBLISH_AHEAD_MINUTES (default 10), so that applications caching the
key set know it first; the key it replaces stays published until the tokens it signed expire.

Commands:
  list
      List the published keys: kid, algorithm, state (next: published, not signing yet;
      current: signing; retired: published for the tokens it signed), and their times (UTC).
  rotate
      Make a new key (next); the current one stops signing when it starts. Refused while
      a key is already next. Every identity node follows within a minute.
`;

export const API_TOKENS_USAGE = `Usage: sesame api-tokens <command> [--json]

The admin API's tokens (the console's « Jetons d'API »): bearer tokens for /admin/api, scoped
and expiring; only their hash is kept.

Commands:
  list
      List the tokens: id, name, scopes, state (active, revoked, expired), expiry, last use.
  create <name> --scope S [--scope S…] [--days N]
      Make a token with these scopes (users:read, users:manage, policy:manage,
      clients:manage), valid N days (1 to 365, default 90). It is shown once.
  revoke <id>
      Revoke the token: it is refused from then on.
`;

export const MAIN_USAGE = `Usage: sesame <command> [options]

Administration of a Sesame identity server. Works on the database of the current
configuration: DATABASE_URL, or SQLite in SESAME_DATA_DIR (default ./data).

Commands:
  users create <username> [--email E] [--name "Given Family"] [--password-stdin]
  users verify-email <username>
  users list [--search TEXT] [--json]
  users lock <username>
  users unlock <username>
  users set-password <username> --password-stdin
  users require-mfa <username> [--off]
  users reset-mfa <username>
  users set-phone <username> <+E164>|--remove
  users show <username>
  users access-code <username>
  users sign-out <username>
  users edit <username> [--name N] [--email E | --no-email]
  users remove-method <username> <method-id>
  users invite <username> --email E [--name N] | --resend
  users import <file.csv> [--password-generated]
  users delete <username>
  org show
  org require-mfa on|off
  org push-number typed-6|typed-2|pick-3
  org remember-browser <N>d|off
  org name|logo|colour|support …
  org self-registration on|off
  org mfa-policy [show|set] [--for everyone|groups|nobody] [--groups G] [--method M=R] [--grace-days N]
  groups list|members|create|delete|add|remove …
  audit [--user <username>] [--type T] [--since S] [--until U] [--outcome O] [--limit N] [--format csv|jsonl]
  outbox [--limit N]
  clients list|add|edit|rotate-secret|remove …
  keys list|rotate
  api-tokens list|create|revoke
  help [users | org | groups | audit | outbox | clients | keys | api-tokens]

Run 'sesame <command> --help' for details.
Every command takes --json: its result as JSON on stdout, for scripts, and its error as
{"error": {"code": …, "message": …}} on stderr.
Exit status: 0 done, 1 failed, 2 wrong usage.
`;
