import { z } from 'zod';

/**
 * Devices (tablets, workstations) enrolled on a clinic host: the pairing code a device shows,
 * the name an administrator gives it, and what the administrator's list shows of each.
 */

/** No 0/O, 1/I/L: a code is read off one screen and typed on another. */
export const pairingAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const pairingCodeLength = 8;
/** A request nobody approved within this time is expired (its row stays 'pending'). */
export const enrolmentLifetimeMin = 15;
/** Anyone on the clinic network can ask: beyond this many waiting requests, new ones are refused. */
export const maxPendingEnrolments = 20;

const pairingCharacter = new RegExp(`^[${pairingAlphabet}]{${pairingCodeLength}}$`);

/** "K7QM4Z2P" → "K7QM-4Z2P": how a code is shown and stored. */
export function formatPairingCode(characters: string): string {
  return `${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/**
 * A code as typed (any case, with or without its dash, spaces around) in its stored form, or
 * null when it cannot be one: the device shows it in capitals with a dash, people type it loosely.
 */
export function normalizePairingCode(typed: string): string | null {
  const trimmed = typed.trim().toUpperCase();
  const characters = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/.test(trimmed) ? trimmed.replace('-', '') : trimmed;
  return pairingCharacter.test(characters) ? formatPairingCode(characters) : null;
}

const wrongCode = 'Enter the 8-character code the device shows, like K7QM-4Z2P';

export const pairingCodeInputSchema = z
  .string()
  .max(40, wrongCode)
  .transform((typed, context) => {
    const code = normalizePairingCode(typed);
    if (code === null) {
      context.addIssue({ code: 'custom', message: wrongCode });
      return z.NEVER;
    }
    return code;
  });

/** Control characters would hide in the audit trail and the device list. */
const noControlCharacters = /^[^\p{Cc}]*$/u;

export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name for the device, like "Chair 3 tablet"')
  .max(60, 'Use at most 60 characters')
  .regex(noControlCharacters, 'Use letters, digits, spaces and punctuation only')
  .transform((value) => value.normalize('NFC'));

export const revokeReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why the device is revoked')
  .max(500, 'Use at most 500 characters')
  .transform((value) => value.normalize('NFC'));

/** 'expired' is never stored: it is a 'pending' request older than the enrolment lifetime. */
export const deviceStatusSchema = z.enum(['pending', 'expired', 'active', 'revoked']);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

const actionBySchema = z.object({ at: z.string(), by: z.string() });

export const deviceSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().nullable(),
  status: deviceStatusSchema,
  pairingCode: z.string(),
  requestedFrom: z.string(),
  userAgent: z.string(),
  requestedAt: z.string(),
  /** Who approved it (printed name) and when; null until approved. */
  approved: actionBySchema.nullable(),
  revoked: actionBySchema.extend({ reason: z.string() }).nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** When a request made at `requestedAtIso` stops being approvable. */
export function enrolmentExpiresAt(requestedAtIso: string): Date {
  return new Date(Date.parse(requestedAtIso) + enrolmentLifetimeMin * 60_000);
}

export function deviceStatusAt(
  stored: 'pending' | 'active' | 'revoked',
  requestedAtIso: string,
  now: Date,
): DeviceStatus {
  if (stored !== 'pending') return stored;
  return now.getTime() >= enrolmentExpiresAt(requestedAtIso).getTime() ? 'expired' : 'pending';
}
