/**
 * A local stand-in of the SMS provider's Messages REST API (Twilio's 2010-04-01 Messages
 * resource), started by the test on a free port: it checks the basic authentication and the form
 * fields as the real API does, keeps what it accepted, and answers with the same shapes — 201 with
 * the message resource, or an error document (`code`, `message`, `more_info`, `status`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const standInSid = `AC${randomBytes(16).toString('hex')}`;
export const standInToken = randomBytes(16).toString('hex');
export const standInFrom = '+15145550199';

export interface SentSms {
  to: string;
  from: string;
  body: string;
}

export interface SmsApiStandIn {
  baseUrl: string;
  /** SESAME_SMS_TWILIO_* for an app that sends through this stand-in. */
  env: Record<string, string>;
  sent: SentSms[];
  /** Requests refused, with the error code they got. */
  refused: number[];
  /** The next `count` messages are refused with this provider error (e.g. 21610, 30003). */
  failNext(count: number, code?: number): void;
  /** The latest message to `to`. */
  lastTo(to: string): SentSms | undefined;
  close(): Promise<void>;
}

export async function startSmsApiStandIn(): Promise<SmsApiStandIn> {
  const sent: SentSms[] = [];
  const refused: number[] = [];
  let failures = 0;
  let failureCode = 21610;
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(request, response, body))
      .catch(() => error(response, 400, 20001, 'Bad request'));
  });

  function error(response: ServerResponse, status: number, code: number, message: string) {
    refused.push(code);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        code,
        message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status,
      }),
    );
  }

  function answer(request: IncomingMessage, response: ServerResponse, body: string) {
    const path = `/2010-04-01/Accounts/${standInSid}/Messages.json`;
    if (request.method !== 'POST' || request.url !== path)
      return error(response, 404, 20404, 'The requested resource was not found');
    const expected = `Basic ${Buffer.from(`${standInSid}:${standInToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected)
      return error(response, 401, 20003, 'Authenticate');
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return error(response, 400, 20001, 'Unsupported content type');
    const form = new URLSearchParams(body);
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const text = form.get('Body') ?? '';
    if (!/^\+[1-9][0-9]{6,14}$/.test(to))
      return error(response, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (from !== standInFrom)
      return error(
        response,
        400,
        21606,
        `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    if (text === '') return error(response, 400, 21602, 'Message body is required.');
    if (failures > 0) {
      failures -= 1;
      return error(response, 400, failureCode, 'Attempt to send to unsubscribed recipient');
    }
    sent.push({ to, from, body: text });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = new Date().toUTCString().replace('GMT', '+0000');
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        account_sid: standInSid,
        api_version: '2010-04-01',
        body: text,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        num_media: '0',
        num_segments: '1',
        price: null,
        sid,
        status: 'queued',
        to,
        uri: `/2010-04-01/Accounts/${standInSid}/Messages/${sid}.json`,
      }),
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    env: {
      SESAME_SMS_TWILIO_ACCOUNT_SID: standInSid,
      SESAME_SMS_TWILIO_AUTH_TOKEN: standInToken,
      SESAME_SMS_TWILIO_FROM: standInFrom,
      SESAME_SMS_TWILIO_BASE_URL: baseUrl,
    },
    sent,
    refused,
    failNext(count, code = 21610) {
      failures = count;
      failureCode = code;
    },
    lastTo: (to) => sent.filter((m) => m.to === to).at(-1),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
