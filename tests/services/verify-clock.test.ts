import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/domain/time';
import type { SignIn } from '../../src/services/sign-in';
import { checkNames } from '../../src/signing/verify-pdf';
import { planSummaryInput } from '../pdf/summary-fixture';
import { createClinic, signedPlanSummary } from '../signing/signing-fixture';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';

/**
 * The Verify page shows what documents.verify says: the signing time in the clinic's own
 * clock with its offset, like every other screen (UTC is for machine-readable files only).
 */
const zone = 'Asia/Kolkata';
let app: TestApp;
let admin: SignIn;

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, zone);
}, 600_000);
afterAll(() => app.cleanup());

describe('verifying a signed PDF in the app', () => {
  it('gives the signing time in clinic time with its offset, not in UTC', () => {
    const signedAt = planSummaryInput().signature.signedAt;
    const pdf = signedPlanSummary(createClinic());
    const result = app.ok(admin, 'documents.verify', { pdfBase64: pdf.toString('base64') });
    const detail = result.checks.find((check) => check.name === checkNames.signature)?.detail ?? '';
    expect(detail).toContain(`signed ${formatDateTime(signedAt, zone)}`);
    expect(detail).toContain('UTC+05:30');
    expect(detail).not.toContain('UTC+00:00');
  });
});
