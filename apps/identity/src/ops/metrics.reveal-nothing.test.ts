import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  cheapArgon2,
  openTestDb,
  type TestApp,
  testBackends,
} from '../../test/build-test-app.ts';
import { freePort } from '../../test/listen-test-app.ts';
import { attempt, gotCode } from '../../test/sign-in-kit.ts';
import { loadConfig } from '../config.ts';
import { startIdentity } from '../main.ts';

const password = 'rivière gelée 2026';
const token = randomBytes(32).toString('base64url');

function getMetrics(t: TestApp, authorization?: string) {
  return t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: authorization === undefined ? {} : { authorization },
  });
}

/** The sign-in counter's samples: label set → value. */
function signInSamples(exposition: string): Record<string, number> {
  const samples: Record<string, number> = {};
  for (const line of exposition.split('\n')) {
    const match = /^sesame_sign_in_attempts_total(\{[^}]*\})? (\S+)$/.exec(line);
    if (match) samples[match[1] ?? ''] = Number(match[2]);
  }
  return samples;
}

describe.each(testBackends())('operations reveal nothing (G-42) (%s)', (backend) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('does not serve metrics on the public listener when nothing is configured', async () => {
    t = await buildTestApp(backend);
    expect((await getMetrics(t)).statusCode).toBe(404);
    expect((await getMetrics(t, `Bearer ${token}`)).statusCode).toBe(404);
  });

  it('serves metrics on the public listener only to the holder of the token', async () => {
    t = await buildTestApp(backend, { SESAME_METRICS_TOKEN: token });
    const refusals = [
      undefined,
      'Bearer',
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token}x`,
      `Bearer ${token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
      `Basic ${Buffer.from(`prometheus:${token}`).toString('base64')}`,
      token,
    ];
    for (const authorization of refusals) {
      const refused = await getMetrics(t, authorization);
      expect(refused.statusCode, String(authorization)).toBe(401);
      expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(refused.json()).toMatchObject({ error: 'metrics.unauthorized' });
      expect(refused.body).not.toContain('sesame_');
    }
    const served = await getMetrics(t, `Bearer ${token}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toMatch(/^text\/plain/);
    expect(served.body).toContain('# TYPE sesame_sign_in_attempts_total counter');
  });

  it('counts unknown account, wrong password and locked account as one failure label', async () => {
    t = await buildTestApp(backend, { SESAME_METRICS_TOKEN: token });
    const read = async () =>
      signInSamples((await getMetrics(t as TestApp, `Bearer ${token}`)).body);

    await attempt(t, 'nobody', password);
    const afterUnknown = await read();
    const id = await t.createUser({ username: 'alice', password });
    await attempt(t, 'alice', 'not the password');
    const afterWrong = await read();
    await t.db.updateTable('accounts').set({ locked: 1 }).where('id', '=', id).execute();
    await attempt(t, 'alice', password);
    const afterLocked = await read();
    await t.db.updateTable('accounts').set({ locked: 0 }).where('id', '=', id).execute();
    expect(gotCode(await attempt(t, 'alice', password))).toBe(true);

    // Each kind of failure moves the same sample by one: none can be told from another.
    expect(afterUnknown).toEqual({ '{result="failure"}': 1 });
    expect(afterWrong).toEqual({ '{result="failure"}': 2 });
    expect(afterLocked).toEqual({ '{result="failure"}': 3 });
    const exposition = (await getMetrics(t, `Bearer ${token}`)).body;
    expect(signInSamples(exposition)).toEqual({
      '{result="failure"}': 3,
      '{result="success"}': 1,
    });
    expect(exposition).not.toMatch(/unknown_account|bad_password|account_locked|throttled/);
  });

  describe('with a metrics listener of its own', () => {
    let close: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await close?.();
      close = undefined;
    });

    async function start(env: Record<string, string>) {
      const [port, metricsPort] = [await freePort(), await freePort()];
      const testDb = await openTestDb(backend);
      const config = loadConfig({
        SESAME_SECRET_KEY: randomBytes(32).toString('base64'),
        SESAME_HOST: '127.0.0.1',
        SESAME_PORT: String(port),
        SESAME_METRICS_PORT: String(metricsPort),
        LOG_LEVEL: 'silent',
        ...env,
      });
      const identity = await startIdentity(config, { db: testDb.db, argon2: cheapArgon2 });
      close = async () => {
        await identity.close();
        await testDb.close();
      };
      return {
        publicMetrics: `http://127.0.0.1:${port}/metrics`,
        ownMetrics: `http://127.0.0.1:${metricsPort}/metrics`,
      };
    }

    it('serves metrics there, and never on the public listener', async () => {
      const { publicMetrics, ownMetrics } = await start({});
      expect((await fetch(publicMetrics)).status).toBe(404);
      const served = await fetch(ownMetrics);
      expect(served.status).toBe(200);
      expect(await served.text()).toContain('sesame_sign_in_attempts_total');
      // The metrics listener serves nothing else.
      expect((await fetch(ownMetrics.replace('/metrics', '/healthz'))).status).toBe(404);
    });

    it('asks for the token there too when one is configured', async () => {
      const { publicMetrics, ownMetrics } = await start({ SESAME_METRICS_TOKEN: token });
      const authorization = `Bearer ${token}`;
      expect((await fetch(publicMetrics, { headers: { authorization } })).status).toBe(404);
      expect((await fetch(ownMetrics)).status).toBe(401);
      expect((await fetch(ownMetrics, { headers: { authorization } })).status).toBe(200);
    });
  });
});
