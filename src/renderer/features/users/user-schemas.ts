import { z } from 'zod';
import { passwordProblems } from '../../../domain/password-policy';
import { roles } from '../../../domain/roles';
import { credentialsSchema, displayNameSchema, usernameSchema } from '../../../domain/user';

const temporaryPassword = z.string().min(1, 'Choose a temporary password');
/** The administrator's own password unlocks the clinic key that issues signing certificates. */
const adminPassword = z.string().min(1, 'Enter your own password');

/** A new account: the contract's fields; the role starts unchosen so it is picked on purpose. */
export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    credentials: credentialsSchema,
    role: z.string().pipe(z.enum(roles, { error: 'Choose a role' })),
    temporaryPassword,
    adminPassword,
  })
  .superRefine((values, context) => {
    if (values.temporaryPassword !== '' && passwordProblems(values.temporaryPassword, values.username).length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['temporaryPassword'],
        message: 'The temporary password does not meet the rules below it',
      });
    }
  });
export type CreateUserValues = z.input<typeof createUserSchema>;
export type NewUser = z.output<typeof createUserSchema>;

export function resetPasswordSchema(username: string) {
  return z.object({
    temporaryPassword: temporaryPassword.refine(
      (password) => passwordProblems(password, username).length === 0,
      'The temporary password does not meet the rules below it',
    ),
    adminPassword,
  });
}
export type ResetPasswordValues = z.input<ReturnType<typeof resetPasswordSchema>>;
