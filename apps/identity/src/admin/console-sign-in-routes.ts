/**
 * The console's sign-in (ADR 0010): `/admin/sign-in` sends the browser to Sesame's authorization
 * endpoint as the console's client, with PKCE, a state bound to this browser and two factors
 * asked; `/admin/callback` checks the state, redeems the code at the token endpoint — in the
 * process, through Fastify's `inject`, never over the network — and goes on only if the ID token
 * says two factors. From then on the console reads the provider session, as the account's pages do.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ClientConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { consoleAcr, consolePaths } from './console-client.ts';

export interface ConsoleSignInOptions {
  client: ClientConfig;
  issuer: string;
  publicUrl: string;
  cookies: CookiePolicy;
}

const SignInQuery = Type.Object({
  return: Type.Optional(Type.String({ maxLength: 512 })),
});
const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 512 })),
  state: Type.Optional(Type.String({ maxLength: 128 })),
  error: Type.Optional(Type.String({ maxLength: 128 })),
  iss: Type.Optional(Type.String({ maxLength: 512 })),
});

const stateTtlSeconds = 600;

/** Only a console page to go back to: never another site (open redirect). */
export function consoleReturnPath(value: string | undefined): string {
  return value !== undefined && /^\/admin(\/[A-Za-z0-9/_-]*)?(\?[^#]*)?$/.test(value)
    ? value
    : consolePaths.home;
}

export async function consoleSignInRoutes(app: FastifyInstance, options: ConsoleSignInOptions) {
  const { client } = options;
  const redirectUri = `${options.publicUrl}${consolePaths.callback}`;
  // Sent back only to the callback: the state and PKCE verifier of this browser's sign-in.
  const stateCookie = options.cookies.scoped('sesame-console-sign-in', consolePaths.callback);

  app.get<{ Querystring: Static<typeof SignInQuery> }>(
    consolePaths.signIn,
    { schema: { querystring: SignInQuery } },
    async (request, reply) => {
      const state = randomBytes(24).toString('base64url');
      const verifier = randomBytes(32).toString('base64url');
      const back = consoleReturnPath(request.query.return);
      reply.setCookie(
        stateCookie.name,
        `${state}.${verifier}.${back}`,
        stateCookie.options(stateTtlSeconds),
      );
      const authorize = new URL(`${options.issuer}/auth`);
      authorize.search = new URLSearchParams({
        client_id: client.clientId,
        response_type: 'code',
        scope: 'openid profile',
        redirect_uri: redirectUri,
        state,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        acr_values: consoleAcr,
        ui_locales: request.page.locale,
      }).toString();
      return reply.redirect(authorize.toString(), 303);
    },
  );

  app.get<{ Querystring: Static<typeof CallbackQuery> }>(
    consolePaths.callback,
    { schema: { querystring: CallbackQuery } },
    async (request, reply) => {
      const [state, verifier, ...path] = (request.cookies[stateCookie.name] ?? '').split('.');
      const back = path.join('.');
      reply.clearCookie(stateCookie.name, stateCookie.options());
      const { code } = request.query;
      // RFC 6749 §10.12: the answer must be to this browser's own request.
      if (state === undefined || state === '' || request.query.state !== state || !code)
        throw new AppError('admin.sign_in_failed');
      const tokens = await app.inject({
        method: 'POST',
        url: `${new URL(options.issuer).pathname}/token`,
        headers: {
          host: new URL(options.publicUrl).host,
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
        },
        payload: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier ?? '',
        }).toString(),
      });
      if (tokens.statusCode !== 200) throw new AppError('admin.sign_in_failed');
      const idToken = String(tokens.json<{ id_token?: string }>().id_token ?? '');
      // From the provider of this very process (no network between): its claims are its own.
      const claims = JSON.parse(
        Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString() || '{}',
      ) as { acr?: string };
      // An administrator signs in with two factors, always.
      if (claims.acr !== consoleAcr) throw new AppError('admin.sign_in_failed');
      return reply.redirect(consoleReturnPath(back), 303);
    },
  );
}
