import { useEffect, useRef } from 'react';
import type { RecordView } from '../../../domain/record-view';
import { useApi } from '../../app/sign-in-context';
import { useLedgerChanges } from '../../lib/ledger-changes';

/** Whether any of the patient's records is a plan with a signed version (what chairside.get shows). */
export function hasSignedPlan(records: readonly RecordView[]): boolean {
  return records.some(
    (record) => record.type === 'plan' && record.versions.some((version) => version.status === 'signed'),
  );
}

/**
 * Clinic mode, while the chairside screen says there is no signed plan: on each ledger change,
 * looks (unaudited) whether one was signed, and only then calls `onArrived` to show it. Opening
 * the chairside view is audited, so reading it again on every change would itself be a change,
 * announced to every device, on and on.
 */
export function usePlanArrival(patientId: number, waiting: boolean, onArrived: () => void): void {
  const api = useApi();
  const changes = useLedgerChanges();
  const arrived = useRef(onArrived);
  useEffect(() => {
    arrived.current = onArrived;
  });
  useEffect(() => {
    if (!waiting || changes === 0) return undefined;
    let live = true;
    void api.call('records.list', { patientId }).then((result) => {
      if (live && result.ok && hasSignedPlan(result.value.records)) arrived.current();
    });
    return () => {
      live = false;
    };
  }, [api, patientId, waiting, changes]);
}
