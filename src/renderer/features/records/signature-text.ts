import type { Signature } from '../../../domain/record';
import { formatDateTime } from '../../../domain/time';

/** "Signed by Ana Ruiz, MD — authored — 23-Nov-2026 14:05 UTC−05:00" */
export function signatureText(
  signature: Pick<Signature, 'printedName' | 'meaning' | 'signedAt'>,
  zone: string,
): string {
  return `Signed by ${signature.printedName} — ${signature.meaning} — ${formatDateTime(signature.signedAt, zone)}`;
}
