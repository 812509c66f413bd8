/**
 * `sesame org …`: the organization's settings: "MFA required for everyone", the push number's
 * form, … and its branding (org-branding-commands.ts).
 */
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { readBranding } from '../branding/branding-settings.ts';
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
import {
  readSelfRegistration,
  setSelfRegistration,
} from '../lifecycle/self-registration-setting.ts';
import { readOrgMfaRequired, setOrgMfaRequired } from '../policy/mfa-policy.ts';
import { readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import {
  maxRememberDays,
  parseRememberDuration,
  readRememberDays,
  setRememberDays,
} from '../remember-browser/remember-setting.ts';
import { type CliIo, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { parseMfaPolicy } from './mfa-policy-command.ts';
import {
  brandingJson,
  brandingLines,
  parseOrgColour,
  parseOrgLogo,
  parseOrgName,
  parseOrgSupport,
} from './org-branding-commands.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
  parseSubcommand,
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
  name: parseOrgName,
  logo: parseOrgLogo,
  colour: parseOrgColour,
  support: parseOrgSupport,
  'self-registration': parseSelfRegistration,
  'mfa-policy': parseMfaPolicy,
};

/** The subcommands' names, for the CLI's walk (run-cli.ts GROUPS). */
export const ORG_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function parseOrgCommand(args: string[]): ParsedCommand {
  return parseSubcommand('org', SUBCOMMANDS, HELP, args);
}

function parseShow(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run: showOrg };
}

async function showOrg(io: CliIo): Promise<void> {
  const required = await readOrgMfaRequired(io.db);
  const pushNumber = await readPushNumberMode(io.db);
  const rememberDays = await readRememberDays(io.db);
  const passkeySignIn = await readPasskeySignIn(io.db);
  const selfRegistration = await readSelfRegistration(io.db);
  const branding = await readBranding(io.db);
  const { appliesTo } = await readMfaPolicy(io.db);
  // For chosen groups, "off for everyone" alone would mislead: say who.
  const forGroups = appliesTo === 'groups' ? ' (required of chosen groups: org mfa-policy)' : '';
  report(
    io,
    `MFA required for everyone: ${onOff(required)}${forGroups}\n` +
      `Push number: ${pushNumber}\n` +
      `Remember browser: ${describeRememberDays(rememberDays)}\n` +
      `Passkey sign-in: ${onOff(passkeySignIn)}\n` +
      `Self-registration: ${onOff(selfRegistration)}\n` +
      brandingLines(branding)
        .map((line) => `${line}\n`)
        .join(''),
    {
      mfaRequired: required,
      mfaAppliesTo: appliesTo,
      pushNumber,
      rememberBrowserDays: rememberDays,
      passkeySignIn,
      selfRegistration,
      ...brandingJson(branding),
    },
  );
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
    { type: 'org.mfa_requirement_changed', reason: onOff(required), actor: 'cli' },
    io.now(),
  );
  report(
    io,
    required
      ? 'MFA required for everyone: on. Accounts without an active authenticator enroll at their next sign-in.\n'
      : "MFA required for everyone: off. Accounts required one by one ('sesame users require-mfa') still enroll; accounts with an authenticator keep using it.\n",
    { mfaRequired: required },
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
      await recordAuditEvent(
        io.db,
        { type: 'org.push_number_changed', reason: mode, actor: 'cli' },
        io.now(),
      );
      report(io, `Push number: ${mode}. ${pushNumberExplanations[mode]}\n`, { pushNumber: mode });
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
      await recordAuditEvent(
        io.db,
        { type: 'org.remember_browser_changed', reason, actor: 'cli' },
        io.now(),
      );
      report(
        io,
        days === 0
          ? 'Remember browser: off. No browser is remembered; those remembered before are asked their second factor again.\n'
          : `Remember browser: ${days} days. The second factor offers « Ne plus demander sur cet appareil »; applications asking for two factors or a fresh sign-in still get one.\n`,
        { rememberBrowserDays: days },
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
        { type: 'org.passkey_sign_in_changed', reason: value, actor: 'cli' },
        io.now(),
      );
      report(
        io,
        value === 'on'
          ? "Passkey sign-in: on. The sign-in page offers « Se connecter avec une clé d'accès »: a passkey that verifies its user (PIN, biometrics) signs in without the password, as two factors.\n"
          : 'Passkey sign-in: off. Passkeys are used as a second factor after the password only.\n',
        { passkeySignIn: value === 'on' },
      );
    },
  };
}

function parseSelfRegistration(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const value = onePositional(positionals, 'on|off');
  if (value !== 'on' && value !== 'off') throw new UsageError(`expected on or off, not '${value}'`);
  return {
    kind: 'run',
    run: async (io) => {
      await setSelfRegistration(io.db, value === 'on');
      await recordAuditEvent(
        io.db,
        { type: 'org.self_registration_changed', reason: value, actor: 'cli' },
        io.now(),
      );
      report(
        io,
        value === 'on'
          ? 'Self-registration: on. The sign-in page offers « Créer un compte »; a new account signs in once its email address is verified.\n'
          : 'Self-registration: off. Accounts are made by administrators only (/register answers 404).\n',
        { selfRegistration: value === 'on' },
      );
    },
  };
}

function onOff(value: boolean): 'on' | 'off' {
  return value ? 'on' : 'off';
}
