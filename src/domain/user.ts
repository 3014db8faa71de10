import { z } from 'zod';
import { roleSchema } from './roles';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'Use 3–32 letters, digits, dots, hyphens or underscores, starting with a letter');

/** Passwords are never trimmed or normalised beyond NFC: what was typed is what counts. */
export const passwordSchema = z
  .string()
  .min(1, 'Enter the password')
  .max(256, 'Use at most 256 characters')
  .transform((value) => value.normalize('NFC'));

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the full name')
  .max(200, 'Use at most 200 characters')
  .transform((value) => value.normalize('NFC'));

/** Professional credentials printed after the name: "MD", "RN", "DO, PhD". */
export const credentialsSchema = z
  .string()
  .trim()
  .max(50, 'Use at most 50 characters')
  .transform((value) => value.normalize('NFC'));

export const userSchema = z.object({
  id: z.number().int().positive(),
  username: z.string(),
  displayName: z.string(),
  credentials: z.string(),
  role: roleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** "Ana Ruiz, MD": printed name with credentials, as on every signature. */
export function formatPrintedName(user: Pick<User, 'displayName' | 'credentials'>): string {
  return user.credentials === '' ? user.displayName : `${user.displayName}, ${user.credentials}`;
}
