import type { Device, DeviceStatus } from '../../../domain/devices';
import { formatDateTime } from '../../../domain/time';

export const deviceStatusWords: Record<DeviceStatus, string> = {
  pending: 'Waiting for approval',
  expired: 'Request expired',
  active: 'Enrolled',
  revoked: 'Revoked',
};

/** The device's history in words, each time in clinic time with its offset. */
export function deviceEvents(device: Device, timeZone: string): string[] {
  const at = (instant: string) => formatDateTime(instant, timeZone);
  const lines = [`Requested ${at(device.requestedAt)}`];
  if (device.approved !== null) lines.push(`Approved ${at(device.approved.at)} by ${device.approved.by}`);
  if (device.revoked !== null) lines.push(`Revoked ${at(device.revoked.at)} by ${device.revoked.by}`);
  return lines;
}
