import type { ErrorCode, FieldIssue } from '../contract/errors';

/**
 * Thrown by a use case to refuse a call: the transaction rolls back and the caller gets
 * `{ ok: false, error }`. Nothing else thrown crosses dispatch.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * Returned (not thrown) by a use case that must refuse the call *and* keep what it wrote,
 * such as a failed sign-in that counts towards the lockout.
 */
export class CommittedRefusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    readonly issues?: FieldIssue[],
  ) {}
}
