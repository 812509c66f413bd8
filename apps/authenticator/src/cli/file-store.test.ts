import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredAccount } from '../core/account-store.ts';
import { generateDeviceKeys } from '../core/device-keys.ts';
import { signDeviceRequest } from '../core/sign-device-request.ts';
import { createFileStore, defaultStatePath } from './file-store.ts';

async function account(id: string, createdAt: number): Promise<StoredAccount> {
  const keys = await generateDeviceKeys({ extractable: true });
  return {
    id,
    issuer: 'https://id.example.com',
    username: 'demo',
    displayName: 'Dominique Demo',
    deviceName: 'laptop',
    platform: 'other',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    privateKey: keys.privateKey,
    createdAt,
  };
}

describe('file store (CLI)', () => {
  it('keeps accounts across instances, with a working private key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-verify-'));
    try {
      const path = join(dir, 'accounts.json');
      await createFileStore(path).put(await account('b', 2));
      await createFileStore(path).put(await account('a', 1));
      const store = createFileStore(path);
      expect((await store.list()).map((a) => a.id)).toEqual(['a', 'b']);
      const loaded = await store.get('a');
      expect(loaded?.secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
      const jws = await signDeviceRequest({
        privateKey: loaded?.privateKey as CryptoKey,
        deviceId: 'a',
        method: 'GET',
        url: 'https://id.example.com/api/device/me',
        nowMs: 0,
      });
      expect(jws.split('.')).toHaveLength(3);
      expect((await store.rename('a', '  Work   laptop '))?.label).toBe('Work laptop');
      expect(await store.rename('zzz', 'x')).toBeUndefined();
      await store.remove('b');
      expect((await store.list()).map((a) => [a.id, a.label])).toEqual([['a', 'Work laptop']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-verify-'));
    try {
      const path = join(dir, 'accounts.json');
      await writeFile(path, '{"hello": 1}');
      await expect(createFileStore(path).list()).rejects.toThrow(/not a Sesame Verify state file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lives under ~/.config unless SESAME_VERIFY_STATE says otherwise', () => {
    expect(defaultStatePath({ SESAME_VERIFY_STATE: '/tmp/x.json' })).toBe('/tmp/x.json');
    expect(defaultStatePath({})).toMatch(/\.config\/sesame-verify\/accounts\.json$/);
  });
});
