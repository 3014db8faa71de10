import { hostReachability } from '../lib/clinic-connection';
import { useHostUnreachable } from '../lib/host-reachability';

export const hostUnreachableText =
  'The clinic host cannot be reached. Retrying… Nothing you typed is lost; nothing is saved until it is back.';

/**
 * The line itself. The live region is always in the page, so that screen readers announce the
 * text when it appears (a region added together with its text is often not read).
 */
export function HostBanner({ unreachable }: { unreachable: boolean }) {
  return (
    <div className={unreachable ? 'host-banner host-banner-shown' : 'host-banner'} role="status" aria-live="polite">
      {unreachable ? hostUnreachableText : null}
    </div>
  );
}

/** Clinic mode, on top of every screen: shown while the clinic host does not answer. */
export function HostUnreachableBanner() {
  return <HostBanner unreachable={useHostUnreachable(hostReachability)} />;
}
