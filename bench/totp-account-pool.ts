/**
 * Enrolled accounts handed out so that no code is ever used twice: Sesame accepts a TOTP step of
 * an authenticator once (and no earlier step after it), so each account signs in at most once
 * per 30-second step. A sign-in takes the account that has waited longest, with the first step
 * it has not used yet among those the server accepts now (±1 step of drift; the previous step
 * only while more than 10 s of the current one are left, so it cannot expire in flight). One
 * sign-in at a time per account, so its steps reach the server in order. When every account has
 * used the next step already, `take` waits for the clock to reach a new step, and says how long.
 */
import { sleep } from './measure.ts';
import { totpCode, totpPeriodMs, totpStepAt } from './totp-code.ts';

const previousStepMarginMs = 10_000;

export interface EnrolledAccount {
  username: string;
  password: string;
  secret: Uint8Array;
  /** The last TOTP step this account used (its enrollment's confirmation code, then sign-ins). */
  lastStep: number;
}

export interface Lease {
  account: EnrolledAccount;
  code: string;
  release(): void;
}

export class TotpAccountPool {
  private readonly idle: EnrolledAccount[];
  private readonly now: () => number;
  /** Time the callers of `take` spent waiting for a fresh step (0 when the pool is big enough). */
  waitedMs = 0;
  constructor(accounts: readonly EnrolledAccount[], now: () => number = Date.now) {
    this.idle = [...accounts];
    this.now = now;
  }

  get size(): number {
    return this.idle.length;
  }

  async take(): Promise<Lease> {
    for (;;) {
      const now = this.now();
      const current = totpStepAt(now);
      const earliest =
        (current + 1) * totpPeriodMs - now > previousStepMarginMs ? current - 1 : current;
      const index = this.oldest();
      const account = index === undefined ? undefined : this.idle[index];
      if (index !== undefined && account !== undefined && account.lastStep < current + 1) {
        this.idle.splice(index, 1);
        const step = Math.max(account.lastStep + 1, earliest);
        account.lastStep = step;
        return {
          account,
          code: totpCode(account.secret, step),
          release: () => this.idle.push(account),
        };
      }
      // Every idle account has used the next step already (or all are in flight): wait.
      const started = performance.now();
      const untilNextStep = (current + 1) * totpPeriodMs - this.now();
      await sleep(index === undefined ? 5 : Math.max(5, untilNextStep + 20));
      this.waitedMs += performance.now() - started;
    }
  }

  /**
   * Wait, if need be (one step at most), until the clock has passed every account's last step,
   * so that each has two or three to use at once: right after its enrollment, an account has
   * only the next one left.
   */
  async untilFreshStep(): Promise<void> {
    const latest = Math.max(...this.idle.map((account) => account.lastStep));
    const waitMs = (latest + 1) * totpPeriodMs - this.now();
    if (waitMs > 0) {
      console.log(`waiting ${Math.ceil(waitMs / 1000)} s for fresh TOTP steps`);
      await sleep(waitMs + 20);
    }
  }

  /** The idle account with the earliest last step. */
  private oldest(): number | undefined {
    let best: number | undefined;
    this.idle.forEach((account, i) => {
      if (best === undefined || account.lastStep < (this.idle[best]?.lastStep ?? 0)) best = i;
    });
    return best;
  }
}
