import { z } from 'zod';

/** The four kinds of user. Admins manage users and settings; they do not chart. */
export const roles = ['admin', 'physician', 'nurse', 'auditor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  physician: 'Physician',
  nurse: 'Nurse',
  auditor: 'Auditor',
};
