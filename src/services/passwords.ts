import { timingSafeEqual } from 'node:crypto';
import type { ScryptCost } from '../signing/scrypt-derivation';
import { deriveWithFreshSalt, deriveWithSalt } from '../signing/scrypt-derivation';

/** scrypt cost: N = 2^17, r = 8, p = 1 (OWASP's minimum for scrypt), 32-byte key. */
const cost = { N: 2 ** 17, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLengthBytes = 16;

function costOf(params: { N: number; r: number; p: number }): ScryptCost {
  // scrypt needs 128 · N · r bytes; allow twice that so Node does not refuse.
  return { ...params, maxmemBytes: 256 * params.N * params.r };
}

/** `scrypt$N$r$p$salt$hash` with base64 salt and hash: the cost is stored with each hash. */
export function hashPassword(password: string): string {
  const { salt, key: hash } = deriveWithFreshSalt(password.normalize('NFC'), saltLengthBytes, keyLength, costOf(cost));
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = deriveWithSalt(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64'),
    keyLength,
    costOf({ N: Number(n), r: Number(r), p: Number(p) }),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let decoy: string | undefined;

/**
 * Spends the same time as a real check, so that an unknown username cannot be told
 * apart from a wrong password by how long the answer takes.
 */
export function verifyAgainstDecoy(password: string): false {
  decoy ??= hashPassword('decoy password that matches nothing');
  verifyPassword(password, decoy);
  return false;
}
