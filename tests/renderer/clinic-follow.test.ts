import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../src/domain/record-view';
import { hasSignedPlan } from '../../src/renderer/features/chairside/use-plan-arrival';
import { followedState } from '../../src/renderer/features/records/use-record-follow';

/** Just the parts of a record view these rules read. */
function record(type: 'exam' | 'plan', versions: { id: number; status: string; content?: unknown }[]): RecordView {
  return { id: 1, type, patientId: 3, discontinued: null, versions } as unknown as RecordView;
}

describe('what live updates follow', () => {
  it('shows a plan at chairside only once one of its versions is signed', () => {
    expect(hasSignedPlan([])).toBe(false);
    expect(hasSignedPlan([record('plan', [{ id: 1, status: 'draft' }])])).toBe(false);
    expect(hasSignedPlan([record('exam', [{ id: 1, status: 'signed' }])])).toBe(false);
    expect(hasSignedPlan([record('plan', [{ id: 1, status: 'signed' }])])).toBe(true);
  });

  it('counts another author’s draft by its being there, not by what they type', () => {
    const signed = { id: 1, status: 'signed', content: { doseMgPerKg: '0.5' } };
    const typing = record('plan', [signed, { id: 2, status: 'draft', content: { doseMgPerKg: '0.6' } }]);
    const typedMore = record('plan', [signed, { id: 2, status: 'draft', content: { doseMgPerKg: '0.65' } }]);
    expect(followedState(typing)).toBe(followedState(typedMore));
    // The draft appearing, or being signed, is a change to follow.
    expect(followedState(record('plan', [signed]))).not.toBe(followedState(typing));
    const amended = record('plan', [
      { ...signed, status: 'superseded' },
      { id: 2, status: 'signed', content: { doseMgPerKg: '0.65' } },
    ]);
    expect(followedState(amended)).not.toBe(followedState(typedMore));
  });
});
