/**
 * Make the account's codes and answer with the page that shows them, once: shared by the
 * enrollment's offer and the security page's regeneration.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Argon2Params } from '../../accounts/password-hasher.ts';
import { findAccountById } from '../../accounts/queries.ts';
import type { Database } from '../../db/database.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import { generateRecoveryCodeSet } from './generate-recovery-code-set.ts';
import { RecoveryCodesShownPage } from './recovery-codes-pages.tsx';

export async function showNewRecoveryCodes(
  deps: { db: Kysely<Database>; now: () => number; argon2: Argon2Params },
  request: FastifyRequest,
  reply: FastifyReply,
  args: { accountId: string; flowId: string | null; continueHref: string },
): Promise<FastifyReply> {
  const { t } = request.page;
  const { codes } = await generateRecoveryCodeSet(
    deps,
    { kind: 'user', accountId: args.accountId },
    {
      accountId: args.accountId,
      flowId: args.flowId,
      label: t('factor.recoveryCodes.title'),
      origin: {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      },
    },
  );
  const account = await findAccountById(deps.db, args.accountId);
  // Shown once: never cached by the browser or anything between.
  reply.header('cache-control', 'no-store');
  const page = (
    <RecoveryCodesShownPage
      {...pageBase(request)}
      codes={codes}
      username={account?.username ?? ''}
      continueHref={args.continueHref}
    />
  );
  return sendPage(reply, page);
}
