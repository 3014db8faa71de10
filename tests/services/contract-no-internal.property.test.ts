import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import { callResultSchema } from '../../src/contract/errors';
import type { MethodName } from '../../src/contract/methods';
import { methodNames, methods } from '../../src/contract/methods';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import type { Role } from '../../src/domain/roles';
import type { SignIn } from '../../src/services/sign-in';
import { methodExamples } from '../support/method-examples';
import { rawCall } from '../support/raw-call';
import { testObservation } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';
import { trickyText } from '../support/tricky-text';
import { localDate } from '../../src/domain/time';

/**
 * Issue 12, point 3: no input to any contract method, from any caller, yields INTERNAL. The
 * ledger is the demo clinic (signed and draft exams and plans, a running infusion), so calls
 * reach the handlers and the arithmetic behind them; each method's example input is spoiled
 * with arbitrary text in every field that holds a decimal, and in any other text field.
 */

type SessionName = 'signed-out' | Role | 'locked-nurse';
const sessionNames: SessionName[] = ['signed-out', 'admin', 'physician', 'nurse', 'auditor', 'locked-nurse'];

type Path = (string | number)[];

/** A plain decimal as the examples write one: "0.05", "100", "36.8". */
const decimalLooking = /^\d+(\.\d+)?$/;

function stringSlots(value: unknown, path: Path = []): { path: Path; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringSlots(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringSlots(item, [...path, key]));
  }
  return [];
}

function withValuesAt(root: unknown, replacements: { path: Path; value: unknown }[]): unknown {
  const copy = structuredClone(root);
  for (const { path, value } of replacements) {
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path[path.length - 1] as string | number] = value;
  }
  return copy;
}

/** The example with arbitrary text in one decimal field, in all of them, or in any text field. */
function spoiled(example: unknown): fc.Arbitrary<unknown> {
  const strings = stringSlots(example);
  const decimals = strings.filter((slot) => decimalLooking.test(slot.text));
  const variants: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: fc.jsonValue(), weight: 1 }];
  if (strings.length > 0) {
    variants.push({
      arbitrary: fc
        .tuple(fc.constantFrom(...strings), fc.string())
        .map(([slot, value]) => withValuesAt(example, [{ path: slot.path, value }])),
      weight: 1,
    });
  }
  if (decimals.length > 0) {
    variants.push({
      arbitrary: fc
        .tuple(fc.constantFrom(...decimals), trickyText)
        .map(([slot, value]) => withValuesAt(example, [{ path: slot.path, value }])),
      weight: 4,
    });
    variants.push({
      arbitrary: fc.array(trickyText, { minLength: decimals.length, maxLength: decimals.length }).map((values) =>
        withValuesAt(
          example,
          decimals.map((slot, index) => ({ path: slot.path, value: values[index] })),
        ),
      ),
      weight: 2,
    });
  }
  return fc.oneof(...variants);
}

function mentionsPassword(value: unknown): boolean {
  return stringSlots(value).some((slot) => slot.path.some((key) => /password/i.test(String(key))));
}

/**
 * Valid-shaped calls left out: those that run scrypt on a password (≈0.3 s each), replace the
 * accounts the sessions stand for, or start an export in the background.
 */
function leftOut(method: MethodName, input: unknown): boolean {
  let valid = false;
  try {
    valid = methods[method].input.safeParse(input).success;
  } catch {
    // A schema that throws is what the property is about: let dispatch meet the input.
  }
  if (!valid) return false;
  return mentionsPassword(input) || method.startsWith('users.') || method === 'exports.start';
}

describe('no input to any method yields INTERNAL', () => {
  let app: TestApp;
  const snapshots = new Map<SessionName, SignIn>();
  /** More valid inputs, on this ledger's own records, for methods whose fields hold decimals. */
  const moreExamples: Partial<Record<MethodName, unknown[]>> = {};

  beforeAll(() => {
    app = createTestApp();
    seedDemo(app.ledger, { patientCount: 12 });
    for (const account of demoUsers) {
      const signIn = app.newSignIn();
      app.ok(signIn, 'auth.signIn', { username: account.username, password: account.password });
      snapshots.set(account.role, signIn);
    }
    const physician = snapshots.get('physician') as SignIn;
    const nurse = snapshots.get('nurse') as SignIn;
    snapshots.set('signed-out', app.newSignIn());
    snapshots.set('locked-nurse', { ...nurse, state: 'locked' });

    // The demo clinic's today (New York), not UTC's: they differ for hours around UTC midnight.
    const today = localDate(new Date(), 'America/New_York');
    const examRecord = app
      .ok(physician, 'records.list', { patientId: 1 })
      .records.find(
        (record) => record.type === 'exam' && record.versions.some((version) => version.status === 'signed'),
      );
    if (examRecord === undefined) throw new Error('the demo has no signed exam for patient 1');
    const planDraft = app.ok(physician, 'records.create', { type: 'plan', patientId: 1, examRecordId: examRecord.id })
      .versions[0];
    const examDraft = app.ok(physician, 'records.create', { type: 'exam', patientId: 2 }).versions[0];
    const weight = { value: '160', unit: 'lb' as const, measuredOn: today, source: 'measured' as const };
    moreExamples['records.saveDraft'] = [
      { type: 'plan', versionId: planDraft?.id, content: planWith({ ...weight, from: 'entered' }, { doseMg: '40' }) },
      { type: 'exam', versionId: examDraft?.id, content: completeExam(today, { weight }) },
    ];
    const running = Array.from({ length: 12 }, (_, index) => index + 1)
      .flatMap((patientId) => app.ok(nurse, 'sessions.list', { patientId }).sessions)
      .find((session) => session.status === 'Running');
    if (running === undefined) throw new Error('the demo has no running infusion');
    const now = new Date().toISOString();
    moreExamples['sessions.addEntry'] = [
      {
        sessionId: running.id,
        occurredAt: now,
        entry: administrationEventEntry('rate-change', { rateMlPerH: '120.5', reason: 'Nausea' }),
      },
      { sessionId: running.id, occurredAt: now, entry: { kind: 'observation', content: testObservation } },
    ];
    for (const [name, session] of snapshots) snapshots.set(name, { ...session });
  });
  afterAll(() => app.cleanup());

  function sessionFor(name: SessionName): SignIn {
    const snapshot = snapshots.get(name);
    if (snapshot === undefined) throw new Error(`no session ${name}`);
    // Fresh activity, so the inactivity lock never interferes however long the run takes.
    return { ...snapshot, lastActivityMs: Date.now() };
  }

  for (const method of methodNames) {
    it(`${method}: arbitrary text in its fields never gives INTERNAL, from any session`, () => {
      const examples = [methodExamples[method], ...(moreExamples[method] ?? [])].filter(
        (example) => example !== undefined,
      );
      expect(examples.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(
          fc.constantFrom(...sessionNames),
          fc.constantFrom(...examples).chain((example) => spoiled(example)),
          (sessionName, input) => {
            fc.pre(!leftOut(method, input));
            const reported: unknown[] = [];
            const result = rawCall(app, sessionFor(sessionName), method, input, (error) => reported.push(error));
            expect(callResultSchema.safeParse(result).success, JSON.stringify(result)).toBe(true);
            const code = result.ok ? 'ok' : result.error.code;
            expect(code, `${String(reported[0])} for ${JSON.stringify(input)}`).not.toBe('INTERNAL');
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});
