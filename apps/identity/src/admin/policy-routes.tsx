/**
 * « Politique MFA » in the console (administrators only): the page, and its form saved as one
 * policy operation with the administrator as its actor (accounts/operations/set-mfa-policy.ts).
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { setMfaPolicy } from '../accounts/operations/set-mfa-policy.ts';
import { AppError } from '../errors.ts';
import { factors } from '../factors/index.ts';
import { listGroups } from '../policy/groups-queries.ts';
import {
  type MethodRule,
  type MfaAppliesTo,
  methodRules,
  mfaAppliesTo,
  readMfaPolicy,
} from '../policy/mfa-policy-settings.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import type { ConsoleOptions } from './console-routes.tsx';
import { PolicyPage } from './policy-page.tsx';

const field = Type.String({ maxLength: 64 });
/** The form: `appliesTo`, `groups` (checkboxes), `graceDays`, and one `method:<kind>` per method. */
const PolicyBody = Type.Record(
  Type.String({ maxLength: 80 }),
  Type.Union([field, Type.Array(field, { maxItems: 500 })]),
  {
    maxProperties: 40,
  },
);
const PolicyQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 8 })) });

const methodPrefix = 'method:';

export async function policyRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;

  app.get<{ Querystring: Static<typeof PolicyQuery> }>(
    '/admin/policy',
    { schema: { querystring: PolicyQuery } },
    async (request, reply) => {
      const [policy, groups] = await Promise.all([readMfaPolicy(db), listGroups(db)]);
      const page = (
        <PolicyPage
          {...pageBase(request)}
          admin={request.admin}
          policy={policy}
          groups={groups}
          methods={factors}
          saved={request.query.saved !== undefined}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Body: Static<typeof PolicyBody> }>(
    '/admin/policy',
    { schema: { body: PolicyBody } },
    async (request, reply) => {
      const body = request.body;
      const one = (name: string) => {
        const value = body[name];
        if (typeof value !== 'string') throw new AppError('request.invalid');
        return value;
      };
      const appliesTo = one('appliesTo');
      if (!(mfaAppliesTo as readonly string[]).includes(appliesTo))
        throw new AppError('request.invalid');
      const graceDays = Number(one('graceDays'));
      const methods: Record<string, MethodRule> = {};
      for (const [name, value] of Object.entries(body)) {
        if (!name.startsWith(methodPrefix)) continue;
        if (typeof value !== 'string' || !(methodRules as readonly string[]).includes(value))
          throw new AppError('request.invalid');
        methods[name.slice(methodPrefix.length)] = value as MethodRule;
      }
      await setMfaPolicy(
        options,
        { kind: 'admin', accountId: request.admin.accountId },
        {
          change: {
            appliesTo: appliesTo as MfaAppliesTo,
            groups: [body.groups ?? []].flat(),
            methods,
            graceDays,
          },
          origin: requestOrigin(request),
        },
      );
      return reply.redirect('/admin/policy?saved=1', 303);
    },
  );
}
