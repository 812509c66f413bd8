/**
 * `sesame org name|logo|colour|support`: the organization's branding (branding/), changed by the
 * same operation as the console's, audited with `cli` as its actor. A value refused says its code
 * and why, and nothing is stored.
 */
import { readFile } from 'node:fs/promises';
import { cliActor } from '../accounts/operations/actor.ts';
import { type Branding, readBranding } from '../branding/branding-settings.ts';
import { type BrandingChange, changeBranding } from '../branding/change-branding.ts';
import { maxLogoBytes } from '../branding/logo-image.ts';
import { AppError, errorCatalogue } from '../errors.ts';
import { translatorFor } from '../ui/i18n/messages.ts';
import { type CliIo, CommandError, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { HELP_OPTION, onePositional, parseCommandArgs } from './parse-command-args.ts';
import { ORG_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: ORG_USAGE };

export function parseOrgName(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    ...HELP_OPTION,
    clear: { type: 'boolean' },
  });
  if (values.help) return HELP;
  const name = values.clear ? '' : onePositional(positionals, '<name>');
  if (values.clear && positionals.length > 0) throw new UsageError('--clear takes no name');
  return run({ kind: 'name', name }, name === '' ? 'Name: none.' : `Name: ${name}.`);
}

export function parseOrgLogo(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    ...HELP_OPTION,
    remove: { type: 'boolean' },
  });
  if (values.help) return HELP;
  if (values.remove) {
    if (positionals.length > 0) throw new UsageError('--remove takes no file');
    return run({ kind: 'logo', bytes: null }, 'Logo: none.');
  }
  const file = onePositional(positionals, '<file>');
  return {
    kind: 'run',
    run: async (io) => {
      const bytes = await readLogoFile(file);
      await apply(io, { kind: 'logo', bytes });
      const branding = await readBranding(io.db);
      report(io, `Logo: ${describeLogo(branding.logo)}.\n`, brandingJson(branding));
    },
  };
}

export function parseOrgColour(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const colour = onePositional(positionals, '#rrggbb|default');
  if (colour === 'default') return run({ kind: 'accent', colour: null }, 'Accent colour: default.');
  return run({ kind: 'accent', colour }, `Accent colour: ${colour.toLowerCase()}.`);
}

export function parseOrgSupport(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    ...HELP_OPTION,
    email: { type: 'string' },
    phone: { type: 'string' },
    url: { type: 'string' },
  });
  if (values.help) return HELP;
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const given = { email: values.email, phone: values.phone, url: values.url };
  if (Object.values(given).every((value) => value === undefined))
    throw new UsageError('give --email, --phone or --url (an empty value removes one)');
  return {
    kind: 'run',
    run: async (io) => {
      // The fields not given keep their value.
      const { support } = await readBranding(io.db);
      const contact = {
        email: given.email ?? support.email ?? '',
        phone: given.phone ?? support.phone ?? '',
        url: given.url ?? support.url ?? '',
      };
      await apply(io, { kind: 'support', contact });
      const branding = await readBranding(io.db);
      report(io, `Support: ${describeSupport(branding.support)}.\n`, brandingJson(branding));
    },
  };
}

/** `org show`'s lines for the branding, and its JSON. */
export function brandingLines(branding: Branding): string[] {
  return [
    `Organization name: ${branding.name ?? 'none (Sesame only)'}`,
    `Logo: ${describeLogo(branding.logo)}`,
    `Accent colour: ${branding.accent ?? 'default'}`,
    `Support: ${describeSupport(branding.support)}`,
  ];
}

export function brandingJson(branding: Branding) {
  return {
    name: branding.name ?? null,
    logo: branding.logo ?? null,
    accentColour: branding.accent ?? null,
    support: {
      email: branding.support.email ?? null,
      phone: branding.support.phone ?? null,
      url: branding.support.url ?? null,
    },
  };
}

function run(change: BrandingChange, done: string): ParsedCommand {
  return {
    kind: 'run',
    run: async (io) => {
      await apply(io, change);
      report(io, `${done}\n`, brandingJson(await readBranding(io.db)));
    },
  };
}

const english = translatorFor('en');

async function apply(io: CliIo, change: BrandingChange): Promise<void> {
  try {
    await changeBranding({ db: io.db, now: io.now }, cliActor, change);
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('branding.'))
      throw new CommandError(
        `${error.code}: ${english(errorCatalogue[error.code].message)}`,
        error.code,
      );
    throw error;
  }
}

async function readLogoFile(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CommandError(
      `cannot read '${file}': ${(error as NodeJS.ErrnoException).code}`,
      'file.unreadable',
    );
  }
  // Refused by the operation too; said here before a large file is held for nothing.
  if (bytes.length > maxLogoBytes) {
    const message = english(errorCatalogue['branding.logo_too_large'].message);
    throw new CommandError(`branding.logo_too_large: ${message}`, 'branding.logo_too_large');
  }
  return bytes;
}

function describeLogo(logo: Branding['logo']): string {
  return logo === undefined ? 'none' : `${logo.type}, version ${logo.hash}`;
}

function describeSupport(support: Branding['support']): string {
  const parts = [support.email, support.phone, support.url].filter((part) => part !== undefined);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
