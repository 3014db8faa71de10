import { useSyncExternalStore } from 'react';

/** How often a light request asks whether the clinic host is back. */
export const reachabilityRetryMs = 2_000;

export interface HostReachability {
  /** A call could not reach the host: say so on every screen and start asking whether it is back. */
  reportUnreachable: () => void;
  /** The host answered a call (or the retry): the banner goes. */
  reportReachable: () => void;
  isUnreachable: () => boolean;
  subscribe: (listener: () => void) => () => void;
}

/**
 * Whether the clinic host is answering. While it is not, `probe` (a light request that changes
 * nothing) runs every 2 s until the host answers. Only the probe is retried: a failed save is
 * never queued or replayed, since a write sent late could record what nobody means any more.
 */
export function createHostReachability(probe: () => Promise<boolean>): HostReachability {
  let unreachable = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let probing = false;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    if (unreachable === next) return;
    unreachable = next;
    for (const listener of listeners) listener();
  };
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const reachability: HostReachability = {
    reportUnreachable: () => {
      set(true);
      if (timer !== null) return;
      timer = setInterval(() => {
        // One probe at a time: a host that hangs must not collect a pile of open requests.
        if (probing) return;
        probing = true;
        void probe()
          .then((answered) => {
            if (answered) reachability.reportReachable();
          })
          .finally(() => {
            probing = false;
          });
      }, reachabilityRetryMs);
    },
    reportReachable: () => {
      stop();
      set(false);
    },
    isUnreachable: () => unreachable,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return reachability;
}

/** Whether the banner is shown; the caller re-renders when that changes. */
export function useHostUnreachable(reachability: HostReachability | null): boolean {
  return useSyncExternalStore(
    reachability?.subscribe ?? noSubscription,
    reachability?.isUnreachable ?? alwaysReachable,
    alwaysReachable,
  );
}

const noSubscription = () => () => undefined;
const alwaysReachable = () => false;
