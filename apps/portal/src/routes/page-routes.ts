/** The pages: home (visitors), dashboard (signed-in clients), the stylesheet and the health check. */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { PortalConfig } from '../config.ts';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { languageOf, sendPage, sessionOf } from '../request-context.ts';
import type { SessionStore } from '../session-store.ts';

export interface PageRoutesOptions {
  config: PortalConfig;
  sessions: SessionStore;
  now: () => number;
}

const STYLESHEET_URL = new URL('../../public/portal.css', import.meta.url);

export const pageRoutes: FastifyPluginAsync<PageRoutesOptions> = async (app, options) => {
  const { config, sessions, now } = options;
  let stylesheet: Promise<string> | undefined;

  app.get('/', async (request, reply) => {
    if (sessionOf(request, sessions)?.user !== undefined) return reply.redirect('/dashboard', 302);
    return sendPage(reply, HomePage({ lang: languageOf(request) }));
  });

  app.get('/dashboard', async (request, reply) => {
    const session = sessionOf(request, sessions);
    if (session?.user === undefined) return reply.redirect('/', 302);
    const page = DashboardPage({
      lang: languageOf(request),
      user: session.user,
      csrfToken: session.csrfToken,
      accountUrl: config.accountUrl,
      nowMs: now(),
    });
    return sendPage(reply, page);
  });

  app.get('/assets/portal.css', async (_request, reply) => {
    // Read once, on first use; a failed read is retried at the next request.
    stylesheet ??= readFile(STYLESHEET_URL, 'utf8').catch((error: unknown) => {
      stylesheet = undefined;
      throw error;
    });
    const css = await stylesheet;
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(css);
  });

  app.get('/healthz', async (_request, reply) => reply.send({ status: 'ok' }));
};
