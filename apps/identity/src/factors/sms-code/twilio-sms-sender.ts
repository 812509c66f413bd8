/**
 * The SMS adapter for Twilio's Messages REST API: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`
 * with HTTP basic authentication (account SID, auth token) and a form body of `To`, `From` and
 * `Body`. A 2xx answer is a message accepted for delivery; any other carries a JSON error
 * (`code`, `message`) that becomes an `SmsSendError` — never logged with the message's text.
 */
import { SmsSendError, type SmsSender } from './sms-sender.ts';

export interface TwilioSmsConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or messaging service the account owns. */
  from: string;
  /** The API's origin: https://api.twilio.com, or a local stand-in in tests. */
  baseUrl: string;
}

const timeoutMs = 10_000;

export function createTwilioSmsSender(
  config: TwilioSmsConfig,
  fetchImpl: typeof fetch = fetch,
): SmsSender {
  const url = `${config.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    async send(to, text) {
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({ To: to, From: config.from, Body: text }).toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new SmsSendError('network', `SMS provider unreachable: ${(error as Error).message}`);
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as {
        code?: unknown;
        message?: unknown;
      };
      const code = answer.code === undefined ? `http_${response.status}` : String(answer.code);
      throw new SmsSendError(
        code,
        `SMS refused (${response.status}): ${String(answer.message ?? '')}`,
      );
    },
  };
}
