/**
 * The pages: home (visitors), dashboard (signed-in clients), the static assets (stylesheet, the
 * approval page's script) and the health check.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { PortalConfig } from '../config.ts';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { APPROVAL_SCRIPT_PATH } from '../pages/payee-approval-page.tsx';
import type { PayeeBook } from '../payees.ts';
import { languageOf, sendPage, sessionOf } from '../request-context.ts';
import type { SessionStore } from '../session-store.ts';

export interface PageRoutesOptions {
  config: PortalConfig;
  sessions: SessionStore;
  now: () => number;
  payees: PayeeBook;
}

const ASSETS: Record<string, { file: URL; type: string }> = {
  '/assets/portal.css': {
    file: new URL('../../public/portal.css', import.meta.url),
    type: 'text/css; charset=utf-8',
  },
  [APPROVAL_SCRIPT_PATH]: {
    file: new URL('../../public/payee-approval.js', import.meta.url),
    type: 'text/javascript; charset=utf-8',
  },
};

export const pageRoutes: FastifyPluginAsync<PageRoutesOptions> = async (app, options) => {
  const { config, sessions, now, payees } = options;

  app.get('/', async (request, reply) => {
    if (sessionOf(request, sessions)?.user !== undefined) return reply.redirect('/dashboard', 302);
    return sendPage(reply, HomePage({ lang: languageOf(request) }));
  });

  app.get('/dashboard', async (request, reply) => {
    const session = sessionOf(request, sessions);
    if (session?.user === undefined) return reply.redirect('/', 302);
    // The confirmation of a payee just added shows once.
    const addedPayee = session.addedPayee;
    session.addedPayee = undefined;
    const page = DashboardPage({
      lang: languageOf(request),
      user: session.user,
      csrfToken: session.csrfToken,
      accountUrl: config.accountUrl,
      nowMs: now(),
      payees: payees.list(session.user.sub),
      addedPayee,
    });
    return sendPage(reply, page);
  });

  for (const [path, asset] of Object.entries(ASSETS)) {
    let content: Promise<string> | undefined;
    app.get(path, async (_request, reply) => {
      // Read once, on first use; a failed read is retried at the next request.
      content ??= readFile(asset.file, 'utf8').catch((error: unknown) => {
        content = undefined;
        throw error;
      });
      const body = await content;
      return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(body);
    });
  }

  app.get('/healthz', async (_request, reply) => reply.send({ status: 'ok' }));
};
