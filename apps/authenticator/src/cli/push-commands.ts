/**
 * `sesame-verify pending | approve <id> --number N | deny <id>`: push approval on the command
 * line, on the same core as the PWA. A request names its account by its id: without --account,
 * the accounts are asked for their pending requests until one holds it.
 */
import type { PushRequest } from '@sesame/contracts';
import type { AccountStore, StoredAccount } from '../core/account-store.ts';
import { answerPushRequest, fetchPushRequests } from '../core/push-requests.ts';
import type { Command, VerifyCliIo } from './run-verify-cli.ts';

export interface PushCommandHelpers {
  findOne: (store: AccountStore, query: string) => Promise<StoredAccount>;
  parse: (
    args: string[],
    options: Record<string, { type: 'string' } | { type: 'boolean' }>,
  ) => { values: Record<string, string | boolean | undefined>; positionals: string[] };
  fail: (message: string) => Error;
  usage: (message: string) => Error;
}

export function pushCommands(helpers: PushCommandHelpers): Record<string, Command> {
  const accountsOf = async (io: VerifyCliIo, query: string | undefined) => {
    if (query !== undefined) return [await helpers.findOne(io.store, query)];
    const accounts = await io.store.list();
    if (accounts.length === 0) throw helpers.fail('no account yet: sesame-verify add <link>');
    return accounts;
  };
  /** The account whose device the request is for, and the request. */
  const findRequest = async (io: VerifyCliIo, id: string, query: string | undefined) => {
    for (const account of await accountsOf(io, query)) {
      const requests = await fetchPushRequests({ fetch: io.fetch, account, nowMs: io.now() });
      const request = requests.find((candidate) => candidate.id === id);
      if (request) return { account, request };
    }
    throw helpers.fail(`no pending request ${id} (sesame-verify pending)`);
  };

  const pending: Command = async (args, io) => {
    const { positionals } = helpers.parse(args, {});
    if (positionals.length > 1) throw helpers.usage('pending takes at most one account');
    let count = 0;
    for (const account of await accountsOf(io, positionals[0])) {
      const requests = await fetchPushRequests({ fetch: io.fetch, account, nowMs: io.now() });
      for (const request of requests) io.stdout(describeRequest(request, account, io.now()));
      count += requests.length;
    }
    if (count === 0) io.stderr('No request waiting.');
  };

  const answer = async (
    io: VerifyCliIo,
    id: string,
    account: string | boolean | undefined,
    decision: 'approve' | 'deny',
    number?: string,
  ) => {
    const found = await findRequest(io, id, typeof account === 'string' ? account : undefined);
    await answerPushRequest({
      fetch: io.fetch,
      account: found.account,
      nowMs: io.now(),
      requestId: id,
      decision,
      ...(number === undefined ? {} : { number }),
    });
    return found.request;
  };

  const approve: Command = async (args, io) => {
    const { values, positionals } = helpers.parse(args, {
      number: { type: 'string' },
      account: { type: 'string' },
    });
    const [id] = positionals;
    if (positionals.length !== 1 || !id) throw helpers.usage('approve takes one request id');
    if (typeof values.number !== 'string' || values.number.trim() === '')
      throw helpers.usage('approve needs --number, the number shown on the computer');
    const request = await answer(io, id, values.account, 'approve', values.number);
    io.stdout(`Approved: ${request.application}. The computer continues by itself.`);
  };

  const deny: Command = async (args, io) => {
    const { values, positionals } = helpers.parse(args, { account: { type: 'string' } });
    const [id] = positionals;
    if (positionals.length !== 1 || !id) throw helpers.usage('deny takes one request id');
    const request = await answer(io, id, values.account, 'deny');
    io.stdout(`Denied: ${request.application}. That sign-in was stopped and reported.`);
  };

  return { pending, approve, deny };
}

function describeRequest(request: PushRequest, account: StoredAccount, nowMs: number): string {
  const from = [request.browser, request.system].filter(Boolean).join(' on ') || 'unknown browser';
  const at = new Date(request.createdAt).toISOString().replace('T', ' ').slice(0, 19);
  const left = Math.max(0, Math.round((request.expiresAt - nowMs) / 1000));
  const how =
    request.mode === 'pick-3'
      ? `pick the number on the computer: ${request.choices?.join(', ') ?? ''}`
      : `type the ${request.mode === 'typed-6' ? '6' : '2'}-digit number on the computer`;
  return `${request.id}  ${request.application} (${account.username})  ${from}  from ${request.ip}${request.place ? ` (${request.place.en})` : ''}  at ${at} UTC  ${left} s left  ${how}`;
}
