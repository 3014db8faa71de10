import { z } from 'zod';
import { clinicSchema } from './clinic';
import { roleSchema } from './roles';

export const signedInUserSchema = z.object({
  id: z.number().int().positive(),
  username: z.string(),
  displayName: z.string(),
  credentials: z.string(),
  role: roleSchema,
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/**
 * What the UI needs to know about its sign-in. `locked` keeps the user (and the screen
 * behind the lock) so that unlocking with the password resumes exactly where they were.
 */
export const signInInfoSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-initialized') }),
  z.object({ state: z.literal('signed-out'), clinic: clinicSchema }),
  z.object({
    state: z.enum(['active', 'locked', 'must-change-password']),
    clinic: clinicSchema,
    user: signedInUserSchema,
    /** Server time (UTC ISO) and when the sign-in will lock if nothing happens. */
    serverTime: z.string(),
    locksAt: z.string(),
  }),
]);
export type SignInInfo = z.infer<typeof signInInfoSchema>;
