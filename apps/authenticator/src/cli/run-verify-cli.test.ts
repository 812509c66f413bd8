import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceApiPaths, deviceProofType } from '@sesame/contracts';
import { compactVerify, importJWK, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../core/totp.ts';
import { createFileStore } from './file-store.ts';
import { runVerifyCli, type VerifyCliIo } from './run-verify-cli.ts';

const issuer = 'https://id.example.com';
const token = 'q1w2e3r4t5y6u7i8o9p0aZ';
const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const nowMs = 59_000;

/** A fake identity server: one activation token, one manual code, devices it remembers. */
function fakeServer() {
  const devices = new Map<string, JWK>();
  let nextId = 1;
  let online = true;
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    if (!online) throw new TypeError('fetch failed');
    const url = String(input);
    const headers = new Headers(init.headers);
    if (url === `${issuer}${deviceApiPaths.activate}` && init.method === 'POST') {
      const body = JSON.parse(String(init.body));
      const byToken = headers.get('authorization') === `Activation ${token}`;
      const byCode = body.username === 'demo' && body.activationCode === 'ABCD2345';
      if (!byToken && !byCode)
        return Response.json({ error: 'activation.invalid', message: '' }, { status: 401 });
      const deviceId = `dev-${nextId++}`;
      devices.set(deviceId, body.publicKey);
      return Response.json({
        deviceId,
        account: { issuer, username: 'demo', displayName: 'Dominique Demo' },
        totp: { secret, algorithm: 'SHA1', digits: 6, periodSeconds: 30 },
      });
    }
    if (url === `${issuer}${deviceApiPaths.me}` && init.method === 'DELETE') {
      const jws = headers.get('authorization')?.replace(/^Device /, '') ?? '';
      const { payload, protectedHeader } = await compactVerify(jws, async (header) =>
        importJWK(devices.get(header.kid ?? '') ?? {}, 'ES256'),
      ).catch(() => ({ payload: undefined, protectedHeader: undefined }));
      if (!payload || protectedHeader?.typ !== deviceProofType)
        return new Response(null, { status: 401 });
      const claims = JSON.parse(new TextDecoder().decode(payload));
      if (claims.htm !== 'DELETE' || claims.htu !== url) return new Response(null, { status: 401 });
      devices.delete(protectedHeader.kid ?? '');
      return new Response(null, { status: 204 });
    }
    return new Response(null, { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, devices, goOffline: () => (online = false) };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function harness(server = fakeServer()) {
  const out: string[] = [];
  const err: string[] = [];
  const statePath = join(dir, 'nested', 'accounts.json');
  const io: VerifyCliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    fetch: server.fetch,
    store: createFileStore(statePath),
    now: () => nowMs,
    hostname: 'build-box',
  };
  const run = async (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    return runVerifyCli(argv, io);
  };
  return { run, out, err, server, statePath };
}

describe('sesame-verify CLI', () => {
  it('adds an account from the QR link, then prints its code', async () => {
    const { run, out, server, statePath } = harness();
    expect(await run('add', `${issuer}/app/activate#token=${token}`, '--name', 'laptop')).toBe(0);
    expect(out[0]).toBe('Added demo (Dominique Demo) at id.example.com, device "laptop".');
    expect(out[1]).toBe('Code: 287 082');
    expect(server.devices.size).toBe(1);
    expect(await run('code')).toBe(0);
    expect(out).toEqual(['287082']);
    // The state file is private to its owner, and so is its directory.
    expect((await stat(statePath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    expect(state.accounts[0].privateKeyJwk.d).toBeTypeOf('string');
  });

  it('adds an account with the activation code typed by hand', async () => {
    const { run, out } = harness();
    const code = await run(
      'add',
      '--issuer',
      'id.example.com',
      '--username',
      'demo',
      '--code',
      'abcd-2345',
    );
    expect(code).toBe(0);
    expect(out[0]).toContain('device "build-box"');
  });

  it('lists, renames, and prints the codes of every account', async () => {
    const { run, out } = harness();
    await run('add', `${issuer}/app/activate#token=${token}`);
    await run('add', `${issuer}/app/activate#token=${token}`, '--name', 'second');
    expect(await run('list')).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      /^demo@id\.example\.com {2}device "build-box" {2}added 1970-01-01 {2}id dev-1$/,
    );
    expect(await run('code', 'demo')).toBe(1);
    expect(await run('rename', 'dev-2', 'Work')).toBe(0);
    expect(await run('code')).toBe(0);
    const expected = totpCode({ secret, nowMs });
    expect(out).toEqual([
      `${expected}  demo@id.example.com`,
      `${expected}  demo@id.example.com (Work)`,
    ]);
    expect(await run('code', 'work')).toBe(0);
    expect(out).toEqual([expected]);
  });

  it('removes an account with a signed DELETE, then locally', async () => {
    const { run, out, server } = harness();
    await run('add', `${issuer}/app/activate#token=${token}`);
    expect(await run('remove', 'demo@id.example.com')).toBe(0);
    expect(out).toEqual(['Removed demo@id.example.com.']);
    expect(server.devices.size).toBe(0);
    expect(await run('list')).toBe(0);
    expect(out).toEqual([]);
  });

  it('keeps the account when the server is unreachable, unless --force', async () => {
    const { run, err, server } = harness();
    await run('add', `${issuer}/app/activate#token=${token}`);
    server.goOffline();
    expect(await run('remove', 'demo')).toBe(1);
    expect(err).toEqual([
      'sesame-verify: could not reach the server; --force removes it from this computer only',
    ]);
    expect(await run('remove', 'demo', '--force')).toBe(0);
    expect(await run('code')).toBe(1);
  });

  it('fails with one line and exit code 1 on a refused or hostile activation', async () => {
    const { run, err } = harness();
    expect(await run('add', `${issuer}/app/activate#token=wrongwrongwrongwrong`)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^sesame-verify: activation refused/);
    expect(await run('add', 'javascript:alert(1)')).toBe(1);
    expect(err).toEqual([
      'sesame-verify: not a Sesame Verify activation link (expected <server>/app/activate#token=…)',
    ]);
  });

  it('exits with 2 on usage errors', async () => {
    const { run, err } = harness();
    expect(await run()).toBe(2);
    expect(await run('frobnicate')).toBe(2);
    expect(await run('add')).toBe(2);
    expect(await run('add', 'link', '--code', 'X')).toBe(2);
    expect(await run('code', '--bogus')).toBe(2);
    expect(err).toHaveLength(1);
    expect(await run('help')).toBe(0);
  });
});
