/**
 * Who performs an account operation: the CLI, an administrator, the account's own user, or one of
 * its devices. Every operation's audit record names it (issue 6, §3).
 */
export type Actor =
  | { kind: 'cli' }
  | { kind: 'admin'; accountId: string }
  | { kind: 'user'; accountId: string }
  | { kind: 'device'; deviceId: string };

export function describeActor(actor: Actor): string {
  switch (actor.kind) {
    case 'cli':
      return 'cli';
    case 'admin':
      return `admin:${actor.accountId}`;
    case 'user':
      return `user:${actor.accountId}`;
    case 'device':
      return `device:${actor.deviceId}`;
  }
}

export const cliActor: Actor = { kind: 'cli' };
