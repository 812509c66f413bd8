import type { FastifyInstance } from 'fastify';
import { Layout } from './layout.tsx';
import { pageBase, sendPage } from './render-page.ts';

/**
 * The target of the Espace client's « Sécurité » link. The self-service security settings
 * (authenticators, devices, recent sign-ins) come with the MFA issues; for now it says so.
 */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  app.get('/account', async (request, reply) => {
    const { t } = request.page;
    return sendPage(
      reply,
      <Layout {...pageBase(request)} title={t('account.title')}>
        <h1>{t('account.title')}</h1>
        <p>{t('account.comingSoon')}</p>
      </Layout>,
    );
  });
}
