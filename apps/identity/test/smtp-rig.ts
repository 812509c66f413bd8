/**
 * A real SMTP server for the tests, started in-process on a free port (the `smtp-server`
 * package), which parses what arrives (`mailparser`). `failNext(n)` makes the next n deliveries
 * fail with a 451, as a server that is down for a while would.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | undefined;
}

export interface SmtpRig {
  /** SESAME_SMTP_URL for this server (with a user and password it checks). */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first mail to `to` (arrived already or still to come) matching `where`. */
  waitFor(
    to: string,
    where?: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail>;
  failNext(count: number): void;
  /** Hold every delivery until the returned function is called (a slow mail server). */
  hold(): () => void;
  close(): Promise<void>;
}

const user = 'sesame';
const pass = 'smtp-test-password';

export async function startSmtpRig(): Promise<SmtpRig> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let failures = 0;
  let held: Promise<void> = Promise.resolve();
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      return callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      Promise.all([simpleParser(stream), held])
        .then(([parsed]) => {
          if (failures > 0) {
            failures -= 1;
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            return callback(error);
          }
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
          });
          for (const wake of waiters) wake();
          return callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    received,
    failNext(count) {
      failures = count;
    },
    hold() {
      let release: () => void = () => undefined;
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => release();
    },
    waitFor(to, where = () => true, timeoutMs = 5000) {
      const match = () => received.find((mail) => mail.to.includes(to) && where(mail));
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = match();
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${to} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
