/**
 * The admin API's client applications (scope `clients:manage`): list, register, read, edit,
 * renew the secret, remove — the console's « Applications » over REST, with the same checks
 * (clients/check-application-input.ts) and the same operations, the token as their actor. Those
 * of the configuration are listed and read, never changed (409).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../../account/account-session.ts';
import type { Actor } from '../../accounts/operations/actor.ts';
import { checkApplicationInput } from '../../clients/check-application-input.ts';
import { maxRedirectUris } from '../../clients/check-redirect-uris.ts';
import {
  type ClientApplication,
  type ConfiguredApplication,
  findClientApplication,
  listClientApplications,
} from '../../clients/client-queries.ts';
import { editClientApplication } from '../../clients/operations/edit-client-application.ts';
import { registerClientApplication } from '../../clients/operations/register-client-application.ts';
import { removeClientApplication } from '../../clients/operations/remove-client-application.ts';
import { rotateClientSecret } from '../../clients/operations/rotate-client-secret.ts';
import { acrValues } from '../../sign-in/flow.ts';
import { translatorFor } from '../../ui/i18n/messages.ts';
import type { ConsoleOptions } from '../console-routes.tsx';

const Uris = Type.Array(Type.String({ maxLength: 2000 }), { maxItems: maxRedirectUris });
export const ClientApp = Type.Object(
  {
    clientId: Type.String(),
    name: Type.String(),
    redirectUris: Type.Array(Type.String()),
    postLogoutRedirectUris: Type.Array(Type.String()),
    twoFactorsRequired: Type.Boolean(),
    requiredAcr: Type.Union([Type.Literal(acrValues.twoFactors), Type.Null()], {
      description: 'the acr every sign-in of this application gets; null: as it asks',
    }),
    source: Type.Union([Type.Literal('database'), Type.Literal('configuration')], {
      description: 'configuration: read only',
    }),
    createdAt: Type.Optional(Type.String({ format: 'date-time' })),
    updatedAt: Type.Optional(Type.String({ format: 'date-time' })),
    secretChangedAt: Type.Optional(Type.String({ format: 'date-time' })),
    createdBy: Type.Optional(Type.String()),
  },
  { $id: 'ClientApplication' },
);
type ClientAppType = Static<typeof ClientApp>;
const ApiError = Type.Object({ error: Type.String(), message: Type.String() });
const ClientId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  redirectUris: Uris,
  postLogoutRedirectUris: Type.Optional(Uris),
  twoFactorsRequired: Type.Optional(Type.Boolean()),
};
const NewClient = Type.Object(Fields, { additionalProperties: false });
const ClientChanges = Type.Partial(Type.Object(Fields), { additionalProperties: false });
const WithSecret = Type.Object({
  client: ClientApp,
  clientSecret: Type.String({ description: 'shown once: only its sealed form is kept' }),
});

const iso = (ms: number) => new Date(ms).toISOString();

function fromDatabase(app: ClientApplication): ClientAppType {
  return {
    clientId: app.clientId,
    name: app.name,
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    twoFactorsRequired: app.twoFactorsRequired,
    requiredAcr: app.twoFactorsRequired ? acrValues.twoFactors : null,
    source: 'database',
    createdAt: iso(app.createdAt),
    updatedAt: iso(app.updatedAt),
    secretChangedAt: iso(app.secretChangedAt),
    createdBy: app.createdBy,
  };
}

function fromConfiguration(app: ConfiguredApplication): ClientAppType {
  const twoFactors = app.twoFactorsRequired === true;
  return {
    clientId: app.clientId,
    name: app.name,
    redirectUris: [...app.redirectUris],
    postLogoutRedirectUris: [...(app.postLogoutRedirectUris ?? [])],
    twoFactorsRequired: twoFactors,
    requiredAcr: twoFactors ? acrValues.twoFactors : null,
    source: 'configuration',
  };
}

const notFound = (reply: FastifyReply) =>
  reply.status(404).send({ error: 'request.not_found', message: 'No such application.' });
const readOnly = (reply: FastifyReply) =>
  reply.status(409).send({
    error: 'clients.read_only',
    message: 'This application comes from the server’s configuration: change it there.',
  });
const english = translatorFor('en');

export async function clientsApiRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const actorOf = (request: { apiToken: { id: string } }): Actor => ({
    kind: 'api',
    tokenId: request.apiToken.id,
  });
  const configured = (id: string) => options.configuredClients.find((c) => c.clientId === id);
  const base = { config: { apiScope: 'clients:manage' as const } };
  const security = [{ bearer: [] }];

  /** The fields given, checked: the input, or the 400 already sent. */
  function checked(reply: FastifyReply, given: Static<typeof NewClient>) {
    const result = checkApplicationInput({
      ...given,
      postLogoutRedirectUris: given.postLogoutRedirectUris ?? [],
      twoFactorsRequired: given.twoFactorsRequired ?? false,
    });
    if (result.ok) return result.input;
    const message = english(result.problem, { uri: result.uri });
    void reply.status(400).send({ error: 'clients.invalid_metadata', message });
    return undefined;
  }

  app.get(
    '/admin/api/clients',
    {
      ...base,
      schema: {
        summary: 'Every application: the database’s and the configuration’s (read only)',
        security,
        response: { 200: Type.Object({ clients: Type.Array(ClientApp) }) },
      },
    },
    async () => ({
      clients: [
        ...(await listClientApplications(db)).map(fromDatabase),
        ...options.configuredClients.map(fromConfiguration),
      ],
    }),
  );

  app.post<{ Body: Static<typeof NewClient> }>(
    '/admin/api/clients',
    {
      ...base,
      schema: {
        summary: 'Register an application: its client id and secret (shown once)',
        security,
        body: NewClient,
        response: { 201: WithSecret, 400: ApiError },
      },
    },
    async (request, reply) => {
      const input = checked(reply, request.body);
      if (input === undefined) return reply;
      const made = await registerClientApplication(options, actorOf(request), {
        ...input,
        origin: requestOrigin(request),
      });
      const client = (await findClientApplication(db, made.clientId)) as ClientApplication;
      return reply
        .status(201)
        .send({ client: fromDatabase(client), clientSecret: made.clientSecret });
    },
  );

  app.get<{ Params: Static<typeof ClientId> }>(
    '/admin/api/clients/:id',
    {
      ...base,
      schema: {
        summary: 'One application',
        security,
        params: ClientId,
        response: { 200: ClientApp, 404: ApiError },
      },
    },
    async (request, reply) => {
      const stored = await findClientApplication(db, request.params.id);
      if (stored !== undefined) return fromDatabase(stored);
      const fixed = configured(request.params.id);
      return fixed === undefined ? notFound(reply) : fromConfiguration(fixed);
    },
  );

  for (const method of ['PATCH', 'PUT'] as const)
    app.route<{ Params: Static<typeof ClientId>; Body: Static<typeof ClientChanges> }>({
      method,
      url: '/admin/api/clients/:id',
      ...base,
      schema: {
        summary:
          method === 'PUT'
            ? 'Replace an application’s name, URIs and two-factor requirement'
            : 'Change some of an application’s name, URIs and two-factor requirement',
        security,
        params: ClientId,
        body: method === 'PUT' ? NewClient : ClientChanges,
        response: { 200: ClientApp, 400: ApiError, 404: ApiError, 409: ApiError },
      },
      handler: async (request, reply) => {
        if (configured(request.params.id) !== undefined) return readOnly(reply);
        const current = await findClientApplication(db, request.params.id);
        if (current === undefined) return notFound(reply);
        // PUT: what is not given is back to its default.
        const kept =
          method === 'PUT' ? { postLogoutRedirectUris: [], twoFactorsRequired: false } : current;
        const input = checked(reply, { ...current, ...kept, ...request.body });
        if (input === undefined) return reply;
        const edited = await editClientApplication(options, actorOf(request), {
          ...input,
          clientId: current.clientId,
          origin: requestOrigin(request),
        });
        if (!edited) return notFound(reply);
        return fromDatabase(
          (await findClientApplication(db, current.clientId)) as ClientApplication,
        );
      },
    });

  app.post<{ Params: Static<typeof ClientId> }>(
    '/admin/api/clients/:id/secret',
    {
      ...base,
      schema: {
        summary: 'Renew the secret: the new one (shown once); the old one stops working at once',
        security,
        params: ClientId,
        response: { 200: WithSecret, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      if (configured(request.params.id) !== undefined) return readOnly(reply);
      const secret = await rotateClientSecret(options, actorOf(request), {
        clientId: request.params.id,
        origin: requestOrigin(request),
      });
      const client = await findClientApplication(db, request.params.id);
      if (secret === undefined || client === undefined) return notFound(reply);
      return { client: fromDatabase(client), clientSecret: secret };
    },
  );

  app.delete<{ Params: Static<typeof ClientId> }>(
    '/admin/api/clients/:id',
    {
      ...base,
      schema: {
        summary: 'Remove an application: its sign-ins and tokens are refused from now on',
        security,
        params: ClientId,
        response: { 204: Type.Null(), 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      if (configured(request.params.id) !== undefined) return readOnly(reply);
      const removed = await removeClientApplication(options, actorOf(request), {
        clientId: request.params.id,
        origin: requestOrigin(request),
      });
      return removed ? reply.status(204).send() : notFound(reply);
    },
  );
}
