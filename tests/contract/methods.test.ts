import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { auditMethods } from '../../src/contract/audit-methods';
import { authMethods } from '../../src/contract/auth-methods';
import { backupMethods } from '../../src/contract/backup-methods';
import { clinicMethods } from '../../src/contract/clinic-methods';
import { deviceMethods } from '../../src/contract/device-methods';
import { registerMethods } from '../../src/contract/register-methods';
import type { MethodDefinition } from '../../src/contract/define-method';
import { documentMethods } from '../../src/contract/document-methods';
import { hostMethods } from '../../src/contract/host-methods';
import type { MethodName } from '../../src/contract/methods';
import { isMethodName, methodNames, methods } from '../../src/contract/methods';
import { patientMethods } from '../../src/contract/patient-methods';
import { recordMethods } from '../../src/contract/record-methods';
import { consentMethods } from '../../src/contract/consent-methods';
import { sessionMethods } from '../../src/contract/session-methods';
import { roles } from '../../src/domain/roles';
import { methodExamples } from '../support/method-examples';
import { rawCall } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

/**
 * The method table is assembled by spreading its families into one object, where a name defined
 * twice would silently keep the later definition. These tests hold the families and the table
 * to each other, and every definition to what dispatch expects of it.
 */

interface Family {
  /** The name prefixes (the part before the first dot) this family alone may define. */
  prefixes: readonly string[];
  table: Readonly<Record<string, MethodDefinition>>;
}

const families: Record<string, Family> = {
  auth: { prefixes: ['signIn', 'setup', 'auth'], table: authMethods },
  clinic: { prefixes: ['clinic', 'users', 'formulary'], table: clinicMethods },
  patient: { prefixes: ['patients'], table: patientMethods },
  record: { prefixes: ['records', 'chairside'], table: recordMethods },
  session: { prefixes: ['sessions'], table: sessionMethods },
  audit: { prefixes: ['audit', 'exports'], table: auditMethods },
  document: { prefixes: ['documents', 'identity'], table: documentMethods },
  backup: { prefixes: ['backups'], table: backupMethods },
  host: { prefixes: ['host'], table: hostMethods },
  device: { prefixes: ['devices'], table: deviceMethods },
  register: { prefixes: ['register'], table: registerMethods },
  consent: { prefixes: ['consents'], table: consentMethods },
};

const definitionKeys = new Set(['input', 'output', 'access', 'whileLocked', 'beforePasswordChange', 'activity']);
/** Only these may be called before anyone signs in (see `Access`). */
const publicPrefixes = new Set(['signIn', 'setup', 'auth']);
const camelCase = /^[a-z][a-zA-Z0-9]*$/;

const prefixOf = (name: string) => name.split('.')[0] ?? '';
const definitionOf = (name: MethodName): MethodDefinition => methods[name];

describe('the method table', () => {
  it('is exactly the union of its families, with no name defined twice', () => {
    const definedBy = new Map<string, string[]>();
    for (const [family, { table }] of Object.entries(families)) {
      for (const name of Object.keys(table)) definedBy.set(name, [...(definedBy.get(name) ?? []), family]);
    }
    const twice = [...definedBy].filter(([, by]) => by.length > 1).map(([name, by]) => `${name} (${by.join(', ')})`);
    expect(twice, 'names defined by more than one family').toEqual([]);

    const familyCount = Object.values(families).reduce((sum, { table }) => sum + Object.keys(table).length, 0);
    expect(methodNames).toHaveLength(familyCount);
    expect([...methodNames].sort()).toEqual([...definedBy.keys()].sort());
    for (const { table } of Object.values(families)) {
      for (const [name, definition] of Object.entries(table)) {
        expect(methods[name as MethodName], name).toBe(definition);
      }
    }
  });

  it('types MethodName as the names of all families', () => {
    expectTypeOf<MethodName>().toEqualTypeOf<
      | keyof typeof authMethods
      | keyof typeof clinicMethods
      | keyof typeof patientMethods
      | keyof typeof recordMethods
      | keyof typeof sessionMethods
      | keyof typeof auditMethods
      | keyof typeof documentMethods
      | keyof typeof backupMethods
      | keyof typeof hostMethods
      | keyof typeof deviceMethods
      | keyof typeof registerMethods
      | keyof typeof consentMethods
    >();
  });

  it('gives each name prefix to one family, which defines only its own prefixes', () => {
    const owners = Object.entries(families).flatMap(([family, { prefixes }]) => prefixes.map((p) => [p, family]));
    expect(new Set(owners.map(([prefix]) => prefix)).size, 'a prefix claimed by two families').toBe(owners.length);
    for (const [family, { prefixes, table }] of Object.entries(families)) {
      const strays = Object.keys(table).filter((name) => !prefixes.includes(prefixOf(name)));
      expect(strays, `methods in the ${family} family that belong elsewhere`).toEqual([]);
    }
  });

  it('names every method family.verb (or family.resource.verb) in camelCase, unique ignoring case', () => {
    const malformed = methodNames.filter((name) => {
      const segments = name.split('.');
      return segments.length < 2 || segments.length > 3 || !segments.every((segment) => camelCase.test(segment));
    });
    expect(malformed).toEqual([]);
    expect(new Set(methodNames.map((name) => name.toLowerCase())).size).toBe(methodNames.length);
  });

  it('recognises exactly its own names, not inherited object members', () => {
    for (const name of methodNames) expect(isMethodName(name), name).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'patients', 'patients.delete']) {
      expect(isMethodName(name), name).toBe(false);
    }
  });
});

