import { useSyncExternalStore } from 'react';

/**
 * While a restore runs on the set-up screen, and until its result has been read, the set-up screen
 * stays even though the ledger now holds a clinic (the sign-in poll would otherwise move on to
 * signing in at once and the restored clinic's name and backup time would never be seen). Kept in
 * memory only: a reload goes straight to signing in.
 */
let held = false;
const listeners = new Set<() => void>();

function setHeld(next: boolean): void {
  if (held === next) return;
  held = next;
  for (const listener of listeners) listener();
}

export function holdSetupScreen(): void {
  setHeld(true);
}

export function releaseSetupScreen(): void {
  setHeld(false);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the set-up screen is held; the caller re-renders when that changes. */
export function useSetupScreenHeld(): boolean {
  return useSyncExternalStore(subscribe, () => held);
}
