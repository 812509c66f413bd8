/**
 * « Jetons d'API » in the console (administrators only): make a token for the admin API — named,
 * scoped, expiring, shown once — list them with their last use, and revoke one. Each is audited
 * with the administrator as its actor.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { formatWhen } from '../account/format-when.ts';
import { AppError } from '../errors.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { apiScopes, isApiScope } from './api/api-scopes.ts';
import { createApiToken, revokeApiTokenAs } from './api/api-token-operations.ts';
import { listApiTokens } from './api/api-token-queries.ts';
import { ConsoleLayout } from './console-layout.tsx';
import type { ConsoleOptions } from './console-routes.tsx';

const NewToken = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scopes: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 32 }),
      Type.Array(Type.String({ maxLength: 32 }), { maxItems: 8 }),
    ]),
  ),
  days: Type.Integer({ minimum: 1, maximum: 365 }),
});
const TokenParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export async function apiTokensRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;

  app.get('/admin/api-tokens', async (request, reply) => {
    const { t, locale } = request.page;
    const tokens = await listApiTokens(db);
    const page = (
      <ConsoleLayout {...pageBase(request)} admin={request.admin} title={t('admin.tokens.title')}>
        <h1>{t('admin.tokens.title')}</h1>
        <p>{t('admin.tokens.intro')}</p>
        <form method="post" action="/admin/api-tokens">
          <input type="hidden" name="csrf" value={request.admin.csrf} />
          <div>
            <label for="token-name">{t('admin.tokens.name')}</label>
            <input id="token-name" name="name" type="text" required maxLength={100} />
          </div>
          <fieldset class="choices">
            <legend>{t('admin.tokens.scopes')}</legend>
            {apiScopes.map((scope) => (
              <label class="checkbox" key={scope}>
                <input type="checkbox" name="scopes" value={scope} /> <code>{scope}</code>
              </label>
            ))}
          </fieldset>
          <div>
            <label for="token-days">{t('admin.tokens.days')}</label>
            <input
              id="token-days"
              name="days"
              type="number"
              min={1}
              max={365}
              value="90"
              required
            />
          </div>
          <button type="submit" class="button">
            {t('admin.tokens.create')}
          </button>
        </form>
        <h2>{t('admin.tokens.list')}</h2>
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.tokens.name')}</th>
                <th scope="col">{t('admin.tokens.scopes')}</th>
                <th scope="col">{t('admin.tokens.expires')}</th>
                <th scope="col">{t('admin.tokens.lastUsed')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.scopes}</code>
                  </td>
                  <td>{formatWhen(locale, Number(token.expires_at))}</td>
                  <td>
                    {token.last_used_at === null
                      ? t('account.neverUsed')
                      : formatWhen(locale, Number(token.last_used_at))}
                  </td>
                  <td>
                    {token.revoked_at === null ? (
                      <form method="post" action={`/admin/api-tokens/${token.id}/revoke`}>
                        <input type="hidden" name="csrf" value={request.admin.csrf} />
                        <button type="submit" class="link-button">
                          {t('admin.tokens.revoke')}
                        </button>
                      </form>
                    ) : (
                      <span class="badge locked">{t('admin.tokens.revoked')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ConsoleLayout>
    );
    return sendPage(reply, page);
  });

  app.post<{ Body: Static<typeof NewToken> }>(
    '/admin/api-tokens',
    { schema: { body: NewToken } },
    async (request, reply) => {
      const { t } = request.page;
      const asked = [request.body.scopes ?? []].flat();
      const scopes = apiScopes.filter((scope) => asked.includes(scope));
      if (scopes.length === 0 || asked.some((scope) => !isApiScope(scope)))
        throw new AppError('request.invalid');
      const { value } = await createApiToken(
        options,
        { kind: 'admin', accountId: request.admin.accountId },
        {
          name: request.body.name,
          scopes,
          days: request.body.days,
          origin: requestOrigin(request),
        },
      );
      const page = (
        <ConsoleLayout {...pageBase(request)} admin={request.admin} title={t('admin.tokens.title')}>
          <h1>{t('admin.tokens.made')}</h1>
          <p role="status">{t('admin.tokens.madeIntro', { name: request.body.name })}</p>
          <p class="secret">
            <code data-testid="api-token">{value}</code>
          </p>
          <p class="alert warning">{t('admin.tokens.shownOnce')}</p>
          <p>
            <a class="button secondary" href="/admin/api-tokens">
              {t('admin.tokens.back')}
            </a>
          </p>
        </ConsoleLayout>
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Params: Static<typeof TokenParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/api-tokens/:id/revoke',
    { schema: { params: TokenParams, body: CsrfBody } },
    async (request, reply) => {
      const revoked = await revokeApiTokenAs(
        options,
        { kind: 'admin', accountId: request.admin.accountId },
        { id: request.params.id, origin: requestOrigin(request) },
      );
      if (!revoked) throw new AppError('request.not_found');
      return reply.redirect('/admin/api-tokens', 303);
    },
  );
}
