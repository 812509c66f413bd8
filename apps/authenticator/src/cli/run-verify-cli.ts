/**
 * `npx sesame-verify`: Sesame Verify on the command line, on the same core as the PWA.
 * Everything it touches comes in through `io` (state, network, clock), so tests run it whole.
 * Exit codes: 0 done, 1 failed (refused, unreachable, no such account), 2 usage error.
 */
import { parseArgs } from 'node:util';
import { type AccountStore, accountTitle, type StoredAccount } from '../core/account-store.ts';
import { type ActivationCredential, activateAccount } from '../core/activate-account.ts';
import { generateDeviceKeys } from '../core/device-keys.ts';
import { parseActivationLink, parseIssuer } from '../core/parse-activation-link.ts';
import { removeDevice } from '../core/remove-device.ts';
import { formatTotpCode, totpCode, totpSecondsLeft } from '../core/totp.ts';
import { isVerifyError, type VerifyErrorCode } from '../core/verify-error.ts';
import { pushCommands } from './push-commands.ts';

export interface VerifyCliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  fetch: typeof globalThis.fetch;
  store: AccountStore;
  now: () => number;
  /** Default device name for `add` (the machine's host name). */
  hostname: string;
}

export const usage = `Usage: sesame-verify <command>

  add <activation-link> [--name <device name>]
  add --issuer <URL> --username <U> --code <CODE> [--name <device name>]
      enroll this computer as a Sesame Verify device (the link of the QR code, or
      the organization address and activation code shown by "Impossible de numériser ?")
  code [account]      print the current 6-digit code (of every account when there are several)
  list                list the accounts
  rename <account> <name>
  remove <account> [--force]
      forget this device on the server, then here (--force: here even if the server is unreachable)
  pending [account]   list the sign-in requests waiting for approval
  approve <id> --number <N> [--account <account>]
      approve a request with the number shown on the computer
  deny <id> [--account <account>]
      "Ce n'était pas moi": refuse a request you did not make

<account> is a username, user@host, a name given with rename, or a device id.
State: $SESAME_VERIFY_STATE, or ~/.config/sesame-verify/accounts.json (mode 0600).`;

class UsageError extends Error {}
class CliFailure extends Error {}

const messages: Record<VerifyErrorCode, string> = {
  'activation.invalid':
    'activation refused: the code is wrong, expired or already used (show a new one on the enrollment page)',
  'link.invalid': 'not a Sesame Verify activation link (expected <server>/app/activate#token=…)',
  rate_limited: 'too many attempts: wait a few minutes and try again',
  network: 'could not reach the server',
  server: 'the server gave an unexpected answer; try again later',
  'device.unauthorized': 'the server no longer knows this device: add the account again',
  'push.not_found': 'no such request for this device (sesame-verify pending)',
  'push.expired': 'this request has expired: sign in again on the computer',
  'push.already_answered': 'this request was already answered',
  'push.wrong_number':
    'the number does not match the one on the computer: that sign-in was refused',
};

export type Command = (args: string[], io: VerifyCliIo) => Promise<void>;
const commands: Record<string, Command> = {
  add,
  code,
  list,
  rename,
  remove,
  ...pushCommands({
    findOne,
    parse,
    fail: (message) => new CliFailure(message),
    usage: (message) => new UsageError(message),
  }),
};

export async function runVerifyCli(argv: string[], io: VerifyCliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage);
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  try {
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'missing command');
    await command(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sesame-verify: ${error.message} (sesame-verify help)`);
      return 2;
    }
    if (error instanceof CliFailure) io.stderr(`sesame-verify: ${error.message}`);
    else if (isVerifyError(error)) io.stderr(`sesame-verify: ${messages[error.code]}`);
    else io.stderr(`sesame-verify: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function parse<const T extends Record<string, { type: 'string' } | { type: 'boolean' }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

async function add(args: string[], io: VerifyCliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    name: { type: 'string' },
    issuer: { type: 'string' },
    username: { type: 'string' },
    code: { type: 'string' },
  });
  let issuer: string;
  let credential: ActivationCredential;
  if (positionals.length === 1 && !values.code && !values.issuer && !values.username) {
    const link = parseActivationLink(positionals[0] ?? '');
    issuer = link.issuer;
    credential = { token: link.token };
  } else if (positionals.length === 0 && values.code && values.issuer && values.username) {
    issuer = parseIssuer(values.issuer);
    credential = { username: values.username, activationCode: values.code };
  } else {
    throw new UsageError('add takes an activation link, or --issuer, --username and --code');
  }
  const keys = await generateDeviceKeys({ extractable: true });
  const account = await activateAccount({
    fetch: io.fetch,
    issuer,
    platform: 'other',
    deviceName: values.name ?? io.hostname,
    keys,
    nowMs: io.now(),
    ...credential,
  });
  await io.store.put(account);
  io.stdout(
    `Added ${account.username} (${account.displayName}) at ${new URL(issuer).host}, device "${account.deviceName}".`,
  );
  io.stdout(`Code: ${formatTotpCode(totpCode({ secret: account.secret, nowMs: io.now() }))}`);
}

