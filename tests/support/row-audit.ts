import { expect } from 'vitest';

/**
 * What every audited write of a users, patients or clinic row adds to its entry's details
 * (see src/db/row-state.ts): the row's digest and its state without secrets.
 */
export const rowAudit = {
  rowSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown as string,
  rowState: expect.any(Object) as unknown as Record<string, unknown>,
};
