import type { NetworkAddress, SharingStatus } from '../domain/clinic-sharing';

/**
 * What the process holding the ledger can do to share it (the desktop app and browser mode
 * provide one; the headless clinic host, which already serves, and the tests of other things do
 * not). Kept out of the transaction: the services decide and audit, then start or stop it after
 * the commit.
 */
export interface SharingControl {
  status(): SharingStatus;
  /** This computer's addresses, as the system lists them now. */
  addresses(): NetworkAddress[];
  /** Whether the kept host key and certificate serve this address without issuing new ones. */
  certificateUsable(address: string): boolean;
  /** Starts serving (after the call that asked for it has committed); never throws. */
  start(request: SharingRequest): void;
  stop(): void;
}

export interface SharingRequest {
  address: string;
  port: number;
  /** The administrator who asked, to issue the host certificate when it must be (re)issued. */
  credentials: { username: string; password: string };
  userId: number;
}

let provided: SharingControl | null = null;

/** Called once by the process that can share the ledger; null takes it away (tests, quit). */
export function provideSharingControl(control: SharingControl | null): void {
  provided = control;
}

export function sharingControl(): SharingControl | null {
  return provided;
}