async function code(args: string[], io: VerifyCliIo): Promise<void> {
  const { positionals } = parse(args, {});
  if (positionals.length > 1) throw new UsageError('code takes at most one account');
  const nowMs = io.now();
  const query = positionals[0];
  if (query !== undefined) {
    const account = await findOne(io.store, query);
    io.stdout(totpCode({ secret: account.secret, nowMs }));
    return;
  }
  const accounts = await io.store.list();
  if (accounts.length === 0) throw new CliFailure('no account yet: sesame-verify add <link>');
  if (accounts.length === 1 && accounts[0]) {
    io.stdout(totpCode({ secret: accounts[0].secret, nowMs }));
    return;
  }
  for (const account of accounts) {
    io.stdout(`${totpCode({ secret: account.secret, nowMs })}  ${describe(account)}`);
  }
  io.stderr(`(${totpSecondsLeft(nowMs)} s left)`);
}

async function list(args: string[], io: VerifyCliIo): Promise<void> {
  parse(args, {});
  const accounts = await io.store.list();
  if (accounts.length === 0) io.stderr('No account yet: sesame-verify add <link>');
  for (const account of accounts) {
    const added = new Date(account.createdAt).toISOString().slice(0, 10);
    io.stdout(
      `${describe(account)}  device "${account.deviceName}"  added ${added}  id ${account.id}`,
    );
  }
}

async function rename(args: string[], io: VerifyCliIo): Promise<void> {
  const { positionals } = parse(args, {});
  const [query, label] = positionals;
  if (positionals.length !== 2 || !query || label === undefined) {
    throw new UsageError('rename takes an account and a name');
  }
  const account = await findOne(io.store, query);
  const renamed = await io.store.rename(account.id, label);
  io.stdout(`Renamed: ${renamed ? describe(renamed) : account.id}`);
}

async function remove(args: string[], io: VerifyCliIo): Promise<void> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('remove takes one account');
  const account = await findOne(io.store, positionals[0]);
  try {
    const result = await removeDevice({ fetch: io.fetch, account, nowMs: io.now() });
    if (result === 'unknown') io.stderr('The server no longer knew this device.');
  } catch (error) {
    if (!(values.force && isVerifyError(error, 'network'))) {
      if (isVerifyError(error, 'network')) {
        throw new CliFailure(`${messages.network}; --force removes it from this computer only`);
      }
      throw error;
    }
    io.stderr('Server unreachable: removed from this computer only.');
  }
  await io.store.remove(account.id);
  io.stdout(`Removed ${describe(account)}.`);
}

function describe(account: StoredAccount): string {
  const host = new URL(account.issuer).host;
  const title = accountTitle(account);
  return title === host ? `${account.username}@${host}` : `${account.username}@${host} (${title})`;
}

/** One account by id, user@host, username or label (case-insensitive); ambiguity is an error. */
async function findOne(store: AccountStore, query: string): Promise<StoredAccount> {
  const wanted = query.trim().toLowerCase();
  const accounts = await store.list();
  const byId = accounts.find((account) => account.id === query);
  if (byId) return byId;
  const matches = accounts.filter((account) => {
    const host = new URL(account.issuer).host.toLowerCase();
    const username = account.username.toLowerCase();
    return (
      username === wanted ||
      `${username}@${host}` === wanted ||
      account.label?.toLowerCase() === wanted
    );
  });
  const [match, ...others] = matches;
  if (!match) throw new CliFailure(`no account "${query}" (sesame-verify list)`);
  if (others.length > 0) throw new CliFailure(`"${query}" matches several accounts: use user@host`);
  return match;
}
