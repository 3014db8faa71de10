import type { Answer } from '../domain/exam';
import { formatDateTime } from '../domain/time';

/** Words printed for recorded values: an unknown value reads "Not known", never blank. */
export function answerWords(answer: Answer | 'yes' | 'no'): string {
  if (answer === 'yes') return 'Yes';
  if (answer === 'no') return 'No';
  return 'Not known';
}

export function orNone(value: string, none = 'None recorded'): string {
  return value.trim() === '' ? none : value.trim();
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "23-Nov-2026 14:05 UTC−05:00" in the clinic's zone. */
export function clinicTime(instantIso: string, timeZone: string): string {
  return formatDateTime(instantIso, timeZone);
}

/** "Signed by Ana Ruiz, MD — authored — 23-Nov-2026 14:05 UTC−05:00" (UI conventions). */
export function signatureLine(
  signature: { printedName: string; meaning: string; signedAt: string },
  timeZone: string,
): string {
  return `Signed by ${signature.printedName} — ${signature.meaning} — ${clinicTime(signature.signedAt, timeZone)}`;
}
