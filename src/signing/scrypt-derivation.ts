import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { scryptInBackground } from './scrypt-worker';

/**
 * Every scrypt derivation of the app goes through here (password hashes, private keys at
 * rest), so that the clinic host can run them off the event loop without making dispatch
 * asynchronous: better-sqlite3 transactions are synchronous, so a derivation cannot be
 * awaited inside one. Instead, inside `withDerivations`, a derivation that is not in the memo
 * throws DerivationNeeded; the caller rolls back, derives in a low-priority background thread
 * (scrypt-worker.ts), adds the result to the memo and runs the call again.
 * Outside `withDerivations` a derivation is synchronous, as it always was.
 */

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
  /** The memory Node must be allowed for N and r; it does not change the result. */
  maxmemBytes: number;
}

export type DerivationRequest =
  | { kind: 'given-salt'; password: string; salt: Buffer; keyLengthBytes: number; cost: ScryptCost }
  /** A new hash or key: the salt is random, so the memo hands out a precomputed pair. */
  | { kind: 'fresh-salt'; password: string; saltLengthBytes: number; keyLengthBytes: number; cost: ScryptCost };

export interface Derived {
  salt: Buffer;
  key: Buffer;
}

/** Thrown inside `withDerivations` when the memo lacks a derivation; carries what to derive. */
export class DerivationNeeded extends Error {
  // Non-enumerable (set below), so a logged or inspected error does not print the password.
  declare readonly request: DerivationRequest;

  constructor(request: DerivationRequest) {
    super('A scrypt derivation is needed before this call can run without blocking.');
    this.name = 'DerivationNeeded';
    Object.defineProperty(this, 'request', { value: request, enumerable: false });
  }
}

function deriveSync(password: string, salt: Buffer, keyLengthBytes: number, cost: ScryptCost): Buffer {
  return scryptSync(password, salt, keyLengthBytes, { N: cost.N, r: cost.r, p: cost.p, maxmem: cost.maxmemBytes });
}

function deriveAsync(password: string, salt: Buffer, keyLengthBytes: number, cost: ScryptCost): Promise<Buffer> {
  return scryptInBackground(password, salt, keyLengthBytes, {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: cost.maxmemBytes,
  });
}

/** An unambiguous memo key: each part length-prefixed, hashed so no password sits in a Map key. */
function memoKey(parts: readonly (string | number | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = Buffer.isBuffer(part) ? part : Buffer.from(String(part), 'utf8');
    hash.update(`${typeof part}:${bytes.length}:`).update(bytes);
  }
  return hash.digest('base64');
}

function keyOf(request: DerivationRequest): string {
  const { N, r, p } = request.cost;
  return request.kind === 'given-salt'
    ? memoKey(['given', request.password, request.salt, request.keyLengthBytes, N, r, p])
    : memoKey(['fresh', request.password, request.saltLengthBytes, request.keyLengthBytes, N, r, p]);
}

/** Results of derivations for one call (all its runs); wipe it when the call is answered. */
export class DerivationMemo {
  private readonly givenSalt = new Map<string, Buffer>();
  /** Fresh pairs per password and cost, handed out in order within one run. */
  private readonly freshSalt = new Map<string, Derived[]>();

  add(request: DerivationRequest, derived: Derived): void {
    const key = keyOf(request);
    if (request.kind === 'given-salt') {
      this.givenSalt.set(key, derived.key);
      return;
    }
    const list = this.freshSalt.get(key) ?? [];
    list.push(derived);
    this.freshSalt.set(key, list);
  }

  lookupGiven(request: DerivationRequest): Buffer | undefined {
    return this.givenSalt.get(keyOf(request));
  }

  lookupFresh(request: DerivationRequest, index: number): Derived | undefined {
    return this.freshSalt.get(keyOf(request))?.[index];
  }

  /** Derives off the event loop and remembers the result. */
  async fulfil(request: DerivationRequest): Promise<void> {
    const salt = request.kind === 'given-salt' ? request.salt : randomBytes(request.saltLengthBytes);
    this.add(request, { salt, key: await deriveAsync(request.password, salt, request.keyLengthBytes, request.cost) });
  }

