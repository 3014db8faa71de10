import type { JsonValue } from '../domain/canonical-json';
import { appendAudit } from '../db/audit-log';
import type { Ledger } from '../db/open';
import type { Handlers } from './context';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';
import { recordFailure } from './sign-in-failures';
import type { SharingControl } from './sharing-control';
import { sharingControl } from './sharing-control';

function requireControl(): SharingControl {
  const control = sharingControl();
  if (control === null) {
    throw new ServiceError(
      'CONFLICT',
      'Sharing is turned on and off on the computer that holds the ledger, in the desktop app, not from a device.',
    );
  }
  return control;
}

/**
 * The desktop app's switch for sharing its ledger with the clinic's enrolled devices. The
 * decision and its audit entry are this transaction; the server starts (and says how that went
 * in an entry of its own) after the commit.
 */
export const clinicSharingHandlers: Handlers<'host.sharing' | 'host.startSharing' | 'host.stopSharing'> = {
  'host.sharing': () => {
    const control = sharingControl();
    if (control === null) return { available: false, status: { state: 'off' }, addresses: [], certifiedAddresses: [] };
    const addresses = control.addresses();
    return {
      available: true,
      status: control.status(),
      addresses,
      certifiedAddresses: addresses
        .filter((item) => control.certificateUsable(item.address))
        .map((item) => item.address),
    };
  },

  'host.startSharing': (context, input) => {
    const admin = requireUser(context);
    const control = requireControl();
    const status = control.status();
    if (status.state === 'serving' || status.state === 'starting') {
      throw new ServiceError(
        'CONFLICT',
        `This ledger is already shared at ${status.state === 'serving' ? status.origin : status.address}. Stop sharing before choosing another address.`,
      );
    }
    const chosen = control.addresses().find((item) => item.address === input.address);
    if (chosen === undefined) {
      throw new ServiceError('INVALID_INPUT', `${input.address} is not an address of this computer now.`, [
        { path: 'address', message: 'Choose one of this computer’s addresses' },
      ]);
    }
    // Asked again whatever the session: this opens the ledger to every enrolled device.
    if (!verifyPassword(input.adminPassword, admin.passwordHash))
      return recordFailure(context, admin, 'host.sharing-password-wrong', 'adminPassword');
    context.audit('host.sharing-requested', 'host', null, {
      address: chosen.address,
      port: input.port,
      interfaceName: chosen.interfaceName,
      loopbackOnly: chosen.internal,
      passwordConfirmed: true,
    });
    const request = {
      address: chosen.address,
      port: input.port,
      credentials: { username: admin.username, password: input.adminPassword },
      userId: admin.id,
    };
    context.afterCommit(() => control.start(request));
    return { state: 'starting', address: chosen.address, port: input.port };
  },

  'host.stopSharing': (context) => {
    const control = requireControl();
    const status = control.status();
    if (status.state === 'off') return status;
    context.audit('host.sharing-stopped', 'host', null, {
      address: status.address,
      port: status.port,
      was: status.state,
    });
    context.afterCommit(() => control.stop());
    return { state: 'off' };
  },
};

/**
 * How a start (asked for, or resumed when the app opened) went, in the trail in a transaction of
 * its own: the server starts after the call that asked for it has committed. Nothing when the
 * ledger has been closed meanwhile (quit).
 */
export function recordSharingOutcome(
  ledger: Ledger,
  outcome: { at: Date; userId: number | null; action: 'host.sharing-started' | 'host.sharing-failed' },
  details: Record<string, JsonValue>,
): void {
  if (!ledger.raw.open) return;
  ledger.raw
    .transaction(() => {
      appendAudit(ledger.raw, {
        at: outcome.at.toISOString(),
        actorUserId: outcome.userId,
        action: outcome.action,
        entityType: 'host',
        entityId: null,
        details,
      });
    })
    .immediate();
}