describe('each method definition', () => {
  it('records only what dispatch reads, with boolean flags', () => {
    for (const name of methodNames) {
      const definition = definitionOf(name);
      expect(
        Object.keys(definition).filter((key) => !definitionKeys.has(key)),
        name,
      ).toEqual([]);
      for (const flag of ['whileLocked', 'beforePasswordChange', 'activity'] as const) {
        expect(['undefined', 'boolean'], `${name}.${flag}`).toContain(typeof definition[flag]);
      }
    }
  });

  it('has zod input and output schemas; the input is an object that refuses unknown keys', () => {
    const examples: Partial<Record<string, unknown>> = methodExamples;
    for (const name of methodNames) {
      const { input, output } = definitionOf(name);
      expect(input, name).toBeInstanceOf(z.ZodType);
      expect(output, name).toBeInstanceOf(z.ZodType);
      expect(Object.hasOwn(examples, name), `add an example input for ${name}`).toBe(true);
      const example = examples[name];
      expect(input.safeParse(example).success, `${name} example`).toBe(true);
      expect(input.safeParse({ ...(example as object), unexpected: 1 }).success, `${name} extra key`).toBe(false);
      for (const notAnObject of [undefined, null, 'x', 42, []]) {
        expect(input.safeParse(notAnObject).success, `${name} input ${JSON.stringify(notAnObject)}`).toBe(false);
      }
      // Every method answers with a value the caller can read.
      for (const nothing of [undefined, null]) expect(output.safeParse(nothing).success, `${name} output`).toBe(false);
    }
  });

  it('is public, signed-in, or open to a non-empty list of known roles named once each', () => {
    for (const name of methodNames) {
      const { access } = definitionOf(name);
      if (access === 'public' || access === 'signed-in') continue;
      expect(Array.isArray(access), name).toBe(true);
      expect(access.length, `${name} allows nobody`).toBeGreaterThan(0);
      expect(
        access.filter((role) => !roles.includes(role)),
        name,
      ).toEqual([]);
      expect(new Set(access).size, `${name} names a role twice`).toBe(access.length);
    }
  });

  it('is public only for signing in, its status and the first set-up', () => {
    const open = methodNames.filter((name) => definitionOf(name).access === 'public');
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((name) => !publicPrefixes.has(prefixOf(name)))).toEqual([]);
  });
});

describe('dispatch', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp();
  });
  afterAll(() => app.cleanup());

  it('handles every method of the table: none is UNKNOWN_METHOD or fails inside', () => {
    const internal: string[] = [];
    const examples: Partial<Record<string, unknown>> = methodExamples;
    for (const name of methodNames) {
      // A valid set-up would really set the clinic up; malformed, it stops at its input.
      const input = name === 'setup.initialize' ? {} : examples[name];
      const result = rawCall(app, app.newSignIn(), name, input, (_error, method) => internal.push(method));
      const code = result.ok ? 'ok' : result.error.code;
      expect(code, name).not.toBe('UNKNOWN_METHOD');
      expect(code, name).not.toBe('INTERNAL');
      // Before set-up, only public methods get past the access check.
      if (definitionOf(name).access !== 'public') expect(code, name).toBe('NOT_INITIALIZED');
    }
    expect(internal).toEqual([]);
  });

  it('answers UNKNOWN_METHOD to near misses of every name', () => {
    for (const name of methodNames) {
      for (const near of [`${name}x`, name.toUpperCase(), prefixOf(name), `${name}.`, ` ${name}`]) {
        const result = rawCall(app, app.newSignIn(), near, {});
        expect(result.ok ? 'ok' : result.error.code, near).toBe('UNKNOWN_METHOD');
      }
    }
  });
});