  fulfilSync(request: DerivationRequest): void {
    const salt = request.kind === 'given-salt' ? request.salt : randomBytes(request.saltLengthBytes);
    this.add(request, { salt, key: deriveSync(request.password, salt, request.keyLengthBytes, request.cost) });
  }

  /**
   * Zeroes and drops the fresh pairs only. A memo kept across calls (the demo's) calls this after
   * each one, so that no salt is ever handed out twice; its checks of existing hashes stay.
   */
  forgetFresh(): void {
    for (const list of this.freshSalt.values()) for (const pair of list) pair.key.fill(0);
    this.freshSalt.clear();
  }

  /** Zeroes every derived key: they are password equivalents. */
  wipe(): void {
    for (const key of this.givenSalt.values()) key.fill(0);
    for (const list of this.freshSalt.values()) for (const pair of list) pair.key.fill(0);
    this.givenSalt.clear();
    this.freshSalt.clear();
  }
}

/** 'throw': a miss throws DerivationNeeded. 'derive': a miss derives synchronously (the fallback). */
export type OnMiss = 'throw' | 'derive';

interface Scope {
  memo: DerivationMemo;
  onMiss: OnMiss;
  /** How many fresh pairs per memo key this run has taken: a re-run starts again at 0. */
  freshTaken: Map<string, number>;
}

let scope: Scope | undefined;

/** Runs `fn` (synchronously) with derivations answered from `memo`; the state ends with `fn`. */
export function withDerivations<T>(memo: DerivationMemo, fn: () => T, onMiss: OnMiss = 'throw'): T {
  const previous = scope;
  scope = { memo, onMiss, freshTaken: new Map() };
  try {
    return fn();
  } finally {
    scope = previous;
  }
}

/** Callers zero the keys they get (fill(0)): hand out copies so the memo stays intact. */
function copy(derived: Derived): Derived {
  return { salt: Buffer.from(derived.salt), key: Buffer.from(derived.key) };
}

function derive(request: DerivationRequest): Derived {
  if (scope === undefined) {
    const salt = request.kind === 'given-salt' ? request.salt : randomBytes(request.saltLengthBytes);
    return { salt, key: deriveSync(request.password, salt, request.keyLengthBytes, request.cost) };
  }
  const { memo, onMiss, freshTaken } = scope;
  if (request.kind === 'given-salt') {
    let key = memo.lookupGiven(request);
    if (key === undefined) {
      if (onMiss === 'throw') throw new DerivationNeeded(request);
      memo.fulfilSync(request);
      key = memo.lookupGiven(request);
    }
    if (key === undefined) throw new Error('scrypt derivation missing after deriving it');
    return copy({ salt: request.salt, key });
  }
  const memoId = keyOf(request);
  const index = freshTaken.get(memoId) ?? 0;
  let pair = memo.lookupFresh(request, index);
  if (pair === undefined) {
    if (onMiss === 'throw') throw new DerivationNeeded(request);
    memo.fulfilSync(request);
    pair = memo.lookupFresh(request, index);
  }
  if (pair === undefined) throw new Error('scrypt derivation missing after deriving it');
  // Each fresh pair is used at most once per run, so two new hashes in one call never share a salt.
  freshTaken.set(memoId, index + 1);
  return copy(pair);
}

/** scrypt of `password` with an existing salt (checking a password, opening a key). */
export function deriveWithSalt(password: string, salt: Uint8Array, keyLengthBytes: number, cost: ScryptCost): Buffer {
  return derive({ kind: 'given-salt', password, salt: Buffer.from(salt), keyLengthBytes, cost }).key;
}

/** scrypt of `password` with a new random salt (a new hash, a newly protected key). */
export function deriveWithFreshSalt(
  password: string,
  saltLengthBytes: number,
  keyLengthBytes: number,
  cost: ScryptCost,
): Derived {
  return derive({ kind: 'fresh-salt', password, saltLengthBytes, keyLengthBytes, cost });
}
