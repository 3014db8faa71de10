import { hash } from 'node:crypto';

/**
 * SHA-256 of the UTF-8 text, as lowercase hex. The one-shot `crypto.hash` (Node ≥ 20.12) gives
 * the same digest as createHash().update().digest() without building a Hash object: it runs
 * twice for every audited write (row digest, chain hash).
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
