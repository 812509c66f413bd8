/**
 * Text messages leave Sesame through a provider behind this interface; one adapter is real
 * (twilio-sms-sender.ts, the Messages REST API). With none configured, SMS codes are not offered
 * (docs/security.md): a code is never written where anyone but the number's holder could read it.
 */
export interface SmsSender {
  /** Send `text` to `to` (E.164); rejects with an `SmsSendError` when the provider refuses. */
  send(to: string, text: string): Promise<void>;
}

/** The provider refused or could not be reached; `code` is its own (or `network`, `http_<status>`). */
export class SmsSendError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SmsSendError';
    this.code = code;
  }
}
