/**
 * « Applications » in the console (administrators only: the gate's default): register an
 * OpenID Connect application, edit its redirect URIs, name and two-factor requirement, renew its
 * secret, remove it. Each change is a client operation (clients/operations/) with the
 * administrator as its actor; the URIs are checked here, at the edge (check-redirect-uris.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import { checkApplicationInput } from '../clients/check-application-input.ts';
import { splitLines } from '../clients/check-redirect-uris.ts';
import {
  type ClientApplication,
  type ClientApplicationInput,
  findClientApplication,
  listClientApplications,
} from '../clients/client-queries.ts';
import { editClientApplication } from '../clients/operations/edit-client-application.ts';
import { registerClientApplication } from '../clients/operations/register-client-application.ts';
import { removeClientApplication } from '../clients/operations/remove-client-application.ts';
import { rotateClientSecret } from '../clients/operations/rotate-client-secret.ts';
import { AppError } from '../errors.ts';
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import {
  type ApplicationForm,
  ApplicationFormPage,
  ApplicationSecretPage,
  ApplicationsPage,
} from './applications-pages.tsx';
import type { ConsoleOptions } from './console-routes.tsx';

const FormBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  name: Type.String({ maxLength: 100 }),
  redirectUris: Type.String({ maxLength: 25_000 }),
  postLogoutRedirectUris: Type.Optional(Type.String({ maxLength: 25_000 })),
  twoFactorsRequired: Type.Optional(Type.Literal('on')),
});
type FormBodyType = Static<typeof FormBody>;
const AppParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 32 })) });

const doneKeys: Record<string, MessageKey> = {
  saved: 'admin.apps.done.saved',
  removed: 'admin.apps.done.removed',
};

/** The form as typed, checked: the application's fields, or what to say of them. */
export function readApplicationForm(
  t: Translate,
  body: FormBodyType,
): { form: ApplicationForm; input?: ClientApplicationInput; problem?: string } {
  const form = {
    name: body.name.trim(),
    redirectUris: body.redirectUris,
    postLogoutRedirectUris: body.postLogoutRedirectUris ?? '',
    twoFactorsRequired: body.twoFactorsRequired === 'on',
  };
  const checked = checkApplicationInput({
    ...form,
    redirectUris: splitLines(form.redirectUris),
    postLogoutRedirectUris: splitLines(form.postLogoutRedirectUris),
  });
  if (!checked.ok) return { form, problem: t(checked.problem, { uri: checked.uri }) };
  return { form, input: checked.input };
}

const formOf = (app: ClientApplication): ApplicationForm => ({
  name: app.name,
  redirectUris: app.redirectUris.join('\n'),
  postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
  twoFactorsRequired: app.twoFactorsRequired,
});

export async function applicationsRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const actorOf = (request: FastifyRequest): Actor => ({
    kind: 'admin',
    accountId: request.admin.accountId,
  });
  const empty = {
    name: '',
    redirectUris: '',
    postLogoutRedirectUris: '',
    twoFactorsRequired: false,
  };

  app.get<{ Querystring: Static<typeof DoneQuery> }>(
    '/admin/applications',
    { schema: { querystring: DoneQuery } },
    async (request, reply) =>
      sendPage(
        reply,
        <ApplicationsPage
          {...pageBase(request)}
          admin={request.admin}
          configured={options.configuredClients}
          registered={await listClientApplications(db)}
          done={doneKeys[request.query.done ?? '']}
        />,
      ),
  );

  app.get('/admin/applications/new', async (request, reply) =>
    sendPage(
      reply,
      <ApplicationFormPage
        {...pageBase(request)}
        admin={request.admin}
        application={undefined}
        form={empty}
        problem={undefined}
        done={undefined}
      />,
    ),
  );

  app.post<{ Body: FormBodyType }>(
    '/admin/applications/new',
    { schema: { body: FormBody } },
    async (request, reply) => {
      const { form, input, problem } = readApplicationForm(request.page.t, request.body);
      if (input === undefined) {
        const page = (
          <ApplicationFormPage
            {...pageBase(request)}
            admin={request.admin}
            application={undefined}
            form={form}
            problem={problem}
            done={undefined}
          />
        );
        return sendPage(reply, page, 400);
      }
      const made = await registerClientApplication(options, actorOf(request), {
        ...input,
        origin: requestOrigin(request),
      });
      const page = (
        <ApplicationSecretPage
          {...pageBase(request)}
          admin={request.admin}
          clientId={made.clientId}
          name={input.name}
          secret={made.clientSecret}
          isNew
        />
      );
      return sendPage(reply, page);
    },
  );

  app.get<{ Params: Static<typeof AppParams>; Querystring: Static<typeof DoneQuery> }>(
    '/admin/applications/:id',
    { schema: { params: AppParams, querystring: DoneQuery } },
    async (request, reply) => {
      const application = await findClientApplication(db, request.params.id);
      // Removed meanwhile (an old link): back to the list.
      if (application === undefined) return reply.redirect('/admin/applications', 303);
      return sendPage(
        reply,
        <ApplicationFormPage
          {...pageBase(request)}
          admin={request.admin}
          application={application}
          form={formOf(application)}
          problem={undefined}
          done={doneKeys[request.query.done ?? '']}
        />,
      );
    },
  );

  app.post<{ Params: Static<typeof AppParams>; Body: FormBodyType }>(
    '/admin/applications/:id',
    { schema: { params: AppParams, body: FormBody } },
    async (request, reply) => {
      const application = await findClientApplication(db, request.params.id);
      if (application === undefined) throw new AppError('request.not_found');
      const { form, input, problem } = readApplicationForm(request.page.t, request.body);
      if (input === undefined) {
        const page = (
          <ApplicationFormPage
            {...pageBase(request)}
            admin={request.admin}
            application={application}
            form={form}
            problem={problem}
            done={undefined}
          />
        );
        return sendPage(reply, page, 400);
      }
      const edited = await editClientApplication(options, actorOf(request), {
        ...input,
        clientId: application.clientId,
        origin: requestOrigin(request),
      });
      if (!edited) throw new AppError('request.not_found');
      const path = `/admin/applications/${encodeURIComponent(application.clientId)}`;
      return reply.redirect(`${path}?done=saved`, 303);
    },
  );

  app.post<{ Params: Static<typeof AppParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/applications/:id/secret',
    { schema: { params: AppParams, body: CsrfBody } },
    async (request, reply) => {
      const application = await findClientApplication(db, request.params.id);
      if (application === undefined) throw new AppError('request.not_found');
      const secret = await rotateClientSecret(options, actorOf(request), {
        clientId: application.clientId,
        origin: requestOrigin(request),
      });
      if (secret === undefined) throw new AppError('request.not_found');
      const page = (
        <ApplicationSecretPage
          {...pageBase(request)}
          admin={request.admin}
          clientId={application.clientId}
          name={application.name}
          secret={secret}
          isNew={false}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Params: Static<typeof AppParams>; Body: Static<typeof CsrfBody> }>(
    '/admin/applications/:id/delete',
    { schema: { params: AppParams, body: CsrfBody } },
    async (request, reply) => {
      const removed = await removeClientApplication(options, actorOf(request), {
        clientId: request.params.id,
        origin: requestOrigin(request),
      });
      if (!removed) throw new AppError('request.not_found');
      return reply.redirect('/admin/applications?done=removed', 303);
    },
  );
}
