import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { BrandingContext } from '../branding/branding-context.ts';
import { type Branding, noBranding } from '../branding/branding-settings.ts';
import { selfPath } from './self-path.ts';

/** Render a page (escaped by JSX) with the page headers: HTML, no-store (auth pages). */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${renderBranded(page, reply.request.branding ?? noBranding)}`);
}

/** A page's HTML with the organization's branding available to its layout (branding/). */
export function renderBranded(page: VNode, branding: Branding): string {
  return render(h(BrandingContext.Provider, { value: branding }, page));
}

/** Props every page needs, taken from the request's page context. */
export function pageBase(request: FastifyRequest) {
  const { locale, t, nonce } = request.page;
  return { locale, t, nonce, path: selfPath(request.url) };
}
