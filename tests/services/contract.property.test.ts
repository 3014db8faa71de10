import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CallResult, ErrorCode } from '../../src/contract/errors';
import { callResultSchema } from '../../src/contract/errors';
import type { MethodName } from '../../src/contract/methods';
import { methodNames, methods } from '../../src/contract/methods';
import type { PatientInput } from '../../src/domain/patient';
import { patientInputSchema, sexes } from '../../src/domain/patient';
import type { Role } from '../../src/domain/roles';
import { searchTerms } from '../../src/domain/search-key';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { methodExamples } from '../support/method-examples';
import { expectUnchanged, ledgerState } from '../support/ledger-state';
import { rawCall } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser } from '../support/test-app';

/**
 * Every contract method, called by every kind of session with arbitrary input, answers with a
 * well-formed CallResult and never throws; a refusal writes nothing. The expected refusal is
 * worked out here from the method table (an oracle independent of dispatch's own code).
 */

type SessionName = 'signed-out' | 'admin' | 'physician' | 'nurse' | 'auditor' | 'locked-nurse' | 'must-change';

const sessionNames: SessionName[] = [
  'signed-out',
  'admin',
  'physician',
  'nurse',
  'auditor',
  'locked-nurse',
  'must-change',
];

const sessionRole: Record<SessionName, Role | null> = {
  'signed-out': null,
  admin: 'admin',
  physician: 'physician',
  nurse: 'nurse',
  auditor: 'auditor',
  'locked-nurse': 'nurse',
  'must-change': 'nurse',
};

/** Refusals that keep what the handler wrote (failed sign-ins count towards the lockout). */
const committedRefusals = new Set<ErrorCode>(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED']);

/**
 * Methods that change state the other sessions rely on (users, clinic settings, formulary).
 * Valid-shaped calls to them that would reach the handler are left out of the big loops and
 * tested in their own files; malformed ones stay in.
 */
const stateful = new Set<string>([
  'users.create',
  'users.resetPassword',
  'users.setActive',
  'clinic.update',
  'clinic.sessionConfiguration.update',
  'formulary.update',
]);

/** Whether a schema takes a password anywhere: its handler runs scrypt (≈0.3 s) on it. */
function takesPassword(schema: z.ZodType): boolean {
  const inner = core(schema);
  if (inner instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = inner.shape;
    return Object.entries(shape).some(([key, child]) => /password/i.test(key) || takesPassword(child));
  }
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).some(takesPassword);
  return false;
}

/** The refusal dispatch must give before running the handler, from the method table alone. */
function expectedRefusal(method: MethodName, session: SessionName): ErrorCode | null {
  const definition = methods[method];
  if (definition.access === 'public') return null;
  const role = sessionRole[session];
  if (role === null) return 'NOT_SIGNED_IN';
  if (session === 'locked-nurse' && definition.whileLocked !== true) return 'SIGN_IN_LOCKED';
  if (session === 'must-change' && definition.beforePasswordChange !== true) return 'PASSWORD_CHANGE_REQUIRED';
  if (definition.access !== 'signed-in' && !definition.access.includes(role)) return 'FORBIDDEN';
  return null;
}

// --- Near misses derived from the zod schemas -------------------------------------------------

type Path = (string | number)[];
type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

interface Slot {
  /** Where the value sits in the example input. */
  path: Path;
  /** The field's schema as declared (with its optional/default/nullable wrappers). */
  schema: z.ZodType;
}

/** The schema without optional/default/nullable/readonly wrappers and with pipes reduced to their input. */
function core(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodReadonly) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.in as z.ZodType;
    } else {
      return inner;
    }
  }
}

