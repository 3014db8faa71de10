import { randomInt } from 'node:crypto';
import type { Device, DeviceStatus } from '../domain/devices';
import {
  deviceStatusAt,
  enrolmentLifetimeMin,
  formatPairingCode,
  maxPendingEnrolments,
  pairingAlphabet,
  pairingCodeLength,
} from '../domain/devices';
import { formatPrintedName } from '../domain/user';
import { getClinic } from '../db/clinic-repo';
import type { DeviceListRow } from '../db/devices-repo';
import { countWaitingRequests, findDeviceByPairingCode, findDeviceByToken, insertDevice } from '../db/devices-repo';
import type { Ledger } from '../db/open';
import { rowAuditFields } from '../db/row-state';
import { createServiceContext } from './context';
import { copyInProgress } from './setup-restore-run';
import { createSignIn } from './sign-in';

/** What the clinic host needs to know of the device behind a request's cookie. */
export interface DeviceState {
  id: number;
  name: string | null;
  status: DeviceStatus;
  pairingCode: string;
  requestedAt: string;
}

export type EnrolmentRequestResult =
  { ok: true; deviceId: number; pairingCode: string } | { ok: false; message: string };

export interface EnrolmentRequest {
  /** SHA-256 (lowercase hex) of the 256-bit token the server put in the device's cookie. */
  tokenSha256: string;
  requestedFrom: string;
  userAgent: string;
}

const sha256Hex = /^[0-9a-f]{64}$/;
/** What is kept of the request's headers: enough to recognise the device, not unbounded. */
const maxUserAgentChars = 200;
const maxRequestedFromChars = 100;

/** Control characters removed, cut to `max` characters (never half a surrogate pair). */
function shownText(text: string, max: number): string {
  return Array.from(text.replace(/\p{Cc}/gu, ' ').trim())
    .slice(0, max)
    .join('');
}

/** Uniform over the alphabet (randomInt has no modulo bias), from the operating system's CSPRNG. */
function newPairingCode(): string {
  let characters = '';
  for (let index = 0; index < pairingCodeLength; index += 1) {
    characters += pairingAlphabet[randomInt(pairingAlphabet.length)] ?? '';
  }
  return formatPairingCode(characters);
}

const refused = (message: string): EnrolmentRequestResult => ({ ok: false, message });

/**
 * A device asks to be enrolled: one pending row (its token's digest, a fresh pairing code) and
 * its audit entry, in one transaction. No one is signed in on the device, so the entry has no
 * actor; it names the address the request came from. Refusals are values, nothing is written.
 */
export function requestDeviceEnrolment(
  ledger: Ledger,
  request: EnrolmentRequest,
  clock: () => Date = () => new Date(),
): EnrolmentRequestResult {
  if (typeof request.tokenSha256 !== 'string' || !sha256Hex.test(request.tokenSha256)) {
    return refused('The device sent no valid token. Reload the page to ask again.');
  }
  if (copyInProgress(ledger)) return refused('A backup is being copied into this ledger. Try again in a moment.');
  const now = clock();
  return ledger.raw
    .transaction((): EnrolmentRequestResult => {
      const clinic = getClinic(ledger.db);
      if (clinic === undefined)
        return refused('This clinic is not set up yet. Run the set-up on the clinic host first.');
      if (findDeviceByToken(ledger.db, request.tokenSha256) !== undefined) {
        return refused('This device has already asked to be enrolled. Reload the page to see its state.');
      }
      const cutoffIso = new Date(now.getTime() - enrolmentLifetimeMin * 60_000).toISOString();
      if (countWaitingRequests(ledger.db, cutoffIso) >= maxPendingEnrolments) {
        return refused(
          `${maxPendingEnrolments} devices are already waiting for approval. Ask an administrator to approve or revoke them, or try again in ${enrolmentLifetimeMin} minutes.`,
        );
      }
      // 31^8 codes: a clash with an earlier row is very unlikely, but the column is unique.
      let pairingCode = newPairingCode();
      while (findDeviceByPairingCode(ledger.db, pairingCode) !== undefined) pairingCode = newPairingCode();
      const context = createServiceContext(ledger, createSignIn(), null, clinic, now);
      const row = insertDevice(ledger.db, {
        pairingCode,
        tokenSha256: request.tokenSha256,
        requestedFrom: shownText(String(request.requestedFrom), maxRequestedFromChars),
        userAgent: shownText(String(request.userAgent), maxUserAgentChars),
        requestedAt: context.nowIso,
      });
      context.audit('device.enrolment-requested', 'device', row.id, {
        requestedFrom: row.requestedFrom,
        pairingCode,
        ...rowAuditFields(ledger.raw, 'devices', row.id),
      });
      return { ok: true, deviceId: row.id, pairingCode };
    })
    .immediate();
}

/** The device a request's cookie names, or null. Read only, on the token's unique index. */
export function deviceByToken(
  ledger: Ledger,
  tokenSha256: string,
  clock: () => Date = () => new Date(),
): DeviceState | null {
  if (typeof tokenSha256 !== 'string' || !sha256Hex.test(tokenSha256)) return null;
  const row = findDeviceByToken(ledger.db, tokenSha256);
  if (row === undefined) return null;
  return {
    id: row.id,
    name: row.name,
    status: deviceStatusAt(row.status, row.requestedAt, clock()),
    pairingCode: row.pairingCode,
    requestedAt: row.requestedAt,
  };
}

/** A device as the administrator's list shows it. */
export function toDevice({ device, approver, revoker }: DeviceListRow, now: Date): Device {
  const printed = (person: DeviceListRow['approver']) => (person === null ? 'Not known' : formatPrintedName(person));
  return {
    id: device.id,
    name: device.name,
    status: deviceStatusAt(device.status, device.requestedAt, now),
    pairingCode: device.pairingCode,
    requestedFrom: device.requestedFrom,
    userAgent: device.userAgent,
    requestedAt: device.requestedAt,
    approved: device.approvedAt === null ? null : { at: device.approvedAt, by: printed(approver) },
    revoked:
      device.revokedAt === null
        ? null
        : { at: device.revokedAt, by: printed(revoker), reason: device.revokeReason ?? '' },
  };
}
