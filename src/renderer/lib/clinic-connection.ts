import type { Invoke } from '../../contract/client';
import { askDevice } from './clinic-device';
import { clinicInvoke } from './clinic-invoke';
import { createHostReachability } from './host-reachability';

/**
 * The page's one view of whether the clinic host answers. Browser mode and Electron never
 * report anything to it, so there it always says "reachable" and no banner shows.
 */
export const hostReachability = createHostReachability(async () => (await askDevice(false)).kind !== 'unreachable');

const refusalListeners = new Set<() => void>();

/** The host refused this device (revoked, say): the device gate listens and takes over at once. */
export function onDeviceRefused(listener: () => void): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

function reportDeviceRefused(): void {
  for (const listener of refusalListeners) listener();
}

/** The contract in clinic mode, wired to the banner and to the device gate. */
export function clinicTransport(): Invoke {
  return clinicInvoke({
    onUnreachable: hostReachability.reportUnreachable,
    onReachable: hostReachability.reportReachable,
    onDeviceRefused: reportDeviceRefused,
  });
}