/** The JSON types a schema accepts some value of, or null when it cannot be told from the schema. */
function acceptedTypes(schema: z.ZodType): Set<JsonType> | null {
  const inner = core(schema);
  const types = new Set<JsonType>();
  if (schema.safeParse(null).success) types.add('null');
  if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) types.add('string');
  else if (inner instanceof z.ZodNumber) types.add('number');
  else if (inner instanceof z.ZodBoolean) types.add('boolean');
  else if (inner instanceof z.ZodNull) types.add('null');
  else if (inner instanceof z.ZodObject || inner instanceof z.ZodRecord) types.add('object');
  else if (inner instanceof z.ZodArray || inner instanceof z.ZodTuple) types.add('array');
  else if (inner instanceof z.ZodLiteral) {
    for (const value of inner.values) types.add(value === null ? 'null' : (typeof value as JsonType));
  } else if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as z.ZodType[]) {
      const optionTypes = acceptedTypes(option);
      if (optionTypes === null) return null;
      for (const type of optionTypes) types.add(type);
    }
  } else return null;
  return types;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], root);
}

/** Every field of `value` that `schema` describes, depth first (the root itself excluded). */
function slotsOf(schema: z.ZodType, value: unknown, path: Path = []): Slot[] {
  const inner = core(schema);
  const child = (key: string | number, childSchema: z.ZodType): Slot[] => [
    { path: [...path, key], schema: childSchema },
    ...slotsOf(childSchema, valueAt(value, [key]), [...path, key]),
  ];
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  // Fields of an optional object the example leaves out have no value to spoil.
  if (inner instanceof z.ZodObject && isObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, childSchema]) =>
      child(key, childSchema),
    );
  }
  if (inner instanceof z.ZodRecord && isObject) {
    return Object.keys(value).flatMap((key) => child(key, inner.valueType as z.ZodType));
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((_, index) => child(index, inner.element as z.ZodType));
  }
  if (inner instanceof z.ZodUnion) {
    const option = (inner.options as z.ZodType[]).find((candidate) => candidate.safeParse(value).success);
    return option === undefined ? [] : slotsOf(option, value, path);
  }
  return [];
}

/** Strict objects in the schema, by path: an unknown key there must be refused. */
function strictObjectsOf(schema: z.ZodType, value: unknown, path: Path = []): Path[] {
  const inner = core(schema);
  if (inner instanceof z.ZodUnion) {
    const option = (inner.options as z.ZodType[]).find((candidate) => candidate.safeParse(value).success);
    return option === undefined ? [] : strictObjectsOf(option, value, path);
  }
  if (!(inner instanceof z.ZodObject) || value === null || typeof value !== 'object') return [];
  const here = inner.def.catchall instanceof z.ZodNever ? [path] : [];
  return [
    ...here,
    ...Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, childSchema]) =>
      strictObjectsOf(childSchema, valueAt(value, [key]), [...path, key]),
    ),
  ];
}

const missing = Symbol('missing');

const valuesOfType: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.string(),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue(), { maxLength: 3 }),
  object: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
};

/**
 * Values of a JSON type the field does not take (or the key left out where it is required).
 * Always refused by the field's own schema: what the schema accepts is filtered out.
 */
function wrongValues(slot: Slot): fc.Arbitrary<unknown> | null {
  const accepted = acceptedTypes(slot.schema);
  const options = (Object.keys(valuesOfType) as JsonType[])
    .filter((type) => accepted === null || !accepted.has(type))
    .map((type) => valuesOfType[type]);
  if (!slot.schema.safeParse(undefined).success) options.push(fc.constant(missing));
  if (options.length === 0) return null;
  return fc.oneof(...options).filter((value) => value === missing || !slot.schema.safeParse(value).success);
}

function withValueAt(root: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (replacement === missing) delete parent[key];
  else parent[key] = replacement;
  return copy;
}

interface NearMiss {
  input: unknown;
  /** The dotted path of the field that was spoiled; the refusal must name it, a parent or a child. */
  path: string;
}

