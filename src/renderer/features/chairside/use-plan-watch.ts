import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../contract/methods';
import { useApi } from '../../app/sign-in-context';
import { useLedgerChanges } from '../../lib/ledger-changes';
import { signInPollMs } from '../../lib/poll-interval';

export type PlanStatus = MethodOutput<'chairside.status'>;

/**
 * Asks the server every few seconds (the sign-in poll's interval, shortened in tests)
 * whether the plan on screen was amended or discontinued since, and at once when the clinic
 * host announces a change. It only reports: what is on screen changes when the nurse chooses
 * to see the current plan, never under them.
 */
export function usePlanWatch(planRecordId: number | null): PlanStatus | null {
  const api = useApi();
  const changes = useLedgerChanges();
  const [status, setStatus] = useState<{ planRecordId: number; value: PlanStatus } | null>(null);
  useEffect(() => {
    if (planRecordId === null) return undefined;
    let live = true;
    const check = () =>
      void api.call('chairside.status', { planRecordId }).then((result) => {
        if (live && result.ok) setStatus({ planRecordId, value: result.value });
      });
    // Clinic mode: something was committed (a physician signed on another device, say); look now
    // rather than at the next poll. Unaudited, so looking announces nothing in turn.
    if (changes > 0) check();
    const timer = window.setInterval(check, signInPollMs());
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, planRecordId, changes]);
  return status !== null && status.planRecordId === planRecordId ? status.value : null;
}
