import type { FieldIssue } from '../../../contract/errors';
import type { TimingFinding } from '../../../domain/session-timing';
import type { EntryValues, WitnessValues } from './entry-values';
import { parseOccurredAt } from './occurred-at';

export interface EntryRequest<B> {
  occurredAt: string;
  body: B;
  /** The reason for a correction; empty for a new entry. */
  reason: string;
  witness: WitnessValues | undefined;
  /** Why it goes ahead at a time the plan does not allow; absent when nothing was surfaced. */
  timingReason: string | undefined;
}

export interface EntryRules<V, B> {
  zone: string;
  correcting: boolean;
  /** Reads the typed content; problems are noted with paths inside the content. */
  build: (content: V, issues: FieldIssue[]) => B | null;
  /** Whether this entry needs a witness (discarded drug). */
  needsWitness?: ((content: V) => boolean) | undefined;
  /** What the time surfaces against the plan (the checklist: the start); none by default. */
  timingFindings?: ((occurredAt: string) => TimingFinding[]) | undefined;
}

/**
 * What can be checked before sending: the time, the content, the witness, the reason for a
 * correction. Either the request to send, or every problem with its form path.
 */
export function checkEntry<V, B>(
  values: EntryValues<V>,
  rules: EntryRules<V, B>,
  nowMs: number,
): { issues: FieldIssue[]; request: EntryRequest<B> | null } {
  const issues: FieldIssue[] = [];
  const occurredAt = parseOccurredAt(values.when, rules.zone, 'when', issues, nowMs);
  const contentIssues: FieldIssue[] = [];
  const body = rules.build(values.content, contentIssues);
  issues.push(...contentIssues.map((issue) => ({ path: `content.${issue.path}`, message: issue.message })));
  const witnessNeeded = rules.needsWitness?.(values.content) ?? false;
  if (witnessNeeded && values.witness.username.trim() === '')
    issues.push({ path: 'witness.username', message: 'The witness enters their user ID' });
  if (witnessNeeded && values.witness.password === '')
    issues.push({ path: 'witness.password', message: 'The witness enters their password' });
  if (rules.correcting && values.correctionReason.trim() === '')
    issues.push({ path: 'correctionReason', message: 'Give the reason for the correction' });
  const findings = occurredAt === null ? [] : (rules.timingFindings?.(occurredAt) ?? []);
  if (findings.length > 0 && values.timingReason.trim() === '')
    issues.push({ path: 'timingReason', message: 'Give the reason for going ahead at this time' });
  if (issues.length > 0 || occurredAt === null || body === null) return { issues, request: null };
  return {
    issues,
    request: {
      occurredAt,
      body,
      reason: values.correctionReason.trim(),
      witness: witnessNeeded ? values.witness : undefined,
      timingReason: findings.length > 0 || values.timingReason.trim() !== '' ? values.timingReason.trim() : undefined,
    },
  };
}
