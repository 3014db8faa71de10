import { z } from 'zod';
import { callErrorSchema } from '../../contract/errors';
import { clinicRequestInit, devicePath, isUnreachableStatus } from './clinic-invoke';

/** What the clinic host says of this device (POST /api/device, see src/server/clinic-routes.ts). */
export const deviceAnswerSchema = z.object({
  status: z.enum(['unknown', 'pending', 'expired', 'active', 'revoked']),
  pairingCode: z.string().nullable(),
  name: z.string().nullable(),
  /** SHA-256 of the clinic root certificate, "AB:CD:…", to compare with the one the host shows. */
  rootFingerprint: z.string(),
});
export type DeviceAnswer = z.infer<typeof deviceAnswerSchema>;

/** `busy`: the host answered but asked to slow down (429); the device just asks again later. */
export type DeviceReply =
  | { kind: 'answer'; device: DeviceAnswer }
  | { kind: 'refused'; message: string }
  | { kind: 'unreachable' }
  | { kind: 'busy'; message: string };

const replySchema = z.union([
  z.object({ ok: z.literal(true), value: deviceAnswerSchema }),
  z.object({ ok: z.literal(false), error: callErrorSchema }),
]);

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Asks the host what this device is; with `enrol` it asks to be enrolled (the host then sets
 * the device's HttpOnly cookie). Also the light request that tells whether the host is back.
 */
export async function askDevice(
  enrol: boolean,
  fetchFn: Fetch = (input, init) => fetch(input, init),
): Promise<DeviceReply> {
  let response: Response;
  try {
    response = await fetchFn(devicePath, { ...clinicRequestInit, body: JSON.stringify(enrol ? { enrol: true } : {}) });
  } catch {
    return { kind: 'unreachable' };
  }
  if (isUnreachableStatus(response.status)) return { kind: 'unreachable' };
  const busy = response.status === 429;
  const busyMessage = 'The clinic host is busy. This device will ask again in a moment.';
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = replySchema.safeParse(body);
  if (!parsed.success)
    return busy
      ? { kind: 'busy', message: busyMessage }
      : { kind: 'refused', message: 'The clinic host sent an answer that could not be read. Reload the page.' };
  if (parsed.data.ok) return { kind: 'answer', device: parsed.data.value };
  return { kind: busy ? 'busy' : 'refused', message: parsed.data.error.message };
}

/** "AB:CD:…" (32 pairs) in four lines of eight pairs, so two screens can be compared line by line. */
export function fingerprintLines(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const lines: string[] = [];
  for (let index = 0; index < pairs.length; index += 8) lines.push(pairs.slice(index, index + 8).join(':'));
  return lines;
}
