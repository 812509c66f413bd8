/**
 * « Ajouter un bénéficiaire » with the client's approval in Sesame Verify (issue 7 §3): the form
 * asks the identity server by CIBA (poll mode, the portal's own client credentials, the session's
 * ID token as `id_token_hint`, a binding message); the waiting page shows the number the client
 * types on the phone; its status check polls the token endpoint, at most once per interval. The
 * payee is added only when tokens come back for this session's account.
 */
import { backchannelNumber } from '@sesame/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PortalConfig } from '../config.ts';
import { format, messagesFor } from '../i18n/language.ts';
import type { PortalOidcClient } from '../oidc-client.ts';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import {
  APPROVAL_PATH,
  APPROVAL_STATUS_PATH,
  PayeeApprovalPage,
} from '../pages/payee-approval-page.tsx';
import { normalizePayeeName, type PayeeBook } from '../payees.ts';
import { languageOf, sendErrorPage, sendPage, sessionOf } from '../request-context.ts';
import {
  isValidCsrfToken,
  type PayeeApproval,
  type PortalSession,
  type SessionStore,
  type SignedInUser,
} from '../session-store.ts';

export interface PayeeRoutesOptions {
  config: PortalConfig;
  sessions: SessionStore;
  oidc: PortalOidcClient;
  payees: PayeeBook;
  now: () => number;
}

type SignedInSession = PortalSession & { user: SignedInUser };

/** CIBA Core §11: after slow_down, every later poll waits this much longer. */
const SLOW_DOWN_STEP_SECONDS = 5;

export const payeeRoutes: FastifyPluginAsync<PayeeRoutesOptions> = async (app, options) => {
  const { config, sessions, oidc, payees, now } = options;

  /** The signed-in session whose CSRF token the form carried (G-29), or a 403 page. */
  const checkedSession = (request: FastifyRequest): SignedInSession | undefined => {
    const session = sessionOf(request, sessions);
    const submitted = (request.body as Record<string, unknown> | undefined)?.csrf;
    if (session?.user === undefined || !isValidCsrfToken(session, submitted)) return undefined;
    return session as SignedInSession;
  };

  app.post('/payees', async (request, reply) => {
    const session = checkedSession(request);
    if (session === undefined) return sendErrorPage(request, reply, 403, 'sessionExpired');
    const lang = languageOf(request);
    const typed = (request.body as Record<string, unknown>).name;
    const payeeName = normalizePayeeName(typed);
    if (payeeName === undefined) {
      const page = DashboardPage({
        lang,
        user: session.user,
        csrfToken: session.csrfToken,
        accountUrl: config.accountUrl,
        nowMs: now(),
        payees: payees.list(session.user.sub),
        rejectedPayeeName: typeof typed === 'string' ? typed.slice(0, 200) : '',
      });
      return sendPage(reply, page, 400);
    }
    const bindingMessage = format(messagesFor(lang).payees.bindingMessage, { name: payeeName });
    let asked: Awaited<ReturnType<PortalOidcClient['requestApproval']>>;
    try {
      asked = await oidc.requestApproval(session.user.idToken, bindingMessage);
    } catch (error) {
      request.log.warn({ err: error }, 'CIBA request refused or failed');
      return sendErrorPage(request, reply, 502, 'approvalUnavailable');
    }
    const at = now();
    // A new request replaces any earlier one of this session: only the newest can add a payee.
    session.payeeApproval = {
      payeeName,
      bindingMessage,
      authReqId: asked.authReqId,
      number: await backchannelNumber(asked.authReqId),
      expiresAtMs: at + asked.expiresInSeconds * 1000,
      intervalSeconds: asked.intervalSeconds,
      nextPollAtMs: at + asked.intervalSeconds * 1000,
    };
    return reply.redirect(APPROVAL_PATH, 303);
  });

  app.get(APPROVAL_PATH, async (request, reply) => {
    const session = sessionOf(request, sessions);
    if (session?.user === undefined) return reply.redirect('/', 302);
    const approval = session.payeeApproval;
    if (approval === undefined) return reply.redirect('/dashboard', 302);
    const lang = languageOf(request);
    return sendPage(reply, PayeeApprovalPage({ lang, approval, csrfToken: session.csrfToken }));
  });

  app.post(APPROVAL_STATUS_PATH, async (request, reply) => {
    const json = (request.headers.accept ?? '').includes('application/json');
    const session = checkedSession(request);
    if (session === undefined) {
      if (json) return reply.code(403).send({ status: 'forbidden' });
      return sendErrorPage(request, reply, 403, 'sessionExpired');
    }
    const approval = session.payeeApproval;
    const status = approval === undefined ? 'none' : await settle(request, session, approval);
    const location =
      status === 'pending' ? undefined : status === 'over' ? APPROVAL_PATH : '/dashboard';
    if (json) return reply.send(location === undefined ? { status } : { status, location });
    return reply.redirect(location ?? APPROVAL_PATH, 303);
  });

  /** One step of the request: poll when due, add the payee on this account's tokens. */
  async function settle(
    request: FastifyRequest,
    session: SignedInSession,
    approval: PayeeApproval,
  ): Promise<'pending' | 'approved' | 'over'> {
    if (approval.outcome !== undefined) return 'over';
    const at = now();
    // Past its lifetime the issuer can only say expired_token: no need to ask.
    if (at >= approval.expiresAtMs) return end(approval, 'expired');
    // The issuer's interval between two token requests (CIBA Core §7.3).
    if (at < approval.nextPollAtMs) return 'pending';
    approval.nextPollAtMs = at + approval.intervalSeconds * 1000;
    let poll: Awaited<ReturnType<PortalOidcClient['pollApproval']>>;
    try {
      poll = await oidc.pollApproval(approval.authReqId);
    } catch (error) {
      request.log.warn({ err: error }, 'CIBA token request failed');
      return end(approval, 'failed');
    }
    if (poll.status === 'pending') return 'pending';
    if (poll.status === 'slow_down') {
      approval.intervalSeconds += SLOW_DOWN_STEP_SECONDS;
      approval.nextPollAtMs = at + approval.intervalSeconds * 1000;
      return 'pending';
    }
    if (poll.status !== 'approved') return end(approval, poll.status);
    // Tokens for another account than this session's approve nothing here.
    if (poll.sub !== session.user.sub) return end(approval, 'failed');
    payees.add(session.user.sub, { name: approval.payeeName, addedAtMs: at });
    session.payeeApproval = undefined;
    session.addedPayee = approval.payeeName;
    return 'approved';
  }
};

function end(approval: PayeeApproval, outcome: NonNullable<PayeeApproval['outcome']>): 'over' {
  approval.outcome = outcome;
  return 'over';
}
