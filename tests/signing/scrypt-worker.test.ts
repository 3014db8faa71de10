import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scryptInBackground, scryptThreadPriority } from '../../src/signing/scrypt-worker';

const options = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

describe('scrypt in low-priority background threads', () => {
  it('derives the same key as scryptSync, for concurrent requests', async () => {
    const salts = [Buffer.from('salt-one'), Buffer.from('salt-two'), Buffer.from('salt-three')];
    const keys = await Promise.all(salts.map((salt) => scryptInBackground('pässword', salt, 32, options)));
    keys.forEach((key, index) =>
      expect(key.equals(scryptSync('pässword', salts[index] ?? '', 32, options))).toBe(true),
    );
  });

  it('refuses parameters scrypt refuses, as scryptSync does', async () => {
    await expect(scryptInBackground('x', Buffer.from('s'), 32, { ...options, N: 1000 })).rejects.toThrow();
  });

  it.runIf(process.platform === 'linux')('runs at the lowest priority, so sign-ins yield to the devices', async () => {
    expect(await scryptThreadPriority()).toBe(19);
  });
});
