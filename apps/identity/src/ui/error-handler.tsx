/**
 * The one error policy: coded errors render their translated message (HTML for browsers, JSON for
 * APIs); validation errors are `request.invalid`; anything else is logged in full and shown as a
 * generic 500 with no detail (G-38).
 */

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorCatalogue } from '../errors.ts';
import { StepMoved } from '../sign-in/step-moved.ts';
import type { MessageKey } from './i18n/messages.ts';
import { Layout } from './layout.tsx';
import { pageBase, sendPage } from './render-page.ts';

export function codeOf(error: FastifyError | AppError): ErrorCode {
  if (error instanceof AppError) return error.code;
  if ((error as FastifyError).validation) return 'request.invalid';
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 429) return 'request.too_many';
  if (status === 404) return 'request.not_found';
  return status >= 400 && status < 500 ? 'request.invalid' : 'internal';
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  restartUrl?: string,
): FastifyReply {
  const entry: { status: number; message: MessageKey; title?: MessageKey } = errorCatalogue[code];
  const { status, message } = entry;
  // Most errors are « Une erreur est survenue »; a refusal the user asked for says what it is.
  const title = entry.title ?? 'errors.title';
  const t = request.page?.t;
  const wantsHtml =
    (request.headers.accept ?? '').includes('text/html') ||
    (request.method === 'POST' &&
      request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'));
  if (!wantsHtml || t === undefined) {
    return reply
      .status(status)
      .header('cache-control', 'no-store')
      .send({ error: code, message: t ? t(message) : code });
  }
  const page = (
    <Layout {...pageBase(request)} title={t(title)}>
      <h1>{t(title)}</h1>
      <p class="alert error" role="alert">
        {t(message)}
      </p>
      {restartUrl === undefined ? null : (
        <p>
          <a class="button" href={restartUrl}>
            {t('errors.startAgain')}
          </a>
        </p>
      )}
    </Layout>
  );
  return sendPage(reply, page, status);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof StepMoved) return reply.redirect(error.location, 303);
    const code = codeOf(error);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code }, 'request refused');
    return sendError(
      request,
      reply,
      code,
      error instanceof AppError ? error.restartUrl : undefined,
    );
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'request.not_found'));
}
