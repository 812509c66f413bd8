/**
 * `sesame groups …`: the groups of accounts the MFA policy can require MFA of (ADR 0013) — list,
 * create, delete, add and remove members, each change a group operation audited as `cli`.
 */

import { cliActor } from '../accounts/operations/actor.ts';
import { addGroupMember } from '../accounts/operations/add-group-member.ts';
import { createGroup } from '../accounts/operations/create-group.ts';
import { deleteGroup } from '../accounts/operations/delete-group.ts';
import { removeGroupMember } from '../accounts/operations/remove-group-member.ts';
import { findGroup, listGroupMembers, listGroups } from '../policy/groups-queries.ts';
import { asCommand } from './app-error-to-command.ts';
import { type CliIo, CommandError, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { formatTable, formatUtc } from './format-output.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
  parseSubcommand,
} from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { GROUPS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: GROUPS_USAGE };

const SUBCOMMANDS: Record<string, (args: string[]) => ParsedCommand> = {
  list: parseList,
  members: parseMembers,
  create: parseCreate,
  delete: parseDelete,
  add: (args) => parseMembership(args, 'add'),
  remove: (args) => parseMembership(args, 'remove'),
};

/** The subcommands' names, for the CLI's walk (run-cli.ts GROUPS). */
export const GROUPS_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function parseGroupsCommand(args: string[]): ParsedCommand {
  return parseSubcommand('groups', SUBCOMMANDS, HELP, args);
}

const deps = (io: CliIo) => ({ db: io.db, now: io.now });

async function requireGroup(io: CliIo, name: string) {
  const group = await findGroup(io.db, name);
  if (group === undefined) throw new CommandError(`no group named ${name}`, 'group.not_found');
  return group;
}

function parseList(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return HELP;
  noPositionals(positionals);
  return {
    kind: 'run',
    run: async (io) => {
      const groups = await listGroups(io.db);
      const rows = groups.map((g) => [
        g.name,
        String(g.members),
        g.requiresMfa ? 'yes' : 'no',
        g.description,
        formatUtc(g.createdAt),
      ]);
      const headers = ['NAME', 'MEMBERS', 'MFA', 'DESCRIPTION', 'CREATED (UTC)'];
      report(
        io,
        () => (groups.length === 0 ? 'No groups.\n' : formatTable(headers, rows)),
        groups.map((g) => ({ ...g, createdAt: formatUtc(g.createdAt) })),
      );
    },
  };
}

function parseMembers(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return HELP;
  const name = onePositional(positionals, '<group>');
  return {
    kind: 'run',
    run: async (io) => {
      const members = await listGroupMembers(io.db, (await requireGroup(io, name)).id);
      const table = () =>
        formatTable(
          ['USERNAME', 'NAME'],
          members.map((m) => [m.username, m.name]),
        );
      report(io, () => (members.length === 0 ? 'No members.\n' : table()), members);
    },
  };
}

function parseCreate(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    description: { type: 'string' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const name = onePositional(positionals, '<name>');
  return {
    kind: 'run',
    run: async (io) => {
      const group = await asCommand(
        () => createGroup(deps(io), cliActor, { name, description: values.description ?? '' }),
        `groups create ${name}`,
      );
      report(io, `Group ${group.name} created.\n`, { id: group.id, name: group.name });
    },
  };
}

function parseDelete(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const name = onePositional(positionals, '<group>');
  return {
    kind: 'run',
    run: async (io) => {
      const group = await requireGroup(io, name);
      await deleteGroup(deps(io), cliActor, { groupId: group.id });
      report(io, `Group ${group.name} deleted; its members' accounts are kept.\n`, {
        id: group.id,
        name: group.name,
        deleted: true,
      });
    },
  };
}

function parseMembership(args: string[], change: 'add' | 'remove'): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const [name, identifier, extra] = positionals;
  if (name === undefined || identifier === undefined)
    throw new UsageError('missing <group> <username>');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  return {
    kind: 'run',
    run: async (io) => {
      const group = await requireGroup(io, name);
      const account = await requireAccount(io.db, identifier);
      const args = { groupId: group.id, accountId: account.id };
      if (change === 'add') {
        const added = await addGroupMember(deps(io), cliActor, args);
        report(
          io,
          added
            ? `${account.username} added to ${group.name}.\n`
            : `${account.username} was already in ${group.name}.\n`,
          { group: group.name, username: account.username, added },
        );
      } else {
        const removed = await removeGroupMember(deps(io), cliActor, args);
        report(
          io,
          removed
            ? `${account.username} removed from ${group.name}.\n`
            : `${account.username} was not in ${group.name}.\n`,
          { group: group.name, username: account.username, removed },
        );
      }
    },
  };
}
