import { scryptSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DerivationRequest, ScryptCost } from '../../src/signing/scrypt-derivation';
import {
  DerivationMemo,
  DerivationNeeded,
  deriveWithFreshSalt,
  deriveWithSalt,
  withDerivations,
} from '../../src/signing/scrypt-derivation';

// Cheap on purpose: these tests are about the memo, not the cost.
const cost: ScryptCost = { N: 1024, r: 8, p: 1, maxmemBytes: 32 * 1024 * 1024 };
const otherCost: ScryptCost = { N: 2048, r: 8, p: 1, maxmemBytes: 32 * 1024 * 1024 };
const password = 'Secret-password-2026 ✓';
const salt = Buffer.from('0123456789abcdef');

function reference(pw: string, s: Uint8Array, c: ScryptCost = cost): Buffer {
  return scryptSync(pw, s, 32, { N: c.N, r: c.r, p: c.p, maxmem: c.maxmemBytes });
}

/** The request a run asks for, or undefined when it completes. */
function missOf(run: () => unknown): DerivationRequest | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DerivationNeeded) return error.request;
    throw error;
  }
}

describe('scrypt derivations', () => {
  it('derive synchronously outside withDerivations, as before', () => {
    expect(deriveWithSalt(password, salt, 32, cost)).toEqual(reference(password, salt));
    const fresh = deriveWithFreshSalt(password, 16, 32, cost);
    expect(fresh.salt).toHaveLength(16);
    expect(fresh.key).toEqual(reference(password, fresh.salt));
  });

  it('ask for a missing derivation without showing the password, and answer from the memo once added', async () => {
    const memo = new DerivationMemo();
    const request = missOf(() => withDerivations(memo, () => deriveWithSalt(password, salt, 32, cost)));
    expect(request).toMatchObject({ kind: 'given-salt', password, salt, keyLengthBytes: 32, cost });
    let thrown: unknown;
    try {
      withDerivations(memo, () => deriveWithSalt(password, salt, 32, cost));
    } catch (error) {
      thrown = error;
    }
    expect(inspect(thrown)).not.toContain(password);
    expect(JSON.stringify(thrown)).not.toContain(password);

    if (request === undefined) throw new Error('expected a miss');
    await memo.fulfil(request);
    const key = withDerivations(memo, () => deriveWithSalt(password, salt, 32, cost));
    expect(key).toEqual(reference(password, salt));
    // Callers zero their key after use: the memo must not be zeroed with it.
    key.fill(0);
    expect(withDerivations(memo, () => deriveWithSalt(password, salt, 32, cost))).toEqual(reference(password, salt));
    // Another salt, password or cost is another derivation.
    expect(
      missOf(() => withDerivations(memo, () => deriveWithSalt(password, Buffer.alloc(16), 32, cost))),
    ).toBeDefined();
    expect(missOf(() => withDerivations(memo, () => deriveWithSalt(`${password}!`, salt, 32, cost)))).toBeDefined();
    expect(missOf(() => withDerivations(memo, () => deriveWithSalt(password, salt, 32, otherCost)))).toBeDefined();
  });

  it('hand out precomputed fresh salts in order, one per new hash within a run', async () => {
    const memo = new DerivationMemo();
    const run = () =>
      withDerivations(memo, () => [
        deriveWithFreshSalt(password, 16, 32, cost),
        deriveWithFreshSalt(password, 16, 32, cost),
      ]);
    for (let round = 0; round < 2; round += 1) {
      const request = missOf(run);
      expect(request).toMatchObject({ kind: 'fresh-salt', password, saltLengthBytes: 16 });
      if (request === undefined) throw new Error('expected a miss');
      await memo.fulfil(request);
    }
    const [first, second] = run();
    if (first === undefined || second === undefined) throw new Error('expected two derivations');
    expect(first.salt.equals(second.salt)).toBe(false);
    expect(first.key).toEqual(reference(password, first.salt));
    expect(second.key).toEqual(reference(password, second.salt));
    // A re-run gets the same pairs in the same order, so it writes what the first run computed.
    const again = run();
    expect(again.map((pair) => pair.salt)).toEqual([first.salt, second.salt]);
  });

  it('derive what is missing synchronously in the fallback mode, and end the scope with the call', () => {
    const memo = new DerivationMemo();
    const key = withDerivations(memo, () => deriveWithSalt(password, salt, 32, cost), 'derive');
    expect(key).toEqual(reference(password, salt));
    expect(memo.lookupGiven({ kind: 'given-salt', password, salt, keyLengthBytes: 32, cost })).toEqual(key);
    expect(() =>
      withDerivations(memo, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    // Out of every scope again: a new derivation is plain synchronous scrypt, not a miss.
    expect(deriveWithSalt(password, Buffer.alloc(16, 1), 32, cost)).toEqual(reference(password, Buffer.alloc(16, 1)));
  });

  it('zero every remembered key on wipe', async () => {
    const memo = new DerivationMemo();
    const request: DerivationRequest = { kind: 'given-salt', password, salt, keyLengthBytes: 32, cost };
    await memo.fulfil(request);
    const stored = memo.lookupGiven(request);
    memo.wipe();
    expect(stored?.every((byte) => byte === 0)).toBe(true);
    expect(memo.lookupGiven(request)).toBeUndefined();
  });

  it('forget fresh pairs but keep checks of existing salts, so a memo kept across calls never reuses a salt', () => {
    const memo = new DerivationMemo();
    const first = withDerivations(memo, () => deriveWithFreshSalt(password, 16, 32, cost), 'derive');
    const given = withDerivations(memo, () => deriveWithSalt(password, salt, 32, cost), 'derive');
    const kept = memo.lookupFresh({ kind: 'fresh-salt', password, saltLengthBytes: 16, keyLengthBytes: 32, cost }, 0);
    expect(kept?.salt).toEqual(first.salt);
    memo.forgetFresh();
    expect(kept?.key.every((byte) => byte === 0)).toBe(true);
    const second = withDerivations(memo, () => deriveWithFreshSalt(password, 16, 32, cost), 'derive');
    expect(second.salt.equals(first.salt)).toBe(false);
    expect(second.key).toEqual(reference(password, second.salt));
    expect(memo.lookupGiven({ kind: 'given-salt', password, salt, keyLengthBytes: 32, cost })).toEqual(given);
  });
});
