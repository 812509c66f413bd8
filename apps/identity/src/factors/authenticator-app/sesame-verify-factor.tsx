/**
 * Sesame Verify, the guide's app: device type (step 4), the QR code of a single-use activation
 * link and its manual alternative (steps 4–6), and the events that move the page on when the app
 * has registered (step 8). The app's side of the protocol is in devices/.
 */
import { activationLinkPath } from '@sesame/contracts';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../../accounts/queries.ts';
import { InteractionParams } from '../../sign-in/interaction-params.ts';
import { qrSvg } from '../../ui/qr-svg.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import type { Factor, FactorDeps } from '../factor.ts';
import { totpEnrollmentRoutes } from '../totp/totp-enrollment-routes.tsx';
import { verifyCodeAnswer } from '../totp/verify-totp-code.ts';
import { ActivationPage } from './activation-page.tsx';
import { createActivation, formatActivationCode } from './activation-queries.ts';
import { DeviceTypePage } from './device-type-page.tsx';
import { streamEnrollmentEvents } from './enrollment-events.ts';
import { sesameVerifyKind } from './sesame-verify-kind.ts';

const Platform = Type.Union([Type.Literal('ios'), Type.Literal('android')]);
const PlatformBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  platform: Platform,
});
const PlatformQuery = Type.Object({ platform: Type.Optional(Platform) });

async function sesameVerifyRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit, db, now } = deps;
  const base = (uid: string) => `/interaction/${uid}/enroll/sesame-verify`;

  app.get<{ Params: Static<typeof InteractionParams> }>(
    '/interaction/:uid/enroll/sesame-verify',
    { schema: { params: InteractionParams } },
    async (request, reply) => {
      const { details, token } = await kit.flowAt(request, reply, 'enroll');
      const page = (
        <DeviceTypePage
          {...pageBase(request)}
          action={base(details.uid)}
          csrf={kit.csrf(token)}
          backHref={`/interaction/${details.uid}/enroll`}
          appUrl={`${deps.publicUrl}/app/`}
          appQrSvg={await qrSvg(`${deps.publicUrl}/app/`)}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Params: Static<typeof InteractionParams>; Body: Static<typeof PlatformBody> }>(
    '/interaction/:uid/enroll/sesame-verify',
    { schema: { params: InteractionParams, body: PlatformBody } },
    async (request, reply) => {
      const { details } = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      return reply.redirect(`${base(details.uid)}/qr?platform=${request.body.platform}`, 303);
    },
  );

  app.get<{ Params: Static<typeof InteractionParams>; Querystring: Static<typeof PlatformQuery> }>(
    '/interaction/:uid/enroll/sesame-verify/qr',
    { schema: { params: InteractionParams, querystring: PlatformQuery } },
    async (request, reply) => {
      const { details, flow, accountId } = await kit.flowAt(request, reply, 'enroll');
      const account = await findAccountById(db, accountId);
      if (account === undefined) return reply.redirect(`/interaction/${details.uid}`, 303);
      const platform = request.query.platform ?? 'ios';
      // Each display makes a new activation (« Actualiser le code »); the older ones stop working.
      const activation = await createActivation(deps, {
        accountId,
        flowId: flow.id,
        platform,
        nowMs: now(),
      });
      const activationLink = `${deps.publicUrl}${activationLinkPath}#token=${activation.token}`;
      const appUrl = `${deps.publicUrl}/app/`;
      const page = (
        <ActivationPage
          {...pageBase(request)}
          platform={platform}
          qrSvg={await qrSvg(activationLink)}
          activationLink={activationLink}
          activationCode={formatActivationCode(activation.code)}
          organizationAddress={deps.publicUrl}
          username={account.username}
          appUrl={appUrl}
          appQrSvg={await qrSvg(appUrl)}
          eventsUrl={`${base(details.uid)}/events`}
          nextUrl={`/interaction/${details.uid}/enroll/done?added=sesame-verify`}
          refreshUrl={`${base(details.uid)}/qr?platform=${platform}`}
          withoutPushUrl={`${base(details.uid)}/without-push`}
          backHref={`/interaction/${details.uid}/enroll`}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.get<{ Params: Static<typeof InteractionParams> }>(
    '/interaction/:uid/enroll/sesame-verify/events',
    { schema: { params: InteractionParams } },
    async (request, reply) => {
      const { flow } = await kit.flowAt(request, reply, 'enroll');
      await streamEnrollmentEvents(deps, reply, flow.id);
    },
  );
}

/** Sesame Verify without push: its secret typed into the app, confirmed by one code. */
const withoutPushRoutes = totpEnrollmentRoutes({
  kind: sesameVerifyKind,
  path: 'sesame-verify/without-push',
  addedSlug: 'sesame-verify',
  heading: 'totp.titleSesameVerify',
  label: 'factor.sesameVerify.title',
});

export const sesameVerifyFactor: Factor = {
  kind: sesameVerifyKind,
  slug: 'sesame-verify',
  title: 'factor.sesameVerify.title',
  description: 'factor.sesameVerify.description',
  amr: ['otp'],
  satisfiesMfa: true,
  // The guide's app comes first at the second-factor step.
  preference: 10,
  // « Sesame Verify sur iPhone de Camille »: the device's name tells which phone.
  describe: (t, authenticator) => {
    const title = t('factor.sesameVerify.title');
    return authenticator.label === title
      ? title
      : t('config.on', { factor: title, device: authenticator.label });
  },
  enrollmentRoutes: async (app, deps) => {
    await sesameVerifyRoutes(app, deps);
    await withoutPushRoutes(app, deps);
  },
  verification: {
    begin: async (_deps, context, t) => ({
      form: 'code',
      intro: t('verify.intro.sesame-verify', { device: context.authenticator.label }),
    }),
    verify: verifyCodeAnswer,
  },
};
