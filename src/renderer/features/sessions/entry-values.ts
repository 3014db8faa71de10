import type { OccurredAtValues } from './occurred-at';

export interface WitnessValues {
  username: string;
  password: string;
}

/**
 * Every charting form: what it records (`content`, as typed), when it happened, and, for a
 * correction, why. A witness signs for discarded drug. A time the plan does not allow (a
 * start before its interval, say) is charted with the reason for going ahead.
 */
export type EntryValues<V> = {
  when: OccurredAtValues;
  correctionReason: string;
  timingReason: string;
  witness: WitnessValues;
  content: V;
};

export const noWitness: WitnessValues = { username: '', password: '' };

/** A witness's password never goes into the draft kept in the window. */
export function withoutSecrets<V>(values: EntryValues<V>): EntryValues<V> {
  return { ...values, witness: { username: values.witness.username, password: '' } };
}
