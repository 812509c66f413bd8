/** `sesame org …`: the organization's settings: "MFA required for everyone", the push number's form. */
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import {
  isPushNumberMode,
  pushNumberModes,
  readPushNumberMode,
  setPushNumberMode,
} from '../factors/push/push-number-mode.ts';
import {
  readPasskeySignIn,
  setPasskeySignIn,
} from '../factors/webauthn/passkey-sign-in-setting.ts';
import { readOrgMfaRequired, setOrgMfaRequired } from '../policy/mfa-policy.ts';
import {
  maxRememberDays,
  parseRememberDuration,
  readRememberDays,
  setRememberDays,
} from '../remember-browser/remember-setting.ts';
import { type CliIo, type ParsedCommand, UsageError } from './cli-io.ts';
import { parseMfaPolicy } from './mfa-policy-command.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
} from './parse-command-args.ts';
import { ORG_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: ORG_USAGE };

type SubcommandParser = (args: string[]) => ParsedCommand;

const SUBCOMMANDS: Record<string, SubcommandParser> = {
  show: parseShow,
  'require-mfa': parseRequireMfa,
  'push-number': parsePushNumber,
  'passkey-sign-in': parsePasskeySignIn,
  'remember-browser': parseRememberBrowser,
  'mfa-policy': parseMfaPolicy,
};

export function parseOrgCommand(args: string[]): ParsedCommand {
  const [name, ...rest] = args;
  if (name === undefined) {
    throw new UsageError(`missing command after 'org'`, 'sesame org --help');
  }
  if (name === '--help' || name === '-h' || name === 'help') return HELP;
  const parse = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (parse === undefined)
    throw new UsageError(`unknown command 'org ${name}'`, 'sesame org --help');
  try {
    return parse(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`org ${name}: ${error.message}`, 'sesame org --help');
  }
}

function parseShow(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run: showOrg };
}

async function showOrg(io: CliIo): Promise<void> {
  const required = await readOrgMfaRequired(io.db);
  io.stdout(`MFA required for everyone: ${onOff(required)}\n`);
  io.stdout(`Push number: ${await readPushNumberMode(io.db)}\n`);
  io.stdout(`Remember browser: ${describeRememberDays(await readRememberDays(io.db))}\n`);
  io.stdout(`Passkey sign-in: ${onOff(await readPasskeySignIn(io.db))}\n`);
}

function parseRequireMfa(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const value = onePositional(positionals, 'on|off');
  if (value !== 'on' && value !== 'off') {
    throw new UsageError(`expected on or off, not '${value}'`);
  }
  return { kind: 'run', run: (io) => requireMfa(io, value === 'on') };
}

async function requireMfa(io: CliIo, required: boolean): Promise<void> {
  await setOrgMfaRequired(io.db, required);
  await recordAuditEvent(
    io.db,
    { type: 'org.mfa_requirement_changed', reason: onOff(required) },
    io.now(),
  );
  io.stdout(
    required
      ? 'MFA required for everyone: on. Accounts without an active authenticator enroll at their next sign-in.\n'
      : "MFA required for everyone: off. Accounts required one by one ('sesame users require-mfa') still enroll; accounts with an authenticator keep using it.\n",
  );
}

function parsePushNumber(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const mode = onePositional(positionals, pushNumberModes.join('|'));
  if (!isPushNumberMode(mode)) {
    throw new UsageError(`expected ${pushNumberModes.join(', ')}, not '${mode}'`);
  }
  return {
    kind: 'run',
    run: async (io) => {
      await setPushNumberMode(io.db, mode);
      await recordAuditEvent(io.db, { type: 'org.push_number_changed', reason: mode }, io.now());
      io.stdout(`Push number: ${mode}. ${pushNumberExplanations[mode]}\n`);
    },
  };
}

const pushNumberExplanations: Record<(typeof pushNumberModes)[number], string> = {
  'typed-6': 'The computer shows 6 digits; the user types them in Sesame Verify (NIST 800-63B-4).',
  'typed-2': 'The computer shows 2 digits; the user types them in Sesame Verify.',
  'pick-3': 'The computer shows 2 digits; the user picks them among three in Sesame Verify.',
};

function parseRememberBrowser(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const text = onePositional(positionals, '<N>d|off');
  const days = parseRememberDuration(text);
  if (days === undefined) {
    throw new UsageError(
      `expected a number of days from 1d to ${maxRememberDays}d, or off, not '${text}'`,
    );
  }
  return {
    kind: 'run',
    run: async (io) => {
      await setRememberDays(io.db, days);
      const reason = days === 0 ? 'off' : `${days}d`;
      await recordAuditEvent(io.db, { type: 'org.remember_browser_changed', reason }, io.now());
      io.stdout(
        days === 0
          ? 'Remember browser: off. No browser is remembered; those remembered before are asked their second factor again.\n'
          : `Remember browser: ${days} days. The second factor offers « Ne plus demander sur cet appareil »; applications asking for two factors or a fresh sign-in still get one.\n`,
      );
    },
  };
}

function describeRememberDays(days: number): string {
  return days === 0 ? 'off' : `${days} days`;
}

function parsePasskeySignIn(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const value = onePositional(positionals, 'on|off');
  if (value !== 'on' && value !== 'off') {
    throw new UsageError(`expected on or off, not '${value}'`);
  }
  return {
    kind: 'run',
    run: async (io) => {
      await setPasskeySignIn(io.db, value === 'on');
      await recordAuditEvent(
        io.db,
        { type: 'org.passkey_sign_in_changed', reason: value },
        io.now(),
      );
      io.stdout(
        value === 'on'
          ? "Passkey sign-in: on. The sign-in page offers « Se connecter avec une clé d'accès »: a passkey that verifies its user (PIN, biometrics) signs in without the password, as two factors.\n"
          : 'Passkey sign-in: off. Passkeys are used as a second factor after the password only.\n',
      );
    },
  };
}

function onOff(value: boolean): 'on' | 'off' {
  return value ? 'on' : 'off';
}
