import type { z } from 'zod';
import { auditMethods } from './audit-methods';
import { authMethods } from './auth-methods';
import { backupMethods } from './backup-methods';
import { clinicMethods } from './clinic-methods';
import { deviceMethods } from './device-methods';
import { documentMethods } from './document-methods';
import { hostMethods } from './host-methods';
import { patientMethods } from './patient-methods';
import { recordMethods } from './record-methods';
import { registerMethods } from './register-methods';
import { consentMethods } from './consent-methods';
import { sessionMethods } from './session-methods';

/**
 * The one method table of the API, assembled from its families. A name defined by two
 * families would silently keep only the later one; tests/contract/methods.test.ts guards that.
 */
export const methods = {
  ...authMethods,
  ...clinicMethods,
  ...patientMethods,
  ...recordMethods,
  ...sessionMethods,
  ...auditMethods,
  ...documentMethods,
  ...backupMethods,
  ...hostMethods,
  ...deviceMethods,
  ...registerMethods,
  ...consentMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
