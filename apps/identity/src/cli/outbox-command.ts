/** `sesame outbox`: the mail the development outbox kept (no SMTP configured), newest first. */
import { listOutboxMessages, type OutboxMessage } from '../mail/outbox-queries.ts';
import { type CliIo, type ParsedCommand, UsageError } from './cli-io.ts';
import { formatJson, formatUtc } from './format-output.ts';
import { HELP_OPTION, noPositionals, parseCommandArgs } from './parse-command-args.ts';
import { OUTBOX_USAGE } from './usage.ts';

const DEFAULT_LIMIT = 20;
const UNSAFE_IN_TEXT = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function parseOutboxCommand(args: string[]): ParsedCommand {
  try {
    const { values, positionals } = parseCommandArgs(args, {
      limit: { type: 'string' },
      ...HELP_OPTION,
    });
    if (values.help) return { kind: 'help', text: OUTBOX_USAGE };
    noPositionals(positionals);
    const limit = parseLimit(values.limit);
    return { kind: 'run', run: (io) => showOutbox(io, limit) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`outbox: ${error.message}`, 'sesame outbox --help');
  }
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit >= 1 && limit <= 1000))
    throw new UsageError('--limit must be a whole number from 1 to 1000');
  return limit;
}

async function showOutbox(io: CliIo, limit: number): Promise<void> {
  const messages = await listOutboxMessages(io.db, limit);
  if (io.json) {
    io.stdout(formatJson(messages.map(toJson)));
    return;
  }
  if (!io.mail.outbox)
    io.stderr('sesame: SMTP is configured (SESAME_SMTP_URL): new mail leaves through it.\n');
  if (messages.length === 0) {
    io.stdout('No mail in the outbox.\n');
    return;
  }
  io.stdout(messages.map(toText).join('\n'));
}

/** One message: its headers, then its text, each line safe for a terminal. */
function toText(message: OutboxMessage): string {
  const lines = [
    `Date:    ${formatUtc(message.created_at)}`,
    `To:      ${message.to_address}`,
    `Subject: ${message.subject}`,
    '',
    ...message.text_body.split(/\r?\n/),
  ];
  return lines.map((line) => `${line.replace(UNSAFE_IN_TEXT, '\uFFFD')}\n`).join('');
}

function toJson(message: OutboxMessage) {
  return {
    id: message.id,
    time: formatUtc(message.created_at),
    to: message.to_address,
    subject: message.subject,
    text: message.text_body,
    html: message.html_body,
  };
}
