import { z } from 'zod';
import { deviceNameSchema, deviceSchema, pairingCodeInputSchema, revokeReasonSchema } from '../domain/devices';
import { define, idSchema } from './define-method';

/**
 * The administrator's devices of a clinic host: the list (pending requests with their codes,
 * enrolled and revoked devices), approving a request under a name, renaming and revoking.
 * Requesting enrolment is not a method: an unenrolled device has nobody signed in (see
 * requestDeviceEnrolment in src/services/devices-enrolment.ts, called by the server).
 */
export const deviceMethods = {
  /** Newest request first. */
  'devices.list': define({
    input: z
      .object({
        limit: z.number().int().min(1).max(100).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({ devices: z.array(deviceSchema), total: z.number().int().nonnegative() }),
    access: ['admin'],
  }),
  /** The code is matched whatever its case, with or without its dash. */
  'devices.approve': define({
    input: z.object({ pairingCode: pairingCodeInputSchema, name: deviceNameSchema }).strict(),
    output: deviceSchema,
    access: ['admin'],
  }),
  /**
   * `expectedName` is the name the screen showed: the row's only field a rename overwrites, so
   * another administrator's rename since is a CONFLICT, not an overwrite.
   */
  'devices.rename': define({
    input: z
      .object({ deviceId: idSchema, expectedName: z.string().max(200).nullable(), name: deviceNameSchema })
      .strict(),
    output: deviceSchema,
    access: ['admin'],
  }),
  /** A pending request can be revoked too (refused before anyone approves it). */
  'devices.revoke': define({
    input: z.object({ deviceId: idSchema, reason: revokeReasonSchema }).strict(),
    output: deviceSchema,
    access: ['admin'],
  }),
} as const;
