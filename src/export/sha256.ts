import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A UUID derived from a name (RFC 9562 version 8, "custom"): the same name always gives the
 * same UUID, which keeps the bundle's fullUrls deterministic. SHA-256 rather than v5's SHA-1.
 */
export function nameBasedUuid(name: string): string {
  const hex = sha256Hex(name).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
