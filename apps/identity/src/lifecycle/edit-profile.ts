/**
 * Change an account's name and address, as the console, the admin API, SCIM and the CLI do: the
 * address first (refused, it leaves the name unchanged too), then the name if it differs, then
 * the new address's link (`mailNewAddress`). A field left undefined stays as it is; an email of
 * null (or blank) removes the address.
 */
import type { Actor } from '../accounts/operations/actor.ts';
import { type ChangeEmailResult, changeEmail } from '../accounts/operations/change-email.ts';
import type { OperationDeps, OperationOrigin } from '../accounts/operations/operation-deps.ts';
import { renameAccount } from '../accounts/operations/rename-account.ts';
import type { EmailMailDeps } from '../mail/email-verification.ts';
import { mailNewAddress } from './mail-new-address.ts';

export type EditProfileResult =
  | { ok: true; emailChanged: boolean; mailed: boolean }
  | Extract<ChangeEmailResult, { ok: false }>;

export async function editProfile(
  deps: OperationDeps & EmailMailDeps,
  actor: Actor,
  args: {
    accountId: string;
    /** The name it has now: an unchanged name is not renamed (nor audited). */
    currentName: string;
    name?: string | undefined;
    email?: string | null | undefined;
    origin?: OperationOrigin;
  },
): Promise<EditProfileResult> {
  const { accountId, origin } = args;
  const email =
    args.email === undefined
      ? undefined
      : await changeEmail(deps, actor, { accountId, email: args.email, origin });
  if (email !== undefined && !email.ok) return email;
  if (args.name !== undefined && args.name !== args.currentName)
    await renameAccount(deps, actor, { accountId, name: args.name, origin });
  const emailChanged = email?.changed === true;
  const mailed =
    emailChanged && args.email?.trim()
      ? await mailNewAddress(deps, actor, { accountId, origin })
      : false;
  return { ok: true, emailChanged, mailed };
}
