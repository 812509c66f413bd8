/**
 * The one form of the console that sends a file (the organization's logo) is
 * `multipart/form-data` (RFC 7578). This reads such a body — already limited in size by the
 * route — into its text fields and its files, and refuses anything it cannot read plainly: no
 * boundary, too many parts, a part without a name. Nothing here trusts the file's claimed type.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/** The body the route sees: text fields (the form's `csrf` among them) and files, by name. */
export type MultipartBody = Record<string, string | UploadedFile>;

const maxParts = 8;

export function parseMultipartForm(body: Buffer, contentType: string): MultipartBody | undefined {
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (delimiter === undefined) return undefined;
  const dash = Buffer.from(`--${delimiter}`);
  const between = Buffer.from(`\r\n--${delimiter}`);
  let at = body.indexOf(dash);
  if (at !== 0) return undefined;
  const form: MultipartBody = {};
  for (let parts = 0; parts <= maxParts; parts += 1) {
    at += dash.length;
    // `--` after a delimiter ends the body; otherwise a line break starts the part's headers.
    if (body.subarray(at, at + 2).toString() === '--') return form;
    if (body.subarray(at, at + 2).toString() !== '\r\n') return undefined;
    const headersEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headersEnd < 0) return undefined;
    const next = body.indexOf(between, headersEnd + 4);
    if (next < 0) return undefined;
    const headers = body.subarray(at + 2, headersEnd).toString('utf8');
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /(?:^|;)\s*name="([^"]{1,64})"/i.exec(disposition)?.[1];
    if (name === undefined || Object.hasOwn(form, name)) return undefined;
    const filename = /(?:^|;)\s*filename="([^"]{0,255})"/i.exec(disposition)?.[1];
    const content = body.subarray(headersEnd + 4, next);
    form[name] =
      filename === undefined ? content.toString('utf8') : { filename, bytes: Buffer.from(content) };
    at = next + 2;
  }
  return undefined;
}

/** Read `multipart/form-data` bodies of at most `bodyLimit` bytes in this plugin's routes. */
export function acceptMultipartForms(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit },
    (request, body, done) => {
      const form = parseMultipartForm(body as Buffer, request.headers['content-type'] ?? '');
      if (form === undefined) done(new AppError('request.invalid'), undefined);
      else done(null, form);
    },
  );
}
