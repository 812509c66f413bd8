/**
 * `npm run bench:push`: the push round trip on loopback (issue 7: p50 ≤ 100 ms, p99 ≤ 1 s) —
 * a push is started as the second-factor page starts it, the phone's open stream (Sesame
 * Verify's own watcher, signed requests over a real port) hears it, the phone answers with the
 * number (a JWS signed by the app's code), and the waiting computer learns it is approved the way
 * its page does (woken on the challenge's channel, then reading the database). With --redis the
 * phone talks to a second identity instance on the same database and the news crosses Redis.
 * This measures the server side of the round trip: the computer page's own stream on top of it
 * is the browser side's (events/stream-until-settled.ts). Options: --rounds 50
 */
import { parseArgs } from 'node:util';
import { answerPushRequest, watchPushRequests } from '../apps/authenticator/src/index.ts';
import { buildApp } from '../apps/identity/src/app.ts';
import { challengeChannel } from '../apps/identity/src/factors/challenge-queries.ts';
import { checkPushSettled } from '../apps/identity/src/factors/push/push-outcome.ts';
import { cheapArgon2 } from '../apps/identity/test/build-test-app.ts';
import { freePort } from '../apps/identity/test/listen-test-app.ts';
import { openPushRig } from '../apps/identity/test/push-rig.ts';
import { percentile } from './measure.ts';
import { describeMachine, fixed } from './report.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '50' },
    redis: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const redisUrl = values.redis ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;

const rig = await openPushRig('sqlite', redisUrl ? { REDIS_URL: redisUrl } : {}, { listen: true });
const second = redisUrl
  ? await buildApp(rig.t.config, {
      db: rig.t.db,
      now: () => rig.t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    })
  : undefined;
const devicePort = second ? await freePort() : undefined;
if (second) await second.listen({ host: '127.0.0.1', port: devicePort });
const publicUrl = rig.t.config.publicUrl;
/** The phone's fetch: to the second instance with --redis (same public URL, its own port). */
const phoneFetch = ((input: string | URL | Request, init?: RequestInit) =>
  fetch(
    devicePort ? String(input).replace(publicUrl, `http://127.0.0.1:${devicePort}`) : input,
    init,
  )) as typeof fetch;

const phone = await rig.enroll('bench-push');
rig.t.clock.now = Date.now();
/** When the phone's stream first listed each request, and who waits for one not listed yet. */
const seenAt = new Map<string, number>();
const heard = new Map<string, () => void>();
const controller = new AbortController();
let opened: () => void = () => undefined;
const streamOpen = new Promise<void>((resolve) => {
  opened = resolve;
});
const watching = watchPushRequests({
  fetch: phoneFetch,
  account: phone.account,
  now: Date.now,
  signal: controller.signal,
  onRequests: (requests) => {
    opened();
    for (const request of requests) {
      if (!seenAt.has(request.id)) seenAt.set(request.id, performance.now());
      heard.get(request.id)?.();
    }
  },
});
await streamOpen;

async function oneRound(): Promise<{ toPhoneMs: number; backMs: number; totalMs: number }> {
  // Each round past the anti-fatigue window of the one before: an approval resets it anyway.
  rig.t.clock.now = Date.now();
  const started = performance.now();
  let phoneHas: () => void = () => undefined;
  const phoneHeard = new Promise<void>((resolve) => {
    phoneHas = resolve;
  });
  const push = await rig.start(phone);
  // The stream may list it before the start has even returned.
  if (!seenAt.has(push.id)) {
    heard.set(push.id, phoneHas);
    await phoneHeard;
    heard.delete(push.id);
  }
  const atPhone = seenAt.get(push.id) as number;
  const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
  // The computer waits as its page does: woken on the challenge's channel, then a look.
  let approved: () => void = () => undefined;
  const pageKnows = new Promise<void>((resolve) => {
    approved = resolve;
  });
  const unsubscribe = await rig.events.subscribe(challengeChannel(push.id), () => {
    void checkPushSettled(rig.deps, target).then((found) => {
      if ('event' in found && found.event === 'approved') approved();
    });
  });
  const answering = performance.now();
  await answerPushRequest({
    fetch: phoneFetch,
    account: phone.account,
    nowMs: Date.now(),
    requestId: push.id,
    decision: 'approve',
    number: push.display,
  });
  await pageKnows;
  const done = performance.now();
  await unsubscribe();
  return { toPhoneMs: atPhone - started, backMs: done - answering, totalMs: done - started };
}

const results = [];
for (let i = 0; i < rounds; i += 1) results.push(await oneRound());
controller.abort();
await watching;
await second?.close();
await rig.close();

const machine = describeMachine();
console.log(
  `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}; load average ${fixed(machine.loadAverage1m, 2)}`,
);
console.log(
  `${rounds} pushes, events ${redisUrl ? 'across two instances through Redis' : 'in one process'}\n`,
);
console.log('| measure | p50 ms | p99 ms | max ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, key] of [
  ['push started → the phone has it', 'toPhoneMs'],
  ['answer sent → the computer knows', 'backMs'],
  ['round trip (without the person)', 'totalMs'],
] as const) {
  const series = results.map((result) => result[key]);
  console.log(
    `| ${name} | ${fixed(percentile(series, 0.5), 1)} | ${fixed(percentile(series, 0.99), 1)} | ${fixed(Math.max(...series), 1)} |`,
  );
}
process.exit(0);