function nearMisses(method: MethodName): fc.Arbitrary<NearMiss> | null {
  const example = methodExamples[method];
  if (example === undefined) return null;
  const schema = methods[method].input as z.ZodType;
  const variants: fc.Arbitrary<NearMiss>[] = strictObjectsOf(schema, example).map((path) =>
    fc.constant({
      input: withValueAt(example, [...path, 'unexpectedKey'], 1),
      path: path.join('.'),
    }),
  );
  for (const slot of slotsOf(schema, example)) {
    const wrong = wrongValues(slot);
    if (wrong === null) continue;
    variants.push(
      wrong.map((replacement) => ({
        input: withValueAt(example, slot.path, replacement),
        path: slot.path.join('.'),
      })),
    );
  }
  if (variants.length === 0) return null;
  // A union may take the spoiled input as one of its other options; such inputs are no miss.
  return fc.oneof(...variants).filter((miss) => !schema.safeParse(miss.input).success);
}

/** Arbitrary values that survive JSON unchanged: what an adapter can actually deliver. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return Object.keys(value).length === value.length && value.every(isJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJson);
}

const jsonAnything = fc.anything().filter(isJson);

// --- The app and its sessions ----------------------------------------------------------------

describe('the contract under arbitrary input', () => {
  let app: TestApp;
  const snapshots = new Map<SessionName, SignIn>();

  beforeAll(() => {
    app = createTestApp();
    const admin = setUpClinic(app);
    const physician = signedInUser(app, admin, 'physician');
    const nurse = signedInUser(app, admin, 'nurse');
    const auditor = signedInUser(app, admin, 'auditor');
    app.ok(admin, 'users.create', {
      username: 'pending',
      displayName: 'Pending Change',
      credentials: '',
      role: 'nurse',
      temporaryPassword: 'Temporary-pass-2026!',
      adminPassword,
    });
    const pending = app.newSignIn();
    app.ok(pending, 'auth.signIn', { username: 'pending', password: 'Temporary-pass-2026!' });
    for (const mrn of ['P-1', 'P-2', 'P-3']) app.ok(nurse, 'patients.create', { patient: patientInput({ mrn }) });

    snapshots.set('signed-out', app.newSignIn());
    snapshots.set('admin', admin);
    snapshots.set('physician', physician);
    snapshots.set('nurse', nurse);
    snapshots.set('auditor', auditor);
    snapshots.set('locked-nurse', { ...nurse, state: 'locked' });
    snapshots.set('must-change', pending);
    // Freeze copies: every call gets its own copy, so no call can change another's session.
    for (const [name, session] of snapshots) snapshots.set(name, { ...session });
  });
  afterAll(() => app.cleanup());

  function sessionFor(name: SessionName): SignIn {
    const snapshot = snapshots.get(name);
    if (snapshot === undefined) throw new Error(`no session ${name}`);
    // Fresh activity, so the inactivity lock never interferes however long the run takes.
    return { ...snapshot, lastActivityMs: Date.now() };
  }

  /** Calls and checks everything that must hold for any input. Returns the result. */
  function check(method: string, sessionName: SessionName, input: unknown): CallResult<unknown> {
    const before = ledgerState(app.ledger.raw);
    let raw: unknown;
    expect(() => {
      raw = rawCall(app, sessionFor(sessionName), method, input);
    }).not.toThrow();
    const parsed = callResultSchema.safeParse(raw);
    expect(parsed.success, JSON.stringify(raw)).toBe(true);
    const result = raw as CallResult<unknown>;
    // Serialisable as the adapters send it.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);

    if (!(methodNames as string[]).includes(method)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    } else {
      const name = method as MethodName;
      const valid = methods[name].input.safeParse(input).success;
      const refusal = expectedRefusal(name, sessionName);
      // The caller's access first: a session refused the method learns nothing of its input rules.
      if (refusal !== null) {
        expect(result).toMatchObject({ ok: false, error: { code: refusal } });
        if (!result.ok) expect(result.error.issues).toBeUndefined();
      } else if (!valid) {
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        if (!result.ok) expect(result.error.issues?.length ?? 0).toBeGreaterThan(0);
      } else if (result.ok) {
        expect(methods[name].output.safeParse(result.value).success).toBe(true);
      }
    }
    if (!result.ok) expect(result.error.code, 'no input may give INTERNAL').not.toBe('INTERNAL');
    if (!result.ok && !committedRefusals.has(result.error.code)) expectUnchanged(app.ledger.raw, before);
    return result;
  }

  /** Leaves out valid-shaped calls that would run scrypt or change shared state. */
  function wouldReachSlowHandler(method: MethodName, sessionName: SessionName, input: unknown): boolean {
    return (
      (stateful.has(method) || takesPassword(methods[method].input as z.ZodType)) &&
      methods[method].input.safeParse(input).success &&
      expectedRefusal(method, sessionName) === null
    );
  }

  it('has a valid example for every method, and each example parses', () => {
    for (const method of methodNames) {
      expect(methodExamples, `add an example input for ${method}`).toHaveProperty([method]);
      expect(methods[method].input.safeParse(methodExamples[method]).success, method).toBe(true);
    }
  });

  for (const method of methodNames) {
    it(`${method}: arbitrary input from any session gives a well-formed result and refusals write nothing`, () => {
      const misses = nearMisses(method);
      const input = fc.oneof(
        { arbitrary: fc.jsonValue(), weight: 2 },
        { arbitrary: jsonAnything, weight: 2 },
        { arbitrary: misses === null ? fc.jsonValue() : misses.map((miss) => miss.input), weight: 3 },
      );
      fc.assert(
        fc.property(fc.constantFrom(...sessionNames), input, (sessionName, value) => {
          fc.pre(!wouldReachSlowHandler(method, sessionName, value));
          check(method, sessionName, value);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const method of methodNames) {
    it(`${method}: each near miss is INVALID_INPUT naming the spoiled field, for every session allowed to call it`, () => {
      const misses = nearMisses(method);
      if (misses === null) return;
      fc.assert(
        fc.property(fc.constantFrom(...sessionNames), misses, (sessionName, miss) => {
          const result = check(method, sessionName, miss.input);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          // A session refused the method is told only that (checked in `check`).
          if (expectedRefusal(method, sessionName) !== null) return;
          expect(result.error.code).toBe('INVALID_INPUT');
          const paths = result.error.issues?.map((issue) => issue.path) ?? [];
          const named = paths.some(
            (path) =>
              path === miss.path ||
              (path !== '' && miss.path.startsWith(`${path}.`)) ||
              (miss.path !== '' && path.startsWith(`${miss.path}.`)),
          );
          expect(named, `${miss.path} not in ${JSON.stringify(paths)}`).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('answers UNKNOWN_METHOD for any other name, whatever the input', () => {
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'patients', 'patients.'),
      fc.constantFrom(...methodNames).map((name) => name.toUpperCase()),
    );
    fc.assert(
      fc.property(
        names.filter((name) => !(methodNames as string[]).includes(name)),
        fc.jsonValue(),
        (name, value) => {
          const result = check(name, 'admin', value);
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws whatever an adapter passes, JSON or not', () => {
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...methodNames),
        fc.constantFrom(...sessionNames),
        anything,
        (method, name, value) => {
          fc.pre(!wouldReachSlowHandler(method, name, value));
          check(method, name, value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses valid-shaped sign-ins with unknown usernames, auditing only the attempt', () => {
    const taken = new Set(['admin', 'physician', 'nurse', 'auditor', 'pending']);
    const username = fc.string({ minLength: 1, maxLength: 64 }).filter((name) => !taken.has(name.trim().toLowerCase()));
    const password = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(username, password, (name, secret) => {
        const before = ledgerState(app.ledger.raw);
        const result = check('auth.signIn', 'signed-out', { username: name, password: secret });
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
        const after = ledgerState(app.ledger.raw);
        expect(after.head.seq).toBe(before.head.seq + 1);
        expect({ ...after.counts, audit_log: 0 }).toEqual({ ...before.counts, audit_log: 0 });
      }),
      // Each one runs scrypt against the decoy hash.
      { numRuns: 4 },
    );
  });

  it('refuses valid-shaped password changes with a wrong current password, writing nothing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1 }), (current, next) => {
        fc.pre(current !== adminPassword);
        const result = check('auth.changePassword', 'admin', { currentPassword: current, newPassword: next });
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      }),
      { numRuns: 3 },
    );
  });

  describe('patients.create with valid input derived from patientInputSchema', () => {
    const shape = patientInputSchema.shape;
    const accepted = <T>(schema: z.ZodType, arbitrary: fc.Arbitrary<T>) =>
      arbitrary.filter((value) => schema.safeParse(value).success);
    const text = (schema: z.ZodType, minLength: number) =>
      accepted(schema, fc.string({ unit: 'grapheme', minLength, maxLength: 30 }));
    const isoDate = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    const itemSchema = z.string().pipe(patientInputSchema.shape.familyName);

    const fields: { [K in keyof PatientInput]-?: fc.Arbitrary<PatientInput[K]> } = {
      mrn: accepted(
        shape.mrn,
        fc
          .tuple(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/), fc.constantFrom('', ' ', '  '))
          .map(([mrn, pad]) => `${pad}${mrn}${pad}`),
      ),
      familyName: text(shape.familyName, 1),
      givenNames: text(shape.givenNames, 1),
      preferredName: text(shape.preferredName, 0),
      dateOfBirth: isoDate,
      sex: fc.constantFrom(...sexes),
      phone: text(shape.phone, 0),
      emergencyContact: fc.option(
        fc.record({
          name: text(shape.familyName, 1),
          relationship: text(shape.preferredName, 0),
          phone: text(shape.familyName, 1),
        }),
        { nil: null },
      ),
      allergies: fc.oneof(
        fc.constant({ status: 'not-recorded' as const }),
        fc.constant({ status: 'none-known' as const }),
        fc.record({
          status: fc.constant('recorded' as const),
          items: fc.array(text(itemSchema, 1), { minLength: 1, maxLength: 4 }),
        }),
      ),
    };
    const patient = fc.record(fields);

    it('covers every field of the schema', () => {
      expect(Object.keys(fields).sort()).toEqual(Object.keys(shape).sort());
    });

    it('round-trips through create and get, normalised as the schema says, and is found by MRN and name', () => {
      let session: SignIn | undefined;
      const used = new Set<string>();
      fc.assert(
        fc.property(patient, (input) => {
          session ??= sessionFor('nurse');
          const normalised = patientInputSchema.parse(input);
          const before = ledgerState(app.ledger.raw);
          const created = app.call(session, 'patients.create', { patient: input });
          if (used.has(normalised.mrn)) {
            expect(created).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
            expectUnchanged(app.ledger.raw, before);
            return;
          }
          if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.error)}`);
          used.add(normalised.mrn);
          const fetched = app.ok(session, 'patients.get', { patientId: created.value.id });
          expect(fetched).toEqual(created.value);
          const { id, version, createdAt, updatedAt, ...stored } = fetched;
          expect(id).toBe(created.value.id);
          expect(version).toBe(1);
          expect(updatedAt).toBe(createdAt);
          expect(stored).toEqual(normalised);

          const byMrn = app.ok(session, 'patients.search', { query: normalised.mrn.toLowerCase(), limit: 100 });
          expect(byMrn.patients.map((found) => found.id)).toContain(created.value.id);
          if (searchTerms(normalised.familyName).length > 0) {
            const byName = app.ok(session, 'patients.search', { query: normalised.familyName, limit: 100 });
            expect(byName.patients.map((found) => found.id)).toContain(created.value.id);
          }
        }),
        { numRuns: 120 },
      );
    });
  });
});
