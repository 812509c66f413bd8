/**
 * Sesame Verify, the guide's app: device type (step 4), the QR code of a single-use activation
 * link and its manual alternative (steps 4–6), and the events that move the page on when the app
 * has registered (step 8). The app's side of the protocol is in devices/.
 */
import { activationLinkPath } from '@sesame/contracts';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../../accounts/queries.ts';
import { qrSvg } from '../../ui/qr-svg.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import type { Factor, FactorDeps } from '../factor.ts';
import { totpEnrollmentRoutes } from '../totp/totp-enrollment-routes.tsx';
import { ActivationPage } from './activation-page.tsx';
import { createActivation, formatActivationCode } from './activation-queries.ts';
import { DeviceTypePage } from './device-type-page.tsx';
import { streamEnrollmentEvents } from './enrollment-events.ts';
import { sesameVerifyKind } from './sesame-verify-kind.ts';
import { sesameVerifyVerification } from './sesame-verify-push.ts';

const Platform = Type.Union([Type.Literal('ios'), Type.Literal('android')]);
const PlatformBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  platform: Platform,
});
const PlatformQuery = Type.Object({ platform: Type.Optional(Platform) });

async function sesameVerifyRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit, db, now } = deps;
  const pages = (base: string) => `${base}/enroll/sesame-verify`;

  app.get('/enroll/sesame-verify', async (request, reply) => {
    const { base, token } = await kit.flowAt(request, reply, 'enroll');
    const page = (
      <DeviceTypePage
        {...pageBase(request)}
        action={pages(base)}
        csrf={kit.csrf(token)}
        backHref={`${base}/enroll`}
        appUrl={`${deps.publicUrl}/app/`}
        appQrSvg={await qrSvg(`${deps.publicUrl}/app/`)}
      />
    );
    return sendPage(reply, page);
  });

  app.post<{ Body: Static<typeof PlatformBody> }>(
    '/enroll/sesame-verify',
    { schema: { body: PlatformBody } },
    async (request, reply) => {
      const { base } = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      return reply.redirect(`${pages(base)}/qr?platform=${request.body.platform}`, 303);
    },
  );

  app.get<{ Querystring: Static<typeof PlatformQuery> }>(
    '/enroll/sesame-verify/qr',
    { schema: { querystring: PlatformQuery } },
    async (request, reply) => {
      const { base, flow, accountId } = await kit.flowAt(request, reply, 'enroll');
      const account = await findAccountById(db, accountId);
      if (account === undefined) return reply.redirect(base, 303);
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
          eventsUrl={`${pages(base)}/events`}
          nextUrl={`${base}/enroll/done?added=sesame-verify`}
          refreshUrl={`${pages(base)}/qr?platform=${platform}`}
          withoutPushUrl={`${pages(base)}/without-push`}
          backHref={`${base}/enroll`}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.get('/enroll/sesame-verify/events', async (request, reply) => {
    const { flow } = await kit.flowAt(request, reply, 'enroll');
    await streamEnrollmentEvents(deps, reply, flow.id);
  });
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
  // Its 6-digit code (otp), or a push approved on the device with the number typed (swk).
  amr: ['otp', 'swk'],
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
  verification: sesameVerifyVerification,
};
