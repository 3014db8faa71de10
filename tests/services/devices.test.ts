import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src/contract/methods';
import { auditHead, verifyAuditChain } from '../../src/db/audit-log';
import { verifyCheckpoints } from '../../src/db/checkpoint-verify';
import { verifyTableStates } from '../../src/db/table-states';
import type { JsonValue } from '../../src/domain/canonical-json';
import { deviceByToken, requestDeviceEnrolment } from '../../src/services/devices';
import type { SignIn } from '../../src/services/sign-in';
import { methodExamples } from '../support/method-examples';
import { expectRefused } from '../support/raw-call';
import { referenceVerify } from '../support/reference-audit-verify';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

const codeShape = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;
const minutes = (count: number) => count * 60_000;

let app: TestApp;
let admin: SignIn;
let nurse: SignIn;

const newToken = () => createHash('sha256').update(randomBytes(32)).digest('hex');
const clockAt = (offsetMs: number) => () => new Date(Date.now() + app.clockOffsetMs + offsetMs);

function request(token = newToken(), offsetMs = 0, userAgent = 'Mozilla/5.0 (iPad)') {
  const result = requestDeviceEnrolment(
    app.ledger,
    { tokenSha256: token, requestedFrom: '10.0.0.7', userAgent },
    clockAt(offsetMs),
  );
  if (!result.ok) throw new Error(`enrolment refused: ${result.message}`);
  return { ...result, token };
}

interface AuditRow {
  action: string;
  actor: number | null;
  details: Record<string, JsonValue>;
}

function auditOf(entityId: number, action: string): AuditRow[] {
  const rows = app.ledger.raw
    .prepare(
      `SELECT action, actor_user_id AS actor, details FROM audit_log
        WHERE entity_type = 'device' AND entity_id = ? AND action = ? ORDER BY seq`,
    )
    .all(String(entityId), action) as { action: string; actor: number | null; details: string }[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, JsonValue> }));
}

