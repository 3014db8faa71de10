/**
 * The server's clock decides locks and lockouts, so "now" on screen follows it: the offset
 * between the two clocks is noted whenever the server reports its time.
 */
let offsetMs = 0;

export function noteServerTime(serverTimeIso: string): void {
  const serverMs = Date.parse(serverTimeIso);
  if (Number.isFinite(serverMs)) offsetMs = serverMs - Date.now();
}

export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}
