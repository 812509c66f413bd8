/** Help texts. Each command group has its own; `sesame --help` shows them all. */

export const USERS_USAGE = `Usage: sesame users <command> [options]

Commands:
  create <username> [--email E] [--name "Given Family"] [--password-stdin]
      Create an account. Without --password-stdin a password is generated and shown once.
      With --email, the address is sent a link to verify it: Sesame mails codes, reset
      links and notifications only to a verified address.
  verify-email <username>
      Send the account's email address a new verification link (valid 24 hours).
  list [--json]
      List the accounts: username, email, name, status, who requires MFA of the account
      (account: its own flag, org: the organization's setting, no), how many active
      authenticators it has, creation time (UTC).
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

<username> may also be the account's email, in any case.
--password-stdin reads the password from standard input, less one trailing newline;
on a terminal it is asked for without echo.
`;

export const ORG_USAGE = `Usage: sesame org <command> [options]

Commands:
  show
      Show the organization's settings.
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
  mfa-policy [show] [--json]
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
  list [--json]
      List the groups: name, members, whether the MFA policy chose it, description.
  members <group> [--json]
      List a group's members.
  create <name> [--description D] [--json]
      Create a group (names are unique in any case).
  delete <group>
      Delete a group; its members' accounts are kept.
  add <group> <username>
      Add the account to the group.
  remove <group> <username>
      Remove the account from the group.
`;

export const AUDIT_USAGE = `Usage: sesame audit [--user <username>] [--limit N] [--json]

Show the audit trail, newest first: time (UTC), event, account, reason, IP, client, user agent.

Options:
  --user <username>  only the events of this account (username or email)
  --limit N          how many events, 1 to 1000 (default 50)
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

export const MAIN_USAGE = `Usage: sesame <command> [options]

Administration of a Sesame identity server. Works on the database of the current
configuration: DATABASE_URL, or SQLite in SESAME_DATA_DIR (default ./data).

Commands:
  users create <username> [--email E] [--name "Given Family"] [--password-stdin]
  users verify-email <username>
  users list [--json]
  users lock <username>
  users unlock <username>
  users set-password <username> --password-stdin
  users require-mfa <username> [--off]
  users reset-mfa <username>
  users set-phone <username> <+E164>|--remove
  org show
  org require-mfa on|off
  org push-number typed-6|typed-2|pick-3
  org remember-browser <N>d|off
  org mfa-policy [show|set] [--for everyone|groups|nobody] [--groups G] [--method M=R] [--grace-days N]
  groups list|members|create|delete|add|remove … [--json]
  audit [--user <username>] [--limit N] [--json]
  outbox [--limit N] [--json]
  help [users | org | groups | audit | outbox]

Run 'sesame <command> --help' for details.
Exit status: 0 done, 1 failed, 2 wrong usage.
`;
