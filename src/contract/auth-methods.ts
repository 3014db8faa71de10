import { z } from 'zod';
import { clinicSettingsSchema } from '../domain/clinic';
import { signInInfoSchema } from '../domain/sign-in';
import { credentialsSchema, displayNameSchema, passwordSchema, usernameSchema } from '../domain/user';
import { define, empty } from './define-method';
import { setupRestoreMethods } from './setup-restore-methods';

/** Signing in and out, the inactivity lock, password changes, and the clinic's first set-up. */
export const authMethods = {
  'signIn.get': define({
    input: empty,
    output: signInInfoSchema,
    access: 'public',
    whileLocked: true,
    beforePasswordChange: true,
    activity: false,
  }),
  /** The UI reports keyboard and pointer use so that typing alone keeps a session awake. */
  'signIn.heartbeat': define({
    input: empty,
    output: signInInfoSchema,
    access: 'signed-in',
    beforePasswordChange: true,
  }),

  'setup.initialize': define({
    input: z
      .object({
        clinic: clinicSettingsSchema.omit({ autoLockMinutes: true }),
        admin: z.object({
          username: usernameSchema,
          displayName: displayNameSchema,
          credentials: credentialsSchema,
          password: passwordSchema,
        }),
      })
      .strict(),
    output: signInInfoSchema,
    access: 'public',
  }),

  'auth.signIn': define({
    input: z.object({ username: z.string().trim().toLowerCase().max(64), password: passwordSchema }).strict(),
    output: signInInfoSchema,
    access: 'public',
  }),
  'auth.signOut': define({
    input: empty,
    output: signInInfoSchema,
    access: 'signed-in',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  'auth.unlock': define({
    input: z.object({ password: passwordSchema }).strict(),
    output: signInInfoSchema,
    access: 'signed-in',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  'auth.changePassword': define({
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: signInInfoSchema,
    access: 'signed-in',
    beforePasswordChange: true,
  }),
  ...setupRestoreMethods,
} as const;
