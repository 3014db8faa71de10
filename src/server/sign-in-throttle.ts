/** Wrong passwords one device may send for one account within the window: below the account lockout (5). */
export const perAccountLimit = 4;
/** Wrong passwords one device may send in all within the window. */
export const perDeviceLimit = 10;
export const throttleWindowMs = 15 * 60_000;

export interface SignInThrottle {
  /** Minutes to wait when this device may not try this account now, else null. */
  blockedMinutes(deviceId: number, username: string, nowMs: number): number | null;
  recordFailure(deviceId: number, username: string, nowMs: number): void;
}

/**
 * Failed sign-ins counted per device, on top of the per-account lockout. One device can never
 * reach an account's lockout on its own (4 < 5), nor try more than 10 wrong passwords a quarter
 * hour, so nobody can lock every administrator out from one tablet. Successes do not reset it:
 * signing in to one's own account between guesses must not buy more guesses at another.
 */
export function createSignInThrottle(): SignInThrottle {
  const failures = new Map<number, { username: string; atMs: number }[]>();

  const recent = (deviceId: number, nowMs: number) => {
    const list = (failures.get(deviceId) ?? []).filter((failure) => nowMs - failure.atMs < throttleWindowMs);
    if (list.length === 0) failures.delete(deviceId);
    else failures.set(deviceId, list);
    return list;
  };

  const waitMinutes = (list: readonly { atMs: number }[], limit: number, nowMs: number): number | null => {
    if (list.length < limit) return null;
    // The oldest counted failure leaves the window first.
    const oldest = list[list.length - limit];
    if (oldest === undefined) return null;
    return Math.max(1, Math.ceil((oldest.atMs + throttleWindowMs - nowMs) / 60_000));
  };

  return {
    blockedMinutes: (deviceId, username, nowMs) => {
      const list = recent(deviceId, nowMs);
      const key = username.trim().toLowerCase();
      return (
        waitMinutes(list, perDeviceLimit, nowMs) ??
        waitMinutes(
          list.filter((failure) => failure.username === key),
          perAccountLimit,
          nowMs,
        )
      );
    },
    recordFailure: (deviceId, username, nowMs) => {
      const list = recent(deviceId, nowMs);
      list.push({ username: username.trim().toLowerCase(), atMs: nowMs });
      // Bounded: only the most recent failures can matter.
      failures.set(deviceId, list.slice(-perDeviceLimit * 2));
    },
  };
}
