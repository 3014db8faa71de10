import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/services/dispatch';
import type { SignIn } from '../../src/services/sign-in';
import type { DerivationRequest } from '../../src/signing/scrypt-derivation';
import { DerivationMemo, DerivationNeeded, withDerivations } from '../../src/signing/scrypt-derivation';
import { expectUnchanged, ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic } from '../support/test-app';

let app: TestApp;

beforeAll(() => {
  app = createTestApp();
  setUpClinic(app, 'UTC');
});
afterAll(() => app.cleanup());

describe('dispatch under withDerivations', () => {
  it('lets DerivationNeeded through, rolled back whole: nothing written, the sign-in as it was, nothing reported', async () => {
    const memo = new DerivationMemo();
    const session: SignIn = app.newSignIn();
    const internalErrors: unknown[] = [];
    const run = (): DerivationRequest => {
      try {
        withDerivations(memo, () =>
          dispatch(
            { ledger: app.ledger, signIn: session, onInternalError: (error) => internalErrors.push(error) },
            'auth.signIn',
            { username: 'admin', password: adminPassword },
          ),
        );
      } catch (error) {
        if (error instanceof DerivationNeeded) return error.request;
        throw error;
      }
      throw new Error('expected the run to need a derivation');
    };

    const before = ledgerState(app.ledger.raw);
    const passwordCheck = run();
    expect(passwordCheck.kind).toBe('given-salt');
    await memo.fulfil(passwordCheck);
    // Now the password checks out: the run signs in, clears the failure count and audits it,
    // then needs the root key for the checkpoint. All of that must be undone.
    const rootKey = run();
    expect(rootKey.cost.p).toBe(5);
    expect(session).toMatchObject({ userId: null, state: 'signed-out', signedOnce: false });
    expectUnchanged(app.ledger.raw, before);
    expect(internalErrors).toEqual([]);

    await memo.fulfil(rootKey);
    const result = withDerivations(memo, () =>
      dispatch({ ledger: app.ledger, signIn: session }, 'auth.signIn', { username: 'admin', password: adminPassword }),
    );
    expect(result.ok).toBe(true);
    expect(session.state).toBe('active');
    memo.wipe();
  });
});
