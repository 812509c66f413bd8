/**
 * Who runs a sign-in's steps (ADR 0005). The steps — enrollment, the second factor, each method's
 * pages — are the same wherever they run; what differs is their host: an OIDC interaction (the
 * application's sign-in: oidc-provider's interaction, the application's `acr_values`, the hand-over
 * to the provider) or the signed-in account's own pages (a step-up before a sensitive change: the
 * account's session, two factors always, a return to the page that asked). The step kit asks the
 * host where the request's flow lives and gives it the result; nothing else tells them apart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FlowHostKind } from '../db/database.ts';
import type { FlowResult, SignInDemands } from './flow.ts';
import type { FlowRow } from './queries.ts';

/** The host's side of the flow a request is for. */
export interface HostedFlow {
  /** The flow's id (the interaction uid, or the step-up's own). */
  id: string;
  /** Where the flow's pages live: `/interaction/<uid>` or `/account/step-up/<id>`. */
  base: string;
  demands: SignInDemands;
  /** The OIDC client signing in, for the audit (none for a step-up). */
  clientId: string | null;
  /** Origins a form may post or redirect to besides ours (the client's, after the last step). */
  formTargets: string[];
  /** The application's name, for what a push shows on the phone (none for a step-up). */
  clientName: () => Promise<string | null>;
  /** The account the flow must belong to, when the host knows it already (a step-up's session). */
  accountId?: string;
  /** Where « Recommencer » leads when the flow has expired. */
  restartUrl: string | undefined;
}

export interface StepHost {
  kind: FlowHostKind;
  /** The flow of this request as the host sees it; throws `sign_in.flow_expired` when it has gone. */
  open(request: FastifyRequest, reply: FastifyReply): Promise<HostedFlow>;
  /** Where « Recommencer » leads when not even the host could be opened. */
  restartUrl: string | undefined;
  /**
   * Nothing is left: hand over what the flow proved. Ends the flow (false when an account
   * operation ended it meanwhile: then nothing is handed over).
   */
  finish(
    request: FastifyRequest,
    reply: FastifyReply,
    hosted: HostedFlow,
    flow: FlowRow,
    result: FlowResult,
  ): Promise<FastifyReply | false>;
}
