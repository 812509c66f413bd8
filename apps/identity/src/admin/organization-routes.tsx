/**
 * « Organisation » (administrators only: the console gate's default): the page, and one form per
 * setting — name, logo (the console's one file upload), accent colour, support contact. A value
 * refused is said on the page, with its code, and nothing is stored; each change is audited with
 * the administrator as its actor (branding/change-branding.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import type { Actor } from '../accounts/operations/actor.ts';
import { readBranding } from '../branding/branding-settings.ts';
import { type BrandingChange, changeBranding } from '../branding/change-branding.ts';
import { maxLogoBytes } from '../branding/logo-image.ts';
import { AppError, errorCatalogue } from '../errors.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import type { ConsoleOptions } from './console-routes.tsx';
import { acceptMultipartForms, type MultipartBody } from './multipart-form.ts';
import {
  type OrganizationForm,
  OrganizationPage,
  organizationPath,
  storedForm,
} from './organization-page.tsx';

const csrf = Type.Optional(Type.String({ maxLength: 128 }));
const NameBody = Type.Object({ csrf, name: Type.String({ maxLength: 200 }) });
const ColourBody = Type.Object({ csrf, colour: Type.String({ maxLength: 32 }) });
const SupportBody = Type.Object({
  csrf,
  email: Type.String({ maxLength: 300 }),
  phone: Type.String({ maxLength: 100 }),
  url: Type.String({ maxLength: 400 }),
});
const CsrfBody = Type.Object({ csrf });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 32 })) });

const doneKeys: Record<string, MessageKey> = {
  name: 'admin.org.done.name',
  logo: 'admin.org.done.logo',
  logoRemoved: 'admin.org.done.logoRemoved',
  accent: 'admin.org.done.accent',
  support: 'admin.org.done.support',
};

/** The logo and the form around it; larger bodies are refused before they are read. */
const uploadLimitBytes = maxLogoBytes * 4;

export async function organizationRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { done?: MessageKey; problem?: AppError; form?: Partial<OrganizationForm> } = {},
  ) => {
    const stored = await readBranding(db);
    const problem =
      state.problem === undefined
        ? undefined
        : { code: state.problem.code, message: errorCatalogue[state.problem.code].message };
    return sendPage(
      reply,
      <OrganizationPage
        {...pageBase(request)}
        admin={request.admin}
        stored={stored}
        form={{ ...storedForm(stored), ...state.form }}
        done={state.done}
        problem={problem}
      />,
      state.problem?.status ?? 200,
    );
  };

  /** Make the change; a refused value is said on the page, kept in its form for a correction. */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    what: BrandingChange,
    done: keyof typeof doneKeys,
    form: Partial<OrganizationForm> = {},
  ) => {
    const actor: Actor = { kind: 'admin', accountId: request.admin.accountId };
    try {
      await changeBranding(options, actor, what, requestOrigin(request));
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('branding.'))
        return render(request, reply, { problem: error, form });
      throw error;
    }
    return reply.redirect(`${organizationPath}?done=${done}`, 303);
  };

  app.get<{ Querystring: Static<typeof DoneQuery> }>(
    organizationPath,
    { schema: { querystring: DoneQuery } },
    async (request, reply) => {
      const done = request.query.done;
      return render(request, reply, {
        ...(done !== undefined && Object.hasOwn(doneKeys, done) ? { done: doneKeys[done] } : {}),
      });
    },
  );

  app.post<{ Body: Static<typeof NameBody> }>(
    `${organizationPath}/name`,
    { schema: { body: NameBody } },
    async (request, reply) => {
      const { name } = request.body;
      return change(request, reply, { kind: 'name', name }, 'name', { name });
    },
  );

  app.post<{ Body: Static<typeof ColourBody> }>(
    `${organizationPath}/colour`,
    { schema: { body: ColourBody } },
    async (request, reply) => {
      const { colour } = request.body;
      return change(request, reply, { kind: 'accent', colour }, 'accent', { accent: colour });
    },
  );

  app.post<{ Body: Static<typeof SupportBody> }>(
    `${organizationPath}/support`,
    { schema: { body: SupportBody } },
    async (request, reply) => {
      const { email, phone, url } = request.body;
      const contact = { email, phone, url };
      return change(request, reply, { kind: 'support', contact }, 'support', contact);
    },
  );

  app.post<{ Body: Static<typeof CsrfBody> }>(
    `${organizationPath}/logo/remove`,
    { schema: { body: CsrfBody } },
    async (request, reply) => change(request, reply, { kind: 'logo', bytes: null }, 'logoRemoved'),
  );

  // The upload: a multipart body, read in this scope only.
  await app.register(async (upload) => {
    acceptMultipartForms(upload, uploadLimitBytes);
    upload.post(
      `${organizationPath}/logo`,
      { bodyLimit: uploadLimitBytes },
      async (request, reply) => {
        const file = (request.body as MultipartBody | undefined)?.logo;
        if (file === undefined || typeof file === 'string') throw new AppError('request.invalid');
        return change(request, reply, { kind: 'logo', bytes: file.bytes }, 'logo');
      },
    );
  });
}
