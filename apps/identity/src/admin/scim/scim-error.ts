/** SCIM's media type and its error format (RFC 7644 §3.1, §3.12), for Users and Groups alike. */
import type { FastifyReply } from 'fastify';
import { errorSchema } from './scim-user.ts';

export const scimType = 'application/scim+json';

export function scimError(reply: FastifyReply, status: number, detail: string, type?: string) {
  return reply
    .status(status)
    .type(scimType)
    .send({
      schemas: [errorSchema],
      status: String(status),
      ...(type ? { scimType: type } : {}),
      detail,
    });
}
