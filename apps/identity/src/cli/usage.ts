/** Help texts. Each command group has its own; `sesame --help` shows them all. */

export const USERS_USAGE = `Usage: sesame users <command> [options]

Commands:
  create <username> [--email E] [--name "Given Family"] [--password-stdin]
      Create an account. Without --password-stdin a password is generated and shown once.
  list [--json]
      List the accounts: username, email, name, status, creation time (UTC).
  lock <username>
      Lock the account: it can no longer sign in.
  unlock <username>
      Unlock the account and reset its failed sign-in counter.
  set-password <username> --password-stdin
      Replace the password with the one read from standard input.

<username> may also be the account's email, in any case.
--password-stdin reads the password from standard input, less one trailing newline;
on a terminal it is asked for without echo.
`;

export const AUDIT_USAGE = `Usage: sesame audit [--user <username>] [--limit N] [--json]

Show the audit trail, newest first: time (UTC), event, account, reason, IP, client, user agent.

Options:
  --user <username>  only the events of this account (username or email)
  --limit N          how many events, 1 to 1000 (default 50)
  --json             JSON instead of a table
`;

export const MAIN_USAGE = `Usage: sesame <command> [options]

Administration of a Sesame identity server. Works on the database of the current
configuration: DATABASE_URL, or SQLite in SESAME_DATA_DIR (default ./data).

Commands:
  users create <username> [--email E] [--name "Given Family"] [--password-stdin]
  users list [--json]
  users lock <username>
  users unlock <username>
  users set-password <username> --password-stdin
  audit [--user <username>] [--limit N] [--json]
  help [users | audit]

Run 'sesame <command> --help' for details.
Exit status: 0 done, 1 failed, 2 wrong usage.
`;
