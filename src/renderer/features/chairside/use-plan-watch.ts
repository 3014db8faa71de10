import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../contract/methods';
import { useApi } from '../../app/sign-in-context';
import { signInPollMs } from '../../lib/poll-interval';

export type PlanStatus = MethodOutput<'chairside.status'>;

/**
 * Asks the server every few seconds (the sign-in poll's interval, shortened in tests)
 * whether the plan on screen was amended or discontinued since. It only reports: what is on
 * screen changes when the nurse chooses to see the current plan, never under them.
 */
export function usePlanWatch(planRecordId: number | null): PlanStatus | null {
  const api = useApi();
  const [status, setStatus] = useState<{ planRecordId: number; value: PlanStatus } | null>(null);
  useEffect(() => {
    if (planRecordId === null) return undefined;
    let live = true;
    const timer = window.setInterval(() => {
      void api.call('chairside.status', { planRecordId }).then((result) => {
        if (live && result.ok) setStatus({ planRecordId, value: result.value });
      });
    }, signInPollMs());
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, planRecordId]);
  return status !== null && status.planRecordId === planRecordId ? status.value : null;
}
