/**
 * Options of Sesame's logger (pino, through Fastify): nothing secret is written at any level —
 * cookies, authorization headers, passwords, CSRF tokens, and the credentials OIDC carries in
 * request URLs (`id_token_hint`, `code`, hints: see redact-url.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.ts';
import { redactUrl } from './redact-url.ts';

export function loggerOptions(config: Readonly<Config>, stream?: DestinationStream) {
  return {
    level: config.logLevel,
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'res.headers["set-cookie"]',
      '*.password',
      '*.csrf',
    ],
    serializers: {
      // Fastify's request serializer, with the URL's secrets replaced.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...(stream === undefined ? {} : { stream }),
  };
}
