import type { Device } from '../domain/devices';
import { deviceStatusAt, enrolmentLifetimeMin } from '../domain/devices';
import { formatDateTime } from '../domain/time';
import type { DeviceRow } from '../db/devices-repo';
import {
  activeDeviceNamed,
  countDevices,
  deviceListRow,
  findDeviceById,
  findDeviceByPairingCode,
  listDevices,
  updateDevice,
} from '../db/devices-repo';
import { rowAuditFields } from '../db/row-state';
import type { Handlers, ServiceContext } from './context';
import { requireClinic, requireUser } from './context';
import { toDevice } from './devices';
import { ServiceError } from './service-error';
import { changedBy, changesOf, refuseStaleSave } from './stale-save';

function existingDevice(context: ServiceContext, deviceId: number): DeviceRow {
  const device = findDeviceById(context.ledger.db, deviceId);
  if (device === undefined) throw new ServiceError('NOT_FOUND', `There is no device with ID ${deviceId}.`);
  return device;
}

/** Two enrolled devices called alike could not be told apart in the audit trail. */
function assertNameFree(context: ServiceContext, name: string, deviceId: number): void {
  if (activeDeviceNamed(context.ledger.db, name, deviceId) !== undefined) {
    throw new ServiceError('DUPLICATE', `An enrolled device is already called "${name}". Choose another name.`, [
      { path: 'name', message: 'An enrolled device already has this name' },
    ]);
  }
}

function shown(context: ServiceContext, deviceId: number): Device {
  return toDevice(deviceListRow(context.ledger.db, deviceId), context.now);
}

/** One answer for an unknown, expired or used code: which of them it was is no one's business. */
const noSuchRequest = (code: string) =>
  new ServiceError(
    'NOT_FOUND',
    `No device is waiting with the code ${code}. Codes expire after ${enrolmentLifetimeMin} minutes and work once: on the device, reload the page to get a new code.`,
    [{ path: 'pairingCode', message: 'No device is waiting with this code' }],
  );

export const deviceHandlers: Handlers<'devices.list' | 'devices.approve' | 'devices.rename' | 'devices.revoke'> = {
  'devices.list': (context, input) => ({
    devices: listDevices(context.ledger.db, input).map((row) => toDevice(row, context.now)),
    total: countDevices(context.ledger.db),
  }),

  'devices.approve': (context, input) => {
    const admin = requireUser(context);
    const device = findDeviceByPairingCode(context.ledger.db, input.pairingCode);
    if (device === undefined || deviceStatusAt(device.status, device.requestedAt, context.now) !== 'pending') {
      throw noSuchRequest(input.pairingCode);
    }
    assertNameFree(context, input.name, device.id);
    updateDevice(
      context.ledger.db,
      device.id,
      { status: 'active', name: input.name, approvedAt: context.nowIso, approvedBy: admin.id },
      context.nowIso,
    );
    context.audit('device.approved', 'device', device.id, {
      name: input.name,
      pairingCode: device.pairingCode,
      requestedFrom: device.requestedFrom,
      ...rowAuditFields(context.ledger.raw, 'devices', device.id),
    });
    return shown(context, device.id);
  },

  'devices.rename': (context, input) => {
    const device = existingDevice(context, input.deviceId);
    if (device.status !== 'active') {
      throw new ServiceError('CONFLICT', 'Only an enrolled device can be renamed; this one is not enrolled.');
    }
    if (device.name !== input.expectedName) {
      const last = changesOf(context, { type: 'device', id: device.id }, ['device.renamed', 'device.approved'])[0];
      refuseStaleSave(context, {
        what: `a new name for this device (now "${device.name ?? ''}")`,
        by:
          last === undefined
            ? 'someone'
            : changedBy(context, { actorUserId: last.actorUserId, device: last.details.device }),
        at: last?.at ?? device.updatedAt,
        changed: ['name'],
        paths: ['name'],
      });
    }
    if (device.name === input.name) return shown(context, device.id);
    assertNameFree(context, input.name, device.id);
    updateDevice(context.ledger.db, device.id, { name: input.name }, context.nowIso);
    context.audit('device.renamed', 'device', device.id, {
      name: input.name,
      previousName: device.name,
      ...rowAuditFields(context.ledger.raw, 'devices', device.id),
    });
    return shown(context, device.id);
  },

  'devices.revoke': (context, input) => {
    const admin = requireUser(context);
    const device = existingDevice(context, input.deviceId);
    if (device.status === 'revoked') {
      const when = formatDateTime(device.revokedAt ?? '', requireClinic(context).timeZone);
      throw new ServiceError('CONFLICT', `This device was already revoked (${when}).`);
    }
    updateDevice(
      context.ledger.db,
      device.id,
      { status: 'revoked', revokedAt: context.nowIso, revokedBy: admin.id, revokeReason: input.reason },
      context.nowIso,
    );
    context.audit('device.revoked', 'device', device.id, {
      name: device.name,
      pairingCode: device.pairingCode,
      previousStatus: deviceStatusAt(device.status, device.requestedAt, context.now),
      reason: input.reason,
      ...rowAuditFields(context.ledger.raw, 'devices', device.id),
    });
    return shown(context, device.id);
  },
};
