/**
 * « Clés de signature » in the console (administrators only, ADR 0014): the ID token signing keys
 * with their state and times, and « Renouveler la clé » — a new key published now that signs
 * after the publish-ahead delay. Audited with the administrator as the actor.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requestOrigin } from '../account/account-session.ts';
import { formatWhen } from '../account/format-when.ts';
import { rotateSigningKey } from '../oidc/rotate-signing-key.ts';
import { listSigningKeys, type SigningKeyInfo } from '../oidc/signing-keys.ts';
import type { Locale, MessageKey, Translate } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { ConsoleLayout } from './console-layout.tsx';
import type { ConsoleOptions } from './console-routes.tsx';

const KeysQuery = Type.Object({
  done: Type.Optional(Type.Union([Type.Literal('rotated'), Type.Literal('pending')])),
});
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

const stateKeys: Record<SigningKeyInfo['state'], MessageKey> = {
  next: 'admin.keys.state.next',
  current: 'admin.keys.state.current',
  retired: 'admin.keys.state.retired',
};

export async function signingKeysRoutes(app: FastifyInstance, options: ConsoleOptions) {
  const { db } = options;
  const minutes = Math.round(options.keyRotation.publishAheadMs / 60_000);

  app.get<{ Querystring: Static<typeof KeysQuery> }>(
    '/admin/keys',
    { schema: { querystring: KeysQuery } },
    async (request, reply) => {
      const { t, locale } = request.page;
      const keys = await listSigningKeys(db, options.now());
      const next = keys.find((key) => key.state === 'next');
      const when = (ms: number | null) => (ms === null ? '—' : formatWhen(locale, ms));
      const done =
        next === undefined || request.query.done === undefined
          ? undefined
          : request.query.done === 'rotated'
            ? t('admin.keys.rotated', { kid: next.kid, when: when(next.signsFrom) })
            : t('admin.keys.pending', { kid: next.kid });
      const page = (
        <ConsoleLayout {...pageBase(request)} admin={request.admin} title={t('admin.keys.title')}>
          <h1>{t('admin.keys.title')}</h1>
          <p>{t('admin.keys.intro', { minutes: String(minutes) })}</p>
          {done === undefined ? null : (
            <p
              class={request.query.done === 'rotated' ? 'alert ok' : 'alert warning'}
              role="status"
            >
              {done}
            </p>
          )}
          <KeyTable keys={keys} t={t} locale={locale} />
          <form method="post" action="/admin/keys/rotate">
            <input type="hidden" name="csrf" value={request.admin.csrf} />
            <p>{t('admin.keys.rotateHelp', { minutes: String(minutes) })}</p>
            <button type="submit" class="button">
              {t('admin.keys.rotate')}
            </button>
          </form>
        </ConsoleLayout>
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Body: Static<typeof CsrfBody> }>(
    '/admin/keys/rotate',
    { schema: { body: CsrfBody } },
    async (request, reply) => {
      const result = await rotateSigningKey(
        { db, now: options.now, box: options.box, ...options.keyRotation },
        { kind: 'admin', accountId: request.admin.accountId },
        { origin: requestOrigin(request) },
      );
      return reply.redirect(`/admin/keys?done=${result.ok ? 'rotated' : 'pending'}`, 303);
    },
  );
}

function KeyTable(props: { keys: SigningKeyInfo[]; t: Translate; locale: Locale }) {
  const { t, locale } = props;
  const when = (ms: number | null) => (ms === null ? '—' : formatWhen(locale, ms));
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.keys.kid')}</th>
            <th scope="col">{t('admin.keys.alg')}</th>
            <th scope="col">{t('admin.keys.state')}</th>
            <th scope="col">{t('admin.keys.created')}</th>
            <th scope="col">{t('admin.keys.signsFrom')}</th>
            <th scope="col">{t('admin.keys.signsUntil')}</th>
            <th scope="col">{t('admin.keys.publishedUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((key) => (
            <tr key={key.kid} data-state={key.state}>
              <td>
                <code>{key.kid}</code>
              </td>
              <td>{key.alg}</td>
              <td>{t(stateKeys[key.state])}</td>
              <td>{when(key.createdAt)}</td>
              <td>{when(key.signsFrom)}</td>
              <td>{when(key.signsUntil)}</td>
              <td>{when(key.publishedUntil)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
