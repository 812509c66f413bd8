/**
 * What a method has to say once its verification passed (three recovery codes left or fewer):
 * the step is recorded and the flow's token renewed as `completeStep` would, then a page says it
 * with « Continuer » to the flow's own page, which goes on where the flow now is (the
 * application, or the page a step-up was for). The plan is re-read there, as at every step.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FactorDeps } from '../factors/factor.ts';
import { Layout } from '../ui/layout.tsx';
import { pageBase, sendPage } from '../ui/render-page.ts';
import {
  type AdvancedStep,
  type FlowContext,
  flowTtlSeconds,
  type PassedStepInput,
} from './step-kit.ts';

export async function sendPassedNotice(
  { kit, db }: Pick<FactorDeps, 'kit' | 'db'>,
  request: FastifyRequest,
  reply: FastifyReply,
  args: {
    context: FlowContext;
    passed: PassedStepInput;
    advanced: AdvancedStep | undefined;
    notice: string;
  },
): Promise<FastifyReply> {
  const { context } = args;
  const step = args.advanced ?? (await kit.advance(db, context, args.passed));
  // Ended meanwhile by an account operation, or passed by a parallel request: not this one's.
  if (!step.advanced) throw kit.expired(context.hosted);
  const cookie = kit.flowCookie(context.hosted.base);
  reply.setCookie(cookie.name, step.newToken, cookie.options(flowTtlSeconds));
  const { t } = request.page;
  const page = (
    <Layout {...pageBase(request)} title={t('verify.passed.title')}>
      <h1>{t('verify.passed.title')}</h1>
      <p class="alert warning" role="status">
        {args.notice}
      </p>
      <p>
        <a class="button" href={context.base}>
          {t('verify.passed.continue')}
        </a>
      </p>
    </Layout>
  );
  return sendPage(reply, page);
}
