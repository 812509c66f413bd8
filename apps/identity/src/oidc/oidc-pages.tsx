/**
 * oidc-provider's own pages (errors, sign-out confirmation, signed out) in Sesame's look and
 * language. They run inside oidc-provider's Koa context, so they take the raw request.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { VNode } from 'preact';
import { brandingOf } from '../branding/branding-plugin.ts';
import { contentSecurityPolicy, nonceOf } from '../security/security-headers.ts';
import { isLocale, pickLocale, translatorFor } from '../ui/i18n/messages.ts';
import { Layout } from '../ui/layout.tsx';
import { languageCookie } from '../ui/page-context.ts';
import { renderBranded } from '../ui/render-page.ts';
import { isOwnSignOut } from './own-sign-out.ts';

function pageKit(ctx: KoaContextWithOIDC) {
  const cookie = ctx.cookies.get(languageCookie);
  const uiLocales = (ctx.oidc?.params?.ui_locales as string | undefined) ?? undefined;
  const locale = isLocale(cookie) ? cookie : pickLocale(uiLocales, ctx.get('accept-language'));
  return { locale, t: translatorFor(locale), nonce: nonceOf(ctx.req), path: ctx.path };
}

/** The page with the organization's branding, read for this request (branding/). */
function renderIn(ctx: KoaContextWithOIDC, page: VNode): string {
  return renderBranded(page, brandingOf(ctx.req));
}

function send(ctx: KoaContextWithOIDC, html: string): void {
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = `<!doctype html>${html}`;
}

export async function renderError(ctx: KoaContextWithOIDC, out: { error: string }): Promise<void> {
  const kit = pageKit(ctx);
  // Only the protocol error code is shown, never a description that might carry details.
  send(
    ctx,
    renderIn(
      ctx,
      <Layout {...kit} title={kit.t('errors.title')}>
        <h1>{kit.t('errors.title')}</h1>
        <p class="alert error" role="alert">
          {kit.t('errors.oidc')}
        </p>
        <p class="muted">
          <code>{out.error}</code>
        </p>
      </Layout>,
    ),
  );
}

export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const kit = pageKit(ctx);
  const origins = (ctx.oidc.client?.postLogoutRedirectUris ?? []).map((uri) => new URL(uri).origin);
  ctx.set('content-security-policy', contentSecurityPolicy(kit.nonce, origins));
  const { session } = ctx.oidc;
  const own = isOwnSignOut(ctx.oidc.entities.IdTokenHint?.payload, {
    accountId: session?.accountId,
    loginTs: session?.loginTs,
    clientIds: Object.keys(session?.authorizations ?? {}),
  });
  send(
    ctx,
    renderIn(
      ctx,
      <Layout {...kit} title={kit.t('signOut.title')}>
        <h1>{kit.t('signOut.title')}</h1>
        <p>{kit.t('signOut.question')}</p>
        {/* oidc-provider's form: its action and anti-CSRF field, nothing user-supplied. */}
        <div dangerouslySetInnerHTML={{ __html: form }} />
        <button
          id="sign-out"
          class="button"
          type="submit"
          form="op.logoutForm"
          name="logout"
          value="yes"
          autofocus
        >
          {kit.t('signOut.submit')}
        </button>
        {own ? (
          // G-43: this session's own client asked with this sign-in's ID token: no need to ask.
          // Any other hint, or none, waits for the person's click.
          <script
            nonce={kit.nonce}
            dangerouslySetInnerHTML={{ __html: "document.getElementById('sign-out').click();" }}
          />
        ) : null}
      </Layout>,
    ),
  );
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const kit = pageKit(ctx);
  send(
    ctx,
    renderIn(
      ctx,
      <Layout {...kit} title={kit.t('signOut.done')}>
        <h1>{kit.t('signOut.done')}</h1>
        <p>{kit.t('signOut.doneDetail')}</p>
      </Layout>,
    ),
  );
}
