/**
 * The one interface every MFA method implements. A new method is a folder under `factors/` with
 * an object satisfying `Factor`, one line in `factors/index.ts`, its messages — and nothing else
 * names it: the choose page, the configuration page and the verification step read the registry.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuthenticatorKind, Database } from '../db/database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import type { SecretBox } from '../security/secret-box.ts';
import type { InteractionKit } from '../sign-in/interaction-kit.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';

export interface FactorDeps {
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  limiter: AttemptLimiter;
  now: () => number;
  /** Public base URL of the identity server (QR links, the organization address). */
  publicUrl: string;
  kit: InteractionKit;
}

export interface Factor {
  kind: AuthenticatorKind;
  /** URL segment of its enrollment pages: /interaction/:uid/enroll/<slug>. */
  slug: string;
  title: MessageKey;
  description: MessageKey;
  /** RFC 8176 methods proven when the user signs in with it (its 6-digit code: `otp`). */
  amr: readonly string[];
  /** Its enrollment pages, registered under /interaction/:uid/enroll/<slug>. */
  enrollmentRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void>;
}
