import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, verifyAuditChain } from '../../src/db/audit-log';
import { keyedRowDigest } from '../../src/db/keyed-tables';
import { verifyTableStates } from '../../src/db/table-states';
import type { JsonValue } from '../../src/domain/canonical-json';
import { generateServerKeyPair } from '../../src/signing/server-certificate';
import type { SignIn } from '../../src/services/sign-in';
import { tamper } from '../support/tamper-copy';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser } from '../support/test-app';

let app: TestApp;
let admin: SignIn;
let nurse: SignIn;
let auditor: SignIn;

const keys = generateServerKeyPair();
const request = {
  hostNames: ['Clinic-Host.local'],
  addresses: ['192.168.1.20', 'fd00::20'],
  publicKeyPem: keys.publicKeyPem,
  adminPassword,
};

const count = (sql: string) => app.ledger.raw.prepare(sql).pluck().get() as number;
const hostRows = () => count('SELECT count(*) FROM host_certificates');
const auditRows = () => count('SELECT count(*) FROM audit_log');
const adminFailures = () => count("SELECT failed_sign_ins FROM users WHERE username = 'admin'");

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  nurse = signedInUser(app, admin, 'nurse');
  auditor = signedInUser(app, admin, 'auditor');
}, 180_000);
afterAll(() => app.cleanup());

describe('host.issueCertificate', () => {
  it('is refused to anyone but an administrator, writing nothing', () => {
    const before = auditRows();
    for (const session of [nurse, auditor]) {
      const result = app.call(session, 'host.issueCertificate', request);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(hostRows()).toBe(0);
    expect(auditRows()).toBe(before);
  });

  it('refuses a bad host name or address in words before asking the password (no lockout try)', () => {
    const before = auditRows();
    const badName = app.call(admin, 'host.issueCertificate', { ...request, hostNames: ['clinic_host'] });
    expect(badName).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ path: 'hostNames.0', message: expect.stringContaining('clinic_host') as string }],
      },
    });
    const none = app.call(admin, 'host.issueCertificate', { ...request, hostNames: [], addresses: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const privateKey = app.call(admin, 'host.issueCertificate', { ...request, publicKeyPem: keys.privateKeyPem });
    expect(privateKey).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'publicKeyPem' }] },
    });
    expect(adminFailures()).toBe(0);
    expect(auditRows()).toBe(before);
    expect(hostRows()).toBe(0);
  });

  it('refuses a wrong administrator password, counting it towards the lockout', () => {
    const before = auditRows();
    const result = app.call(admin, 'host.issueCertificate', { ...request, adminPassword: 'Not-the-password-1' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', issues: [{ path: 'adminPassword' }] },
    });
    expect(adminFailures()).toBe(1);
    const last = app.ledger.raw.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get();
    expect(last).toBe('identity.admin-password-wrong');
    expect(auditRows()).toBe(before + 1);
    expect(hostRows()).toBe(0);
  });

  it('issues, keeps the row and audits it once, with the row digest', () => {
    const before = auditRows();
    const issued = app.ok(admin, 'host.issueCertificate', request);
    expect(hostRows()).toBe(1);
    expect(auditRows()).toBe(before + 1);
    const certificate = new X509Certificate(issued.certificate.certificatePem);
    const root = new X509Certificate(issued.rootCertificatePem);
    expect(certificate.verify(root.publicKey)).toBe(true);
    expect(issued.rootFingerprintSha256).toBe(root.fingerprint256);
    expect(issued.certificate).toMatchObject({
      hostNames: ['clinic-host.local'],
      addresses: ['192.168.1.20', 'fd00::20'],
      fingerprintSha256: certificate.fingerprint256,
      notAfter: new Date(certificate.validTo).toISOString(),
      issuedByName: 'Alex Admin',
    });

    const row = app.ledger.raw.prepare('SELECT * FROM host_certificates').get() as Record<string, unknown>;
    expect(row.certificate_pem).toBe(issued.certificate.certificatePem);
    expect(row.host_names).toBe('["clinic-host.local"]');
    const entry = app.ledger.raw
      .prepare('SELECT action, entity_type, entity_id, actor_user_id, details FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as { action: string; entity_type: string; entity_id: string; actor_user_id: number; details: string };
    expect(entry).toMatchObject({
      action: 'host.certificate-issued',
      entity_type: 'host-certificate',
      entity_id: String(issued.certificate.id),
      actor_user_id: issued.certificate.issuedBy,
    });
    expect(JSON.parse(entry.details) as Record<string, JsonValue>).toEqual({
      hostNames: ['clinic-host.local'],
      addresses: ['192.168.1.20', 'fd00::20'],
      fingerprintSha256: certificate.fingerprint256,
      notAfter: issued.certificate.notAfter,
      rowSha256: keyedRowDigest('host_certificates', row),
    });
  });

  it('keeps the audit chain and the table states clean', () => {
    const head = auditHead(app.ledger.raw);
    expect(verifyAuditChain(app.ledger.raw)).toEqual({ ok: true, entries: head.seq, headHash: head.hash });
    const states = verifyTableStates(app.ledger.raw);
    expect(states.problems).toEqual([]);
    expect(states.notCovered).toEqual([]);
  });

  it('has a host certificate row changed, deleted or added outside the app found', () => {
    const changed = tamper(app, (copy) =>
      copy.raw.exec(`UPDATE host_certificates SET host_names = '["evil.example"]' WHERE id = 1`),
    );
    expect(changed.problems).toEqual([
      expect.stringMatching(
        /^host_certificates row 1 \(host names \["evil\.example"\]\): the row differs from the audit trail, as of audit entry \d+$/,
      ),
    ]);
    const deleted = tamper(app, (copy) => copy.raw.exec('DELETE FROM host_certificates'));
    expect(deleted.problems).toEqual([
      expect.stringMatching(/^host_certificates row 1: deleted outside the app \(audit entry \d+ records it\)$/),
    ]);
    const added = tamper(app, (copy) =>
      copy.raw.exec(`INSERT INTO host_certificates (host_names, addresses, certificate_pem, fingerprint_sha256,
                       not_before, not_after, issued_at, issued_by)
                     SELECT host_names, addresses, certificate_pem, fingerprint_sha256, not_before, not_after,
                            issued_at, issued_by FROM host_certificates`),
    );
    expect(added.problems).toEqual([
      'host_certificates row 2 (host names ["clinic-host.local"]): no audit entry records this row (added outside the app)',
    ]);
  });
});

describe('host.certificates', () => {
  it('lists them newest first, a page at a time, with the root fingerprint, to administrators and auditors', () => {
    app.ok(admin, 'host.issueCertificate', { ...request, hostNames: ['ledger.local'], addresses: [] });
    const root = app.ledger.raw
      .prepare("SELECT certificate_pem FROM signing_identities WHERE kind = 'clinic-root'")
      .pluck()
      .get() as string;
    for (const session of [admin, auditor]) {
      const all = app.ok(session, 'host.certificates', {});
      expect(all.total).toBe(2);
      expect(all.certificates.map((certificate) => certificate.hostNames)).toEqual([
        ['ledger.local'],
        ['clinic-host.local'],
      ]);
      expect(all.rootFingerprintSha256).toBe(new X509Certificate(root).fingerprint256);
      const second = app.ok(session, 'host.certificates', { limit: 1, offset: 1 });
      expect(second.certificates.map((certificate) => certificate.id)).toEqual([all.certificates[1]?.id]);
      expect(second.total).toBe(2);
    }
    expect(app.call(nurse, 'host.certificates', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
