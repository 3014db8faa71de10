import { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method:
 * - `public`: anyone, signed in or not (set-up, sign-in, session status);
 * - `signed-in`: any active user;
 * - a list of roles.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Callable while the session is locked by inactivity (unlock, sign out). */
  whileLocked?: boolean;
  /** Callable before a forced password change is done. */
  beforePasswordChange?: boolean;
  /** Whether the call counts as user activity for the inactivity lock (default true). */
  activity?: boolean;
}

export const define = <I extends z.ZodType, O extends z.ZodType>(definition: MethodDefinition<I, O>) => definition;

export const empty = z.object({}).strict();
export const idSchema = z.number().int().positive();
export const clinical: readonly Role[] = ['physician', 'nurse'];
export const chartReaders: readonly Role[] = ['physician', 'nurse', 'auditor'];
/**
 * A row's `updatedAt` as the screen loaded it, sent back with a save: a newer one stored means
 * someone saved since, and the save is refused (CONFLICT) rather than overwriting theirs.
 */
export const updatedAtSchema = z.string().min(1).max(40);
