import type { Signature } from '../../domain/record';
import type { RecordVersionView } from '../../domain/record-view';
import { exportDateTime } from '../local-time';

/** "23-Nov-2026 14:05 UTC−05:00": the printed form next to each UTC column. */
export function localTime(instant: string | null, timeZone: string): string | null {
  return instant === null ? null : exportDateTime(instant, timeZone);
}

/** "Ana Ruiz, MD — authored — 23-Nov-2026 14:05 UTC−05:00", as on the signed summary. */
export function signatureLine(
  signature: Pick<Signature, 'printedName' | 'signedAt'> & { meaning: string },
  timeZone: string,
): string {
  return `${signature.printedName} — ${signature.meaning} — ${exportDateTime(signature.signedAt, timeZone)}`;
}

export function signatureLines(version: RecordVersionView, timeZone: string): string {
  return version.signatures.map((signature) => signatureLine(signature, timeZone)).join('; ');
}
