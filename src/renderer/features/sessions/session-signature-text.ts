import { formatDateTime } from '../../../domain/time';

/** "Signed by Nora Kim, RN — performed — 23-Nov-2026 14:05 UTC−05:00" */
export function sessionSignatureText(
  signature: { printedName: string; meaning: string; signedAt: string },
  zone: string,
): string {
  return `Signed by ${signature.printedName} — ${signature.meaning} — ${formatDateTime(signature.signedAt, zone)}`;
}
