/**
 * The notices' delivery loop (G-24): mails the notices queued with their audit events, marks them
 * sent, and puts a failed one back with a back-off — a mail server that is down never fails nor
 * rolls back the user's action (it committed before), and the notice leaves once it is up. Woken
 * when this process queues a notice (notice-wake.ts), and every `pollMs` for the rest: another
 * node's or the CLI's notices, retries, and those a restart left behind.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import type { Mailer } from './mailer.ts';
import { noticeMail } from './notice-mail.ts';
import {
  claimNotice,
  deferNotice,
  listDueNotices,
  markNoticeDone,
  type Notice,
} from './notice-queries.ts';
import { noticeFor } from './notice-types.ts';
import { onNoticeQueued } from './notice-wake.ts';
import { findMailRecipient, findNamedRecipient } from './verified-email.ts';

export interface NoticeDeliveryDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  now: () => number;
  publicUrl: string;
  onError: (error: unknown, message: string) => void;
  /** How often the queue is looked at without a wake-up (default 2 s). */
  pollMs?: number;
}

export interface NoticeDelivery {
  /** Look at the queue now (again after the current pass, if one runs). */
  wake(): void;
  /** Stop; resolves once the pass in progress is done. */
  close(): Promise<void>;
}

/** A claim lasts this long: a sender that died mid-way leaves the notice to another after it. */
const leaseMs = 60_000;
const batch = 20;

/** 30 s, 1 min, 2 min… up to an hour between attempts. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function startNoticeDelivery(deps: NoticeDeliveryDeps): NoticeDelivery {
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();

  const pass = async () => {
    do {
      again = false;
      let ids: string[];
      do {
        ids = await listDueNotices(deps.db, deps.now(), batch);
        for (const id of ids) if (!closed) await deliver(deps, id);
      } while (ids.length === batch && !closed);
    } while (again && !closed);
  };
  const wake = () => {
    if (closed) return;
    if (running !== undefined) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => deps.onError(error, 'notice delivery pass failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const later = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      wake();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  // PostgreSQL: the queuing transaction may commit after the first look; look again shortly.
  const postgres = isPostgres(deps.db);
  const unregister = onNoticeQueued(deps.db, () => {
    wake();
    if (postgres) later(250);
  });
  const poll = setInterval(wake, deps.pollMs ?? 2000);
  poll.unref();
  wake();
  return {
    wake,
    async close() {
      closed = true;
      unregister();
      clearInterval(poll);
      for (const timer of timers) clearTimeout(timer);
      await running;
    },
  };
}

async function deliver(deps: NoticeDeliveryDeps, id: string): Promise<void> {
  const notice = await claimNotice(deps.db, id, deps.now(), leaseMs);
  // Another sender took it meanwhile.
  if (notice === undefined) return;
  const kind = noticeFor(notice.event_type);
  const recipient =
    notice.to_email === null
      ? await findMailRecipient(deps.db, notice.account_id)
      : await findNamedRecipient(deps.db, notice.account_id, notice.to_email);
  // Mail goes only to a verified address (issue 8 §6): without one there is nothing to send.
  if (kind === undefined || recipient === undefined) {
    await markNoticeDone(deps.db, notice.id, 'no_address', deps.now());
    return;
  }
  try {
    await deps.mailer.send(noticeMail(kind, notice, recipient, deps.publicUrl));
  } catch (error) {
    await retry(deps, notice, error);
    return;
  }
  await markNoticeDone(deps.db, notice.id, 'sent', deps.now());
}

async function retry(deps: NoticeDeliveryDeps, notice: Notice, error: unknown): Promise<void> {
  deps.onError(error, `notice ${notice.id} not sent; attempt ${notice.attempts} will be retried`);
  await deferNotice(deps.db, notice.id, deps.now() + retryDelayMs(notice.attempts));
}
