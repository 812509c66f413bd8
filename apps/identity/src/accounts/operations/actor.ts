/**
 * Who performs an account operation: the CLI, an administrator, the account's own user, one of
 * its devices, or an admin API token. Every operation's audit record names it (issue 6, §3).
 */
export type Actor =
  | { kind: 'cli' }
  | { kind: 'admin'; accountId: string }
  | { kind: 'user'; accountId: string }
  | { kind: 'device'; deviceId: string }
  /** An admin API token (admin/api/), made by an administrator in the console. */
  | { kind: 'api'; tokenId: string };

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
    case 'api':
      return `api:${actor.tokenId}`;
  }
}

export const cliActor: Actor = { kind: 'cli' };
