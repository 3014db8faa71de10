import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormulary, demoKetamine } from '../../src/cli/demo-clinical';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp, formularySaveConfirmation, setUpClinic } from '../support/test-app';

/** Issue 12, point 7: the RxNorm code of a formulary drug through the contract, on a real ledger. */
let app: TestApp;
let admin: SignIn;

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app);
}, 300_000);
afterAll(() => app.cleanup());

describe('formulary.update with an RxNorm code', () => {
  it('stores the code with the drug, in a new version, and gives it back', () => {
    const saved = app.ok(admin, 'formulary.update', {
      content: { ...demoFormulary, drugs: [{ ...demoKetamine, rxNormCode: '6130' }] },
      ...formularySaveConfirmation,
    });
    expect(saved.content.drugs[0]?.rxNormCode).toBe('6130');
    expect(app.ok(admin, 'formulary.get', {}).content.drugs[0]?.rxNormCode).toBe('6130');
  });

  it('refuses a code that is not digits, with a message on its field, and changes nothing', () => {
    const before = app.ok(admin, 'formulary.get', {});
    const result = app.call(admin, 'formulary.update', {
      content: { ...demoFormulary, drugs: [{ ...demoKetamine, rxNormCode: 'ketamine' }] },
      ...formularySaveConfirmation,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues).toEqual([
      {
        path: 'content.drugs.0.rxNormCode',
        message: 'Enter the RxNorm code (RxCUI) as digits only, e.g. 6130, or leave it empty',
      },
    ]);
    expect(app.ok(admin, 'formulary.get', {}).version).toBe(before.version);
  });
});
