import { z } from 'zod';

/** Every way a call can fail. Each is distinct so the UI and tests can tell them apart. */
export const errorCodes = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'SIGN_IN_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WEAK_PASSWORD',
  'NOT_FOUND',
  'DUPLICATE',
  'CONFLICT',
  'NOT_READY_TO_SIGN',
  /** An infusion whose series has no current informed consent (the message names what is missing). */
  'CONSENT_REQUIRED',
  'FROZEN',
  /** The ledger file failed SQLite's structural check: nobody may sign in; restore from a backup. */
  'LEDGER_DAMAGED',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldIssueSchema = z.object({
  /** Dotted path of the field, e.g. "patient.dateOfBirth". */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const callErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type CallError = z.infer<typeof callErrorSchema>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const callResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: callErrorSchema }),
]);

export function failure(code: ErrorCode, message: string, issues?: FieldIssue[]): { ok: false; error: CallError } {
  return { ok: false, error: issues === undefined ? { code, message } : { code, message, issues } };
}

/** Turns zod issues into field-level messages a person can act on. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
