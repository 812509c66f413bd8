/**
 * `sesame clients …`: the client applications of the database — list, add, edit, rotate-secret,
 * remove — through the same checks and operations as the console and the admin API, the CLI as
 * their actor. The configuration's applications (the portal, the console) are not listed here:
 * they change in the configuration.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { checkApplicationInput } from '../clients/check-application-input.ts';
import {
  type ClientApplication,
  findClientApplication,
  listClientApplications,
} from '../clients/client-queries.ts';
import { editClientApplication } from '../clients/operations/edit-client-application.ts';
import { registerClientApplication } from '../clients/operations/register-client-application.ts';
import { removeClientApplication } from '../clients/operations/remove-client-application.ts';
import { rotateClientSecret } from '../clients/operations/rotate-client-secret.ts';
import { acrValues } from '../sign-in/flow.ts';
import { translatorFor } from '../ui/i18n/messages.ts';
import { type CliIo, CommandError, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { formatTable, formatUtc } from './format-output.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
  parseSubcommand,
} from './parse-command-args.ts';
import { CLIENTS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: CLIENTS_USAGE };
const english = translatorFor('en');

const URI_OPTIONS = {
  'redirect-uri': { type: 'string', multiple: true },
  'post-logout-uri': { type: 'string', multiple: true },
} as const;

const SUBCOMMANDS: Record<string, (args: string[]) => ParsedCommand> = {
  list: parseList,
  add: parseAdd,
  edit: parseEdit,
  'rotate-secret': (args) => parseOnOne(args, rotateSecret),
  remove: (args) => parseOnOne(args, remove),
};

export const CLIENTS_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function parseClientsCommand(args: string[]): ParsedCommand {
  return parseSubcommand('clients', SUBCOMMANDS, HELP, args);
}

/** An application as a script reads it (`--json`). */
function toJson(app: ClientApplication) {
  return {
    clientId: app.clientId,
    name: app.name,
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    twoFactorsRequired: app.twoFactorsRequired,
    requiredAcr: app.twoFactorsRequired ? acrValues.twoFactors : null,
    createdBy: app.createdBy,
    createdAt: formatUtc(app.createdAt),
    updatedAt: formatUtc(app.updatedAt),
    secretChangedAt: formatUtc(app.secretChangedAt),
  };
}

function parseList(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run: list };
}

async function list(io: CliIo): Promise<void> {
  const apps = await listClientApplications(io.db);
  const text = () => {
    if (apps.length === 0) return 'No applications registered in the database.\n';
    const rows = apps.map((app) => [
      app.clientId,
      app.name,
      app.twoFactorsRequired ? acrValues.twoFactors : 'as asked',
      app.redirectUris.join(' '),
      formatUtc(app.createdAt),
    ]);
    return formatTable(['CLIENT ID', 'NAME', 'ACR', 'REDIRECT URIS', 'CREATED (UTC)'], rows);
  };
  report(io, text, apps.map(toJson));
}

function parseAdd(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    ...URI_OPTIONS,
    'two-factors': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const name = onePositional(positionals, '<name>');
  const checked = checkApplicationInput({
    name,
    redirectUris: values['redirect-uri'] ?? [],
    postLogoutRedirectUris: values['post-logout-uri'] ?? [],
    twoFactorsRequired: values['two-factors'] === true,
  });
  if (!checked.ok) throw new UsageError(english(checked.problem, { uri: checked.uri }));
  return {
    kind: 'run',
    run: async (io) => {
      const made = await registerClientApplication(deps(io), cliActor, checked.input);
      await reportSecret(io, made.clientId, made.clientSecret);
    },
  };
}

function parseEdit(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: 'string' },
    ...URI_OPTIONS,
    'two-factors': { type: 'boolean' },
    'no-two-factors': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const clientId = onePositional(positionals, '<client-id>');
  if (values['two-factors'] && values['no-two-factors'])
    throw new UsageError('--two-factors and --no-two-factors together');
  const twoFactors = values['two-factors'] ? true : values['no-two-factors'] ? false : undefined;
  return {
    kind: 'run',
    run: async (io) => {
      const current = await requireApplication(io, clientId);
      // What is not given stays as it is; a list given replaces the old one.
      const checked = checkApplicationInput({
        name: values.name ?? current.name,
        redirectUris: values['redirect-uri'] ?? current.redirectUris,
        postLogoutRedirectUris: values['post-logout-uri'] ?? current.postLogoutRedirectUris,
        twoFactorsRequired: twoFactors ?? current.twoFactorsRequired,
      });
      if (!checked.ok)
        throw new CommandError(english(checked.problem, { uri: checked.uri }), 'clients.invalid');
      const input = { ...checked.input, clientId };
      if (!(await editClientApplication(deps(io), cliActor, input))) throw noSuch(clientId);
      const edited = await requireApplication(io, clientId);
      report(io, `Saved ${edited.name} (${clientId}).\n`, toJson(edited));
    },
  };
}

function parseOnOne(
  args: string[],
  run: (io: CliIo, clientId: string) => Promise<void>,
): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, HELP_OPTION);
  if (values.help) return HELP;
  const clientId = onePositional(positionals, '<client-id>');
  return { kind: 'run', run: (io) => run(io, clientId) };
}

async function rotateSecret(io: CliIo, clientId: string): Promise<void> {
  const secret = await rotateClientSecret(deps(io), cliActor, { clientId });
  if (secret === undefined) throw noSuch(clientId);
  await reportSecret(io, clientId, secret);
}

async function remove(io: CliIo, clientId: string): Promise<void> {
  if (!(await removeClientApplication(deps(io), cliActor, { clientId }))) throw noSuch(clientId);
  report(io, `Removed ${clientId}.\n`, { clientId, removed: true });
}

async function reportSecret(io: CliIo, clientId: string, secret: string) {
  const app = await requireApplication(io, clientId);
  report(
    io,
    `Application ${app.name}\nClient ID: ${clientId}\nClient secret (shown once): ${secret}\n`,
    { ...toJson(app), clientSecret: secret },
  );
}

async function requireApplication(io: CliIo, clientId: string): Promise<ClientApplication> {
  const app = await findClientApplication(io.db, clientId);
  if (app === undefined) throw noSuch(clientId);
  return app;
}

const noSuch = (clientId: string) =>
  new CommandError(`no application '${clientId}'`, 'clients.not_found');
const deps = (io: CliIo) => ({ db: io.db, now: io.now, box: io.box });
