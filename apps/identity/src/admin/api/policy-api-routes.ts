/**
 * The admin API's MFA policy (`policy:manage`): read it, and change any of its parts — for whom,
 * the groups chosen, each method's rule, the grace — as one policy operation with the token as
 * actor (accounts/operations/set-mfa-policy.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../../account/account-session.ts';
import { setMfaPolicy } from '../../accounts/operations/set-mfa-policy.ts';
import type { Database } from '../../db/database.ts';
import { factors } from '../../factors/index.ts';
import { listGroups } from '../../policy/groups-queries.ts';
import {
  maxGraceDays,
  methodRules,
  mfaAppliesTo,
  readMfaPolicy,
} from '../../policy/mfa-policy-settings.ts';
import type { ConsoleOptions } from '../console-routes.tsx';
import { ApiError } from './users-api-routes.ts';

const AppliesTo = Type.Union([
  Type.Literal(mfaAppliesTo[0]),
  Type.Literal(mfaAppliesTo[1]),
  Type.Literal(mfaAppliesTo[2]),
]);
const Rule = Type.Union([
  Type.Literal(methodRules[0]),
  Type.Literal(methodRules[1]),
  Type.Literal(methodRules[2]),
]);
const Policy = Type.Object(
  {
    appliesTo: AppliesTo,
    groups: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), {
      description: 'the groups whose members must use MFA, when appliesTo is "groups"',
    }),
    methods: Type.Array(Type.Object({ method: Type.String(), rule: Rule })),
    graceDays: Type.Integer({ minimum: 0, maximum: maxGraceDays }),
  },
  { $id: 'MfaPolicy' },
);
const PolicyChange = Type.Object(
  {
    appliesTo: Type.Optional(AppliesTo),
    groups: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 500,
        description: 'group ids or names: exactly these are chosen',
      }),
    ),
    methods: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Rule, {
        maxProperties: 32,
        description: 'rules by method; a method not named keeps its rule',
      }),
    ),
    graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: maxGraceDays })),
  },
  { additionalProperties: false },
);

async function currentPolicy(db: Kysely<Database>): Promise<Static<typeof Policy>> {
  const [policy, groups] = await Promise.all([readMfaPolicy(db), listGroups(db)]);
  return {
    appliesTo: policy.appliesTo,
    groups: groups.filter((g) => g.requiresMfa).map((g) => ({ id: g.id, name: g.name })),
    methods: factors.map((f) => ({ method: f.kind, rule: policy.methods[f.kind] ?? 'optional' })),
    graceDays: policy.graceDays,
  };
}

export async function policyApiRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const config = { apiScope: 'policy:manage' as const };
  const security = [{ bearer: [] }];

  app.get(
    '/admin/api/policy',
    { config, schema: { summary: 'The MFA policy', security, response: { 200: Policy } } },
    async () => currentPolicy(db),
  );

  app.put<{ Body: Static<typeof PolicyChange> }>(
    '/admin/api/policy',
    {
      config,
      schema: {
        summary: 'Change the MFA policy (the parts given)',
        security,
        body: PolicyChange,
        response: { 200: Policy, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      await setMfaPolicy(
        options,
        { kind: 'api', tokenId: request.apiToken.id },
        { change: request.body, origin: requestOrigin(request) },
      );
      return currentPolicy(db);
    },
  );
}
