import { z } from 'zod';
import { clinicSettingsSchema } from '../../../domain/clinic';
import { passwordProblems } from '../../../domain/password-policy';
import { credentialsSchema, displayNameSchema, usernameSchema } from '../../../domain/user';

/** The set-up form: the contract's input plus the password typed twice. */
export const setupSchema = z
  .object({
    clinic: clinicSettingsSchema.pick({ name: true, address: true, timeZone: true }),
    admin: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      credentials: credentialsSchema,
      password: z.string().min(1, 'Choose a password'),
      confirmPassword: z.string(),
    }),
  })
  .superRefine(({ admin }, context) => {
    if (admin.password !== '' && passwordProblems(admin.password, admin.username).length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['admin', 'password'],
        message: 'The password does not meet the rules below it',
      });
    }
    if (admin.confirmPassword !== admin.password) {
      context.addIssue({
        code: 'custom',
        path: ['admin', 'confirmPassword'],
        message: 'The two passwords do not match',
      });
    }
  });

export type SetupValues = z.input<typeof setupSchema>;
export type SetupFields = z.output<typeof setupSchema>;
