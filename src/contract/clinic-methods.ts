import { z } from 'zod';
import { clinicSchema, clinicUpdateSchema } from '../domain/clinic';
import { formularyContentSchema, formularySchema } from '../domain/formulary';
import { formularyHistoryEntrySchema, formularyReasonSchema } from '../domain/formulary-history';
import { roleSchema } from '../domain/roles';
import { sessionConfigurationContentSchema, sessionConfigurationSchema } from '../domain/session-configuration';
import { credentialsSchema, displayNameSchema, passwordSchema, userSchema, usernameSchema } from '../domain/user';
import { define, empty, idSchema, updatedAtSchema } from './define-method';

/** What the administrator configures: clinic settings, user accounts, the formulary. */
export const clinicMethods = {
  'clinic.get': define({ input: empty, output: clinicSchema, access: 'signed-in' }),
  /**
   * The weight-check settings may be left out: they then stay as they are. `expectedUpdatedAt`
   * is the clinic's `updatedAt` the form loaded: a newer one stored is a CONFLICT, not an
   * overwrite (optional only for scripts that save what they have just read).
   */
  'clinic.update': define({
    input: clinicUpdateSchema.extend({ expectedUpdatedAt: updatedAtSchema.optional() }).strict(),
    output: clinicSchema,
    access: ['admin'],
  }),
  /** The pre-session scales and discharge criteria the clinic asks at every infusion session. */
  'clinic.sessionConfiguration.get': define({
    input: empty,
    output: sessionConfigurationSchema,
    access: ['admin', 'physician', 'nurse', 'auditor'],
  }),
  /** Saves a new version; `expectedVersion` is the one the administrator edited (else CONFLICT). */
  'clinic.sessionConfiguration.update': define({
    input: z
      .object({ expectedVersion: z.number().int().nonnegative(), content: sessionConfigurationContentSchema })
      .strict(),
    output: sessionConfigurationSchema,
    access: ['admin'],
  }),

  'users.list': define({ input: empty, output: z.array(userSchema), access: ['admin'] }),
  'users.create': define({
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        credentials: credentialsSchema,
        role: roleSchema,
        temporaryPassword: passwordSchema,
        /**
         * The acting administrator's own password: it unlocks the clinic root key that issues
         * a clinician's signing certificate (or an administrator's copy of that key).
         */
        adminPassword: passwordSchema.optional(),
      })
      .strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.setActive': define({
    input: z.object({ userId: idSchema, active: z.boolean() }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.resetPassword': define({
    input: z
      .object({ userId: idSchema, temporaryPassword: passwordSchema, adminPassword: passwordSchema.optional() })
      .strict(),
    output: userSchema,
    access: ['admin'],
  }),

  'formulary.get': define({ input: empty, output: formularySchema, access: 'signed-in' }),
  /**
   * Saves a new version of the clinic's drugs, limits and screening checklist. It changes
   * what every later plan is checked against, so the administrator's password is asked
   * again (a wrong one counts towards the lockout) and a reason is kept with the version.
   */
  'formulary.update': define({
    input: z
      .object({
        /**
         * The version the administrator edited: a newer one in force is a CONFLICT, not an
         * overwrite. Optional only for scripts that save what they have just read (the demo data).
         */
        expectedVersion: z.number().int().nonnegative().optional(),
        content: formularyContentSchema,
        password: passwordSchema,
        reason: formularyReasonSchema,
      })
      .strict(),
    output: formularySchema,
    access: ['admin'],
  }),
  /** Every saved version, newest first: author, time, reason and the limits it changed. */
  'formulary.history': define({
    input: empty,
    output: z.array(formularyHistoryEntrySchema),
    access: ['admin', 'auditor'],
  }),
} as const;
