/**
 * `npm run bench:enrollment`: how soon the QR page hears that the phone has registered
 * (DESIGN.md: "the browser learns of an enrollment … within 1 s of the app's request").
 *
 * Each round: a new account signs in (password step) on an identity app listening on a real
 * port, opens its QR page and its event stream, then a device activates with the page's link.
 * Measured: from the moment the activation request is sent to the moment the page's stream
 * says `enrolled`. With --redis (REDIS_URL or redis://127.0.0.1:6379) the device talks to a
 * second identity instance on the same database, so the news crosses Redis pub/sub.
 * Options: --rounds 30
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../apps/identity/src/app.ts';
import { BrowserSession } from '../apps/identity/test/browser-session.ts';
import { cheapArgon2 } from '../apps/identity/test/build-test-app.ts';
import { freePort, listenTestApp } from '../apps/identity/test/listen-test-app.ts';
import { interactionPath, passwordStep } from '../apps/identity/test/mfa-kit.ts';
import { percentile } from './measure.ts';
import { describeMachine, fixed } from './report.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    redis: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const redisUrl = values.redis ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;

const t = await listenTestApp('sqlite', redisUrl ? { REDIS_URL: redisUrl } : {}, {
  orgMfaRequired: true,
});
const devicePort = redisUrl ? await freePort() : undefined;
const second = redisUrl
  ? await buildApp(t.config, {
      db: t.db,
      now: () => t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    })
  : undefined;
if (second && devicePort) await second.listen({ host: '127.0.0.1', port: devicePort });
const deviceOrigin = devicePort ? `http://127.0.0.1:${devicePort}` : t.url;

/** Open the page's stream; resolves once the server is listening (its first comment), with a promise of the next event. */
async function openStream(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  if (!response.body) throw new Error(`no stream: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const read = async (until: RegExp) => {
    for (;;) {
      const match = until.exec(text);
      if (match) return match;
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
  };
  await read(/: waiting/);
  const event = read(/event: (\w+)/).then(async (match) => {
    await reader.cancel();
    return match[1];
  });
  return { event };
}

async function oneRound(i: number): Promise<{ latencyMs: number; activateMs: number }> {
  const username = `bench-enroll-${i}`;
  await t.createUser({ username, password: 'banc d’essai 2026' });
  const browser = new BrowserSession(t.app, t.url);
  const base = interactionPath(
    (await passwordStep(browser, username, 'banc d’essai 2026')).location,
  );
  const page = await browser.get(`${base}/enroll/sesame-verify/qr?platform=ios`);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(page.body)?.[1];
  if (!token) throw new Error('no activation link on the QR page');
  const cookie = browser.cookieHeader(`${base}/enroll/sesame-verify/events`);
  const stream = await openStream(`${t.url}${base}/enroll/sesame-verify/events`, cookie);
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const sent = performance.now();
  const activation = await fetch(`${deviceOrigin}/api/device/activate`, {
    method: 'POST',
    headers: { authorization: `Activation ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ publicKey: { kty, crv, x, y }, platform: 'ios', deviceName: 'iPhone' }),
  });
  const answered = performance.now();
  if (activation.status !== 201) throw new Error(`activation refused: ${activation.status}`);
  if ((await stream.event) !== 'enrolled') throw new Error('the page heard something else');
  return { latencyMs: performance.now() - sent, activateMs: answered - sent };
}

const results = [];
for (let i = 0; i < rounds; i += 1) results.push(await oneRound(i));
await second?.close();
await t.close();

const latency = results.map((r) => r.latencyMs);
const activate = results.map((r) => r.activateMs);
const machine = describeMachine();
console.log(
  `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}; load average ${fixed(machine.loadAverage1m, 2)}`,
);
console.log(
  `${rounds} enrollments, events ${redisUrl ? 'across two instances through Redis' : 'in one process'}\n`,
);
console.log('| measure | p50 ms | p95 ms | max ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, values_] of [
  ['activation request answered', activate],
  ['page hears `enrolled` (from the request sent)', latency],
] as const) {
  console.log(
    `| ${name} | ${fixed(percentile(values_, 0.5), 1)} | ${fixed(percentile(values_, 0.95), 1)} | ${fixed(Math.max(...values_), 1)} |`,
  );
}
const worst = Math.max(...latency);
console.log(
  `\nverdict: ${worst < 1000 ? 'every page heard of its enrollment within 1 s' : `slowest ${fixed(worst, 0)} ms ≥ 1 s → target NOT met`}`,
);
