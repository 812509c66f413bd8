/**
 * The steps' host for an application's sign-in (ADR 0005): oidc-provider's interaction for this
 * request, what the application asked (`acr_values`), and the hand-over to the provider once
 * nothing is left (G-22).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { ClientConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { acrValues, type SignInDemands } from '../sign-in/flow.ts';
import { deleteFlow } from '../sign-in/queries.ts';
import type { HostedFlow, StepHost } from '../sign-in/step-host.ts';
import { preferLocales } from '../ui/page-context.ts';
import { clientRequiresTwoFactors } from './client-metadata.ts';
import { isSessionNotFound } from './session-not-found.ts';
import { queueWrites } from './write-batch.ts';

export type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * What the application asked of this sign-in (OIDC `acr_values`, `max_age`, `prompt=login`), or
 * requires of every one (`twoFactorsRequired`: oidc/client-metadata.ts).
 */
function demandsOf(details: InteractionDetails, twoFactorsRequired: boolean): SignInDemands {
  const asked = String(details.params.acr_values ?? '').split(' ');
  const prompts = String(details.params.prompt ?? '').split(' ');
  return {
    twoFactors: twoFactorsRequired || asked.includes(acrValues.twoFactors),
    // OIDC Core §3.1.2.1: a full sign-in now, whatever this browser holds (a remembered browser).
    freshSignIn: details.params.max_age !== undefined || prompts.includes('login'),
  };
}

export interface InteractionHostOptions {
  provider: Provider;
  db: Kysely<Database>;
  /** The applications, for the « start again » button of an expired page. */
  clients: readonly Pick<ClientConfig, 'clientId' | 'initiateLoginUri'>[];
}

/** Rolls a finished sign-in's result back when its flow was ended meanwhile. */
class FlowEndedMeanwhile extends Error {}

export function createInteractionHost(options: InteractionHostOptions) {
  const { provider } = options;

  /**
   * The application's own sign-in start: its `initiate_login_uri`; the only one's when the
   * request names no application.
   */
  function restartUrlOf(clientId: string | undefined): string | undefined {
    // An application of the database names no start page: the page says to go back to it.
    const client =
      options.clients.find((c) => c.clientId === clientId) ??
      (clientId === undefined && options.clients.length === 1 ? options.clients[0] : undefined);
    return client?.initiateLoginUri;
  }
  const expired = (cause?: unknown) =>
    new AppError('sign_in.flow_expired', { cause, restartUrl: restartUrlOf(undefined) });

  // Read once per request, whoever asks (the kit, then the page).
  const read = new WeakMap<FastifyRequest, InteractionDetails>();
  // The interactions whose application requires two factors, as read with them.
  const twoFactorsRequired = new WeakSet<InteractionDetails>();

  /** oidc-provider's interaction for this request, checked to be the one the URL names (G-22). */
  async function interaction(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<InteractionDetails> {
    const known = read.get(request);
    if (known !== undefined) return known;
    let details: InteractionDetails;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch (error) {
      // Missing or expired interaction cookie: the browser must start again from the application.
      // Anything else (storage down) is an internal error, not a refusal (G-38).
      if (!isSessionNotFound(error)) throw error;
      throw expired(error);
    }
    // The page and form of one interaction act on that interaction only, never on another one
    // whose cookie this browser happens to hold.
    const { uid } = request.params as { uid?: string };
    if (details.uid !== uid) throw expired();
    // The client's language preference, unless the user chose one.
    preferLocales(request, details.params.ui_locales as string | undefined);
    const client = await provider.Client.find(String(details.params.client_id));
    if (clientRequiresTwoFactors(client)) twoFactorsRequired.add(details);
    read.set(request, details);
    return details;
  }

  function hosted(details: InteractionDetails): HostedFlow {
    const clientId = String(details.params.client_id);
    const redirectUri = String(details.params.redirect_uri ?? '');
    return {
      id: details.uid,
      base: `/interaction/${details.uid}`,
      demands: demandsOf(details, twoFactorsRequired.has(details)),
      clientId,
      clientName: async () => (await provider.Client.find(clientId))?.clientName ?? clientId,
      formTargets: URL.canParse(redirectUri) ? [new URL(redirectUri).origin] : [],
      restartUrl: restartUrlOf(clientId),
    };
  }

  const host: StepHost = {
    kind: 'interaction',
    restartUrl: restartUrlOf(undefined),
    open: async (request, reply) => hosted(await interaction(request, reply)),
    async finish(request, reply, _hosted, flow, result) {
      const { accountId, amr, acr } = result;
      // The session's sign-in time is when its last factor was passed, not when the browser
      // comes back to the provider (a step-up reads it for freshness: G-23).
      const passedAt = Math.max(...flow.stepsDone.map((step) => step.at));
      const ts = Math.floor((result.secondFactorAt ?? passedAt) / 1000);
      // The interaction this request read and checked (its cookie, its URL, its session's
      // account), saved with its result as `provider.interactionResult` would, without reading
      // and checking it a second time.
      const details = await interaction(request, reply);
      details.result = { login: { accountId, amr, acr, remember: true, ts } };
      const saved = await queueWrites(options.db, () =>
        details.save(details.exp - Math.floor(Date.now() / 1000)),
      );
      // The interaction gets its result and the flow ends in one transaction. A flow ended
      // meanwhile by an account operation (lock, new password, MFA reset) is not completed.
      // The result first: on PostgreSQL its save locks the account's row, as an account
      // operation does before it ends the account's flows — in that order both, or a deadlock.
      try {
        await options.db.transaction().execute(async (trx) => {
          await saved.commit(trx);
          if (!(await deleteFlow(trx, flow.id))) throw new FlowEndedMeanwhile();
        });
      } catch (error) {
        if (error instanceof FlowEndedMeanwhile) return false;
        throw error;
      }
      return reply.redirect(details.returnTo, 303);
    },
  };

  return {
    host,
    interaction,
    hosted,
    clientName: async (details: InteractionDetails) => {
      const client = await provider.Client.find(String(details.params.client_id));
      return client?.clientName ?? String(details.params.client_id);
    },
  };
}

export type InteractionHost = ReturnType<typeof createInteractionHost>;
