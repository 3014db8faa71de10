import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callResultSchema } from '../../src/contract/errors';
import { deviceNameSchema, normalizePairingCode, revokeReasonSchema } from '../../src/domain/devices';
import { requestDeviceEnrolment } from '../../src/services/devices';
import type { SignIn } from '../../src/services/sign-in';
import { expectUnchanged, ledgerState } from '../support/ledger-state';
import { rawCall } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { trickyText } from '../support/tricky-text';

/**
 * Arbitrary text as a pairing code, a device name or a revocation reason never throws, never
 * fails inside, and changes nothing unless it is valid: what a person can type into the
 * administrator's screen, or a script can send, cannot corrupt the devices table.
 */

let app: TestApp;
let admin: SignIn;
let waitingCode: string;
let activeId: number;

const newToken = () => createHash('sha256').update(randomBytes(32)).digest('hex');

function ask(): { deviceId: number; pairingCode: string } {
  const result = requestDeviceEnrolment(app.ledger, {
    tokenSha256: newToken(),
    requestedFrom: '10.0.0.8',
    userAgent: 'x',
  });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Typed variants of a real code (case, dash, spaces, a character off) among arbitrary text. */
function codeText(code: string): fc.Arbitrary<string> {
  const bare = code.replace('-', '');
  return fc.oneof(
    trickyText,
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constantFrom(
      code,
      bare,
      bare.toLowerCase(),
      ` ${code} `,
      `${code}-`,
      `${bare.slice(1)}`,
      `${code}X`,
      `${bare}0`,
    ),
  );
}

const nameText = fc.oneof(
  trickyText,
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 70 }),
  fc.constantFrom('Chair 1 tablet', 'CHAIR 1 TABLET', '', '   ', 'x'.repeat(60), 'x'.repeat(61), 'a\u0000b'),
);

function call(method: string, input: unknown) {
  const before = ledgerState(app.ledger.raw);
  let result: ReturnType<typeof rawCall> | undefined;
  expect(() => {
    result = rawCall(app, admin, method, input);
  }).not.toThrow();
  const parsed = callResultSchema.parse(result);
  if (!parsed.ok) {
    expect(parsed.error.code, `${method} ${JSON.stringify(input)}`).not.toBe('INTERNAL');
    expectUnchanged(app.ledger.raw, before);
  }
  return parsed;
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app);
  const first = ask();
  activeId = rawCall(app, admin, 'devices.approve', { pairingCode: first.pairingCode, name: 'Chair 1 tablet' }).ok
    ? first.deviceId
    : 0;
  waitingCode = ask().pairingCode;
}, 120_000);
afterAll(() => app.cleanup());

describe('arbitrary text in the device methods', () => {
  it('approves only the waiting code under a valid, free name', () => {
    fc.assert(
      fc.property(codeText(waitingCode), nameText, (pairingCode, name) => {
        const result = call('devices.approve', { pairingCode, name });
        if (result.ok) {
          expect(normalizePairingCode(pairingCode)).toBe(waitingCode);
          expect(deviceNameSchema.safeParse(name).success).toBe(true);
          waitingCode = ask().pairingCode;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renames only to a valid name, and revokes only with a valid reason', () => {
    expect(activeId).toBeGreaterThan(0);
    let shownName: string | null = 'Chair 1 tablet';
    fc.assert(
      fc.property(nameText, (name) => {
        const result = call('devices.rename', { deviceId: activeId, expectedName: shownName, name });
        if (result.ok) expect(deviceNameSchema.safeParse(name).success).toBe(true);
        if (result.ok) shownName = (result.value as { name: string | null }).name;
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(nameText, (reason) => {
        const { deviceId } = ask();
        const result = call('devices.revoke', { deviceId, reason });
        if (result.ok) expect(revokeReasonSchema.safeParse(reason).success).toBe(true);
        // A refused request would stay waiting, and 20 waiting requests stop further asks.
        else expect(call('devices.revoke', { deviceId, reason: 'Property test clean-up' }).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on an arbitrary enrolment request, and writes only for a valid token', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{64}$/), fc.constant('')),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (tokenSha256, requestedFrom, userAgent) => {
          // Each valid request is revoked at once, so the limit on waiting requests stays far off.
          const before = ledgerState(app.ledger.raw);
          const result = requestDeviceEnrolment(app.ledger, { tokenSha256, requestedFrom, userAgent });
          if (!result.ok) {
            expectUnchanged(app.ledger.raw, before);
            return;
          }
          expect(tokenSha256).toMatch(/^[0-9a-f]{64}$/);
          const stored = app.ledger.raw
            .prepare('SELECT user_agent AS userAgent FROM devices WHERE id = ?')
            .get(result.deviceId) as { userAgent: string };
          expect(Array.from(stored.userAgent).length).toBeLessThanOrEqual(200);
          expect(rawCall(app, admin, 'devices.revoke', { deviceId: result.deviceId, reason: 'test' }).ok).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
