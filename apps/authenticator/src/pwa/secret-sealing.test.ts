import { describe, expect, it } from 'vitest';
import { generateSealingKey, openSecret, sealSecret } from './secret-sealing.ts';

describe('secret sealing (PWA storage)', () => {
  it('round-trips a secret under a non-extractable key, without the plaintext in the record', async () => {
    const key = await generateSealingKey();
    expect(key.extractable).toBe(false);
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const sealed = await sealSecret(key, 'dev-1', secret);
    expect(new TextDecoder().decode(sealed.data)).not.toContain(secret);
    expect(await openSecret(key, 'dev-1', sealed)).toBe(secret);
  });

  it('refuses a sealed secret moved to another account, or opened with another key', async () => {
    const key = await generateSealingKey();
    const sealed = await sealSecret(key, 'dev-1', 'GEZDGNBV');
    await expect(openSecret(key, 'dev-2', sealed)).rejects.toThrow();
    await expect(openSecret(await generateSealingKey(), 'dev-1', sealed)).rejects.toThrow();
  });
});
