import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { selfPath } from './self-path.ts';

/** Render a page (escaped by JSX) with the page headers: HTML, no-store (auth pages). */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${render(page)}`);
}

/** Props every page needs, taken from the request's page context. */
export function pageBase(request: FastifyRequest) {
  const { locale, t, nonce } = request.page;
  return { locale, t, nonce, path: selfPath(request.url) };
}