function lastAudit(): AuditRow & { entityType: string } {
  const row = app.ledger.raw
    .prepare(
      `SELECT action, actor_user_id AS actor, entity_type AS entityType, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )
    .get() as { action: string; actor: number | null; entityType: string; details: string };
  return { ...row, details: JSON.parse(row.details) as Record<string, JsonValue> };
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app);
  nurse = signedInUser(app, admin, 'nurse');
}, 120_000);
afterAll(() => app.cleanup());

describe('requesting enrolment', () => {
  it('makes a pending device with a well-formed code, audited with where the request came from', () => {
    const longAgent = `Mozilla/5.0 ${'x'.repeat(400)}`;
    const { deviceId, pairingCode, token } = request(undefined, 0, longAgent);
    expect(pairingCode).toMatch(codeShape);
    expect(deviceByToken(app.ledger, token, clockAt(0))).toEqual({
      id: deviceId,
      name: null,
      status: 'pending',
      pairingCode,
      requestedAt: expect.any(String) as string,
    });
    const [entry] = auditOf(deviceId, 'device.enrolment-requested');
    expect(entry?.actor).toBeNull();
    expect(entry?.details).toMatchObject({ requestedFrom: '10.0.0.7', pairingCode });
    const stored = app.ledger.raw.prepare('SELECT user_agent FROM devices WHERE id = ?').pluck().get(deviceId);
    expect(stored).toBe(longAgent.slice(0, 200));
    // Only the digest of the token's digest reaches the trail.
    expect(JSON.stringify(entry?.details)).not.toContain(token);
  });

  it('gives different codes to different requests and refuses a token asked with twice', () => {
    const codes = new Set(Array.from({ length: 5 }, () => request().pairingCode));
    expect(codes.size).toBe(5);
    const { token } = request();
    const head = auditHead(app.ledger.raw);
    const again = requestDeviceEnrolment(app.ledger, { tokenSha256: token, requestedFrom: 'x', userAgent: 'y' });
    expect(again).toEqual({ ok: false, message: expect.stringMatching(/already asked/) as string });
    expect(auditHead(app.ledger.raw)).toEqual(head);
  });

  it('knows no device for an unknown or malformed token', () => {
    expect(deviceByToken(app.ledger, newToken())).toBeNull();
    expect(deviceByToken(app.ledger, 'not a digest')).toBeNull();
  });
});

describe('approving, renaming and revoking', () => {
  it('approves a code typed in lower case without its dash: active under the name, audited with it', () => {
    const { deviceId, pairingCode, token } = request();
    const typed = pairingCode.replace('-', '').toLowerCase();
    const device = app.ok(admin, 'devices.approve', { pairingCode: ` ${typed} `, name: '  Chair 3 tablet ' });
    expect(device).toMatchObject({
      id: deviceId,
      name: 'Chair 3 tablet',
      status: 'active',
      approved: { by: 'Alex Admin' },
      revoked: null,
    });
    expect(deviceByToken(app.ledger, token)).toMatchObject({ status: 'active', name: 'Chair 3 tablet' });
    const [entry] = auditOf(deviceId, 'device.approved');
    expect(entry?.actor).toBe(admin.userId);
    expect(entry?.details).toMatchObject({ name: 'Chair 3 tablet', pairingCode });
  });

  it('refuses an expired, unknown or already used code with one clear message, writing nothing', () => {
    const expired = request(undefined, -minutes(16));
    expect(deviceByToken(app.ledger, expired.token)?.status).toBe('expired');
    const used = request();
    app.ok(admin, 'devices.approve', { pairingCode: used.pairingCode, name: 'Chair 4 tablet' });
    const messages = [expired.pairingCode, used.pairingCode, 'ZZZZ-ZZZZ'].map(
      (pairingCode) =>
        expectRefused(app, admin, 'devices.approve', { pairingCode, name: 'Another' }, 'NOT_FOUND').message,
    );
    for (const message of messages)
      expect(message).toMatch(/^No device is waiting with the code .*expire after 15 minutes/);
    expect(deviceByToken(app.ledger, expired.token)?.status).toBe('expired');
  });

  it('refuses a name an active device already has (ignoring case), and a malformed code', () => {
    const { pairingCode } = request();
    const error = expectRefused(app, admin, 'devices.approve', { pairingCode, name: 'CHAIR 3 TABLET' }, 'DUPLICATE');
    expect(error.issues).toEqual([{ path: 'name', message: expect.any(String) as string }]);
    for (const bad of ['K7QM-4Z2', 'O0O0-1111', 'K7QM--4Z2P', '']) {
      expectRefused(app, admin, 'devices.approve', { pairingCode: bad, name: 'Chair 9' }, 'INVALID_INPUT');
    }
    for (const name of ['', '   ', 'x'.repeat(61), 'Chair\u00079']) {
      expectRefused(app, admin, 'devices.approve', { pairingCode, name }, 'INVALID_INPUT');
    }
  });

  it('renames an active device, audited with its old and new name, and refuses a taken name', () => {
    const { pairingCode } = request();
    const device = app.ok(admin, 'devices.approve', { pairingCode, name: 'Front desk' });
    const renamed = app.ok(admin, 'devices.rename', {
      deviceId: device.id,
      expectedName: 'Front desk',
      name: 'Reception',
    });
    expect(renamed).toMatchObject({ id: device.id, name: 'Reception', status: 'active' });
    expect(auditOf(device.id, 'device.renamed')[0]?.details).toMatchObject({
      name: 'Reception',
      previousName: 'Front desk',
    });
    const taken = { deviceId: device.id, expectedName: 'Reception', name: 'chair 3 tablet' };
    expectRefused(app, admin, 'devices.rename', taken, 'DUPLICATE');
    expectRefused(app, admin, 'devices.rename', { deviceId: 9999, expectedName: null, name: 'Nowhere' }, 'NOT_FOUND');
  });

  it('revokes a device (reason required): deviceByToken says so, and it cannot be renamed or revoked again', () => {
    const { pairingCode, token } = request();
    const device = app.ok(admin, 'devices.approve', { pairingCode, name: 'Chair 7 tablet' });
    expectRefused(app, admin, 'devices.revoke', { deviceId: device.id, reason: '  ' }, 'INVALID_INPUT');
    const revoked = app.ok(admin, 'devices.revoke', { deviceId: device.id, reason: 'Tablet lost' });
    expect(revoked).toMatchObject({ status: 'revoked', revoked: { by: 'Alex Admin', reason: 'Tablet lost' } });
    expect(deviceByToken(app.ledger, token)).toMatchObject({ status: 'revoked', name: 'Chair 7 tablet' });
    expect(auditOf(device.id, 'device.revoked')[0]?.details).toMatchObject({
      name: 'Chair 7 tablet',
      reason: 'Tablet lost',
      previousStatus: 'active',
    });
    expectRefused(app, admin, 'devices.revoke', { deviceId: device.id, reason: 'Again' }, 'CONFLICT');
    const rename = { deviceId: device.id, expectedName: 'Chair 7 tablet', name: 'Chair 8' };
    expectRefused(app, admin, 'devices.rename', rename, 'CONFLICT');
    // Its name is free again for another device.
    const next = request();
    app.ok(admin, 'devices.approve', { pairingCode: next.pairingCode, name: 'Chair 7 tablet' });
  });

  it('revokes a pending request, which then cannot be approved', () => {
    const { deviceId, pairingCode } = request();
    app.ok(admin, 'devices.revoke', { deviceId, reason: 'Not ours' });
    expectRefused(app, admin, 'devices.approve', { pairingCode, name: 'Intruder' }, 'NOT_FOUND');
  });

  it('refuses every device method to everyone but an administrator, writing nothing', () => {
    const auditor = signedInUser(app, admin, 'auditor');
    const physician = signedInUser(app, admin, 'physician');
    const methods: MethodName[] = ['devices.list', 'devices.approve', 'devices.rename', 'devices.revoke'];
    for (const session of [nurse, physician, auditor]) {
      for (const method of methods) expectRefused(app, session, method, methodExamples[method], 'FORBIDDEN');
    }
    for (const method of methods) expectRefused(app, app.newSignIn(), method, methodExamples[method], 'NOT_SIGNED_IN');
  });
});

describe('the device list', () => {
  it('pages in SQL, newest request first, with each status and who approved or revoked', () => {
    const total = app.ledger.raw.prepare('SELECT count(*) FROM devices').pluck().get() as number;
    const all = app.ok(admin, 'devices.list', { limit: 100, offset: 0 });
    expect(all.total).toBe(total);
    expect(all.devices.map((device) => device.id)).toEqual(
      [...all.devices.map((device) => device.id)].sort((a, b) => b - a),
    );
    expect(new Set(all.devices.map((device) => device.status))).toEqual(
      new Set(['pending', 'expired', 'active', 'revoked']),
    );
    const page = app.ok(admin, 'devices.list', { limit: 3, offset: 2 });
    expect(page.devices.map((device) => device.id)).toEqual(all.devices.slice(2, 5).map((device) => device.id));
    expect(page.total).toBe(total);
    expect(app.ok(admin, 'devices.list', { limit: 10, offset: total }).devices).toEqual([]);
  });
});

describe('a sign-in on an enrolled device', () => {
  it('puts the device name and id in every audit entry written through it', () => {
    const { pairingCode } = request();
    const device = app.ok(admin, 'devices.approve', { pairingCode, name: 'Chair 5 tablet' });
    const session = app.newSignIn();
    session.device = { id: device.id, name: 'Chair 5 tablet' };
    app.call(session, 'auth.signIn', { username: 'nurse', password: 'wrong-password-1' });
    expect(lastAudit()).toMatchObject({
      action: 'auth.sign-in-failed',
      details: { device: 'Chair 5 tablet', deviceId: device.id },
    });
    app.ok(session, 'auth.signIn', { username: 'nurse', password: staffPassword });
    expect(lastAudit()).toMatchObject({
      action: 'auth.signed-in',
      details: { device: 'Chair 5 tablet', deviceId: device.id, rowSha256: expect.any(String) as string },
    });
    app.ok(session, 'auth.signOut', {});
    expect(lastAudit()).toMatchObject({ action: 'auth.signed-out', details: { device: 'Chair 5 tablet' } });
    // An administrator approving on a device: the entry names both the new device and the one used.
    const adminOnDevice = app.newSignIn();
    adminOnDevice.device = { id: device.id, name: 'Chair 5 tablet' };
    app.ok(adminOnDevice, 'auth.signIn', { username: 'admin', password: 'Harbor-clinic-key-2026' });
    const next = request();
    app.ok(adminOnDevice, 'devices.approve', { pairingCode: next.pairingCode, name: 'Chair 6 tablet' });
    expect(lastAudit()).toMatchObject({
      action: 'device.approved',
      details: { name: 'Chair 6 tablet', device: 'Chair 5 tablet', deviceId: device.id },
    });
    // Without a device, nothing is added.
    app.ok(nurse, 'auth.signOut', {});
    expect(lastAudit().details).not.toHaveProperty('device');
  });
});

describe('after all of it', () => {
  it('the audit chain is intact and every device row matches its audit trail', () => {
    const head = auditHead(app.ledger.raw);
    expect(verifyAuditChain(app.ledger.raw)).toEqual({ ok: true, entries: head.seq, headHash: head.hash });
    // The independent verifier too, and the checkpoints signed at sign-in.
    expect(referenceVerify(app.ledger.raw)).toEqual({ ok: true, entries: head.seq, headHash: head.hash });
    const checkpoints = verifyCheckpoints(app.ledger.raw);
    expect(checkpoints.problems).toEqual([]);
    expect(checkpoints.checked).toBeGreaterThan(0);
    const tables = verifyTableStates(app.ledger.raw);
    expect(tables.problems).toEqual([]);
    expect(tables.notCovered).toEqual([]);
    const devices = app.ledger.raw.prepare('SELECT count(*) FROM devices').pluck().get() as number;
    expect(devices).toBeGreaterThan(10);
  });
});

describe('the limit on waiting requests', () => {
  let fresh: TestApp;
  beforeAll(() => {
    fresh = createTestApp();
    setUpClinic(fresh);
  }, 120_000);
  afterAll(() => fresh.cleanup());

  it('refuses the 21st unexpired request; expired ones no longer count', () => {
    const ask = (offsetMs: number) =>
      requestDeviceEnrolment(
        fresh.ledger,
        { tokenSha256: newToken(), requestedFrom: '10.0.0.9', userAgent: 'tablet' },
        () => new Date(Date.now() + offsetMs),
      );
    for (let index = 0; index < 20; index += 1) expect(ask(0).ok).toBe(true);
    const head = auditHead(fresh.ledger.raw);
    const refused = ask(0);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^20 devices are already waiting/) as string });
    expect(auditHead(fresh.ledger.raw)).toEqual(head);
    expect(fresh.ledger.raw.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(20);
    expect(ask(minutes(15)).ok).toBe(true);
  });
});
