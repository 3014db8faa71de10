import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import type { CertificateAndKey } from '../../src/signing/clinic-root';
import { createClinicRoot } from '../../src/signing/clinic-root';
import { signPdf } from '../../src/signing/sign-pdf';
import { oids } from '../../src/signing/oids';
import { issueSignerCertificate } from '../../src/signing/signer-certificate';
import {
  basicConstraintsExtension,
  buildCertificate,
  certificateToPem,
  keyIdentifierOf,
  keyUsageExtension,
  parseCertificate,
} from '../../src/signing/x509-certificate';
import { planSummaryInput } from '../pdf/summary-fixture';

/** The clinic's root enrolled ten months before the fixture plan was signed. */
export const enrolledAt = new Date('2026-01-05T12:00:00Z');

export interface Clinic {
  root: CertificateAndKey;
  physician: CertificateAndKey;
}

export function createClinic(name = 'Lakeside Infusion Clinic', printedName = 'Ana Ruiz'): Clinic {
  const root = createClinicRoot({ clinicName: name, now: enrolledAt });
  const physician = issueSignerCertificate({
    root: root.certificatePem,
    rootKeyPem: root.privateKeyPem,
    subject: { printedName, credentials: 'MD', clinicName: name, userId: 2 },
    now: enrolledAt,
  });
  return { root, physician };
}

export function signedPlanSummary(clinic: Clinic, unsigned = renderRecordSummarySync(planSummaryInput())): Buffer {
  return signPdf(unsigned, {
    certificatePem: clinic.physician.certificatePem,
    privateKeyPem: clinic.physician.privateKeyPem,
    chainPems: [clinic.root.certificatePem],
    signingTime: new Date(planSummaryInput().signature.signedAt),
  });
}

export function scratchDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'dosing-ledger-signing-'));
}

export function writeScratch(directory: string, name: string, bytes: Buffer | string): string {
  const path = join(directory, name);
  writeFileSync(path, bytes);
  return path;
}

/** An NSS database (as pdfsig reads) that trusts `rootPem` for signing (CT,C,C). */
export function nssDatabaseTrusting(directory: string, rootPem: string): string {
  const database = join(directory, 'nssdb');
  execFileSync('mkdir', ['-p', database]);
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${database}`]);
  const rootPath = writeScratch(directory, 'trusted-root.pem', rootPem);
  execFileSync('certutil', ['-A', '-n', 'clinic-root', '-t', 'CT,C,C', '-i', rootPath, '-d', `sql:${database}`]);
  return database;
}

/**
 * pdfsig's report. It exits 0 even on a digest mismatch, so callers read the text.
 * Not run with -no-ocsp: with that flag, poppler 22.12 reports a trusted chain as "Unknown
 * issue with Certificate" (it reads a stale NSS error code). The clinic's certificates name
 * no OCSP responder, so no network request is made either way.
 */
export function pdfsig(path: string, nssDatabase?: string): string {
  const args = nssDatabase === undefined ? ['-nocert', path] : ['-nssdir', `sql:${nssDatabase}`, path];
  const result = spawnSync('pdfsig', args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

/**
 * Appends an incremental update (ISO 32000-1 §7.5.6) that replaces the given objects: what
 * an editor does when it changes a signed file without touching the signed bytes.
 */
export function appendIncrementalUpdate(pdf: Buffer, objects: { objectNumber: number; body: Buffer }[]): Buffer {
  const text = pdf.toString('latin1');
  const previousXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const rootRef = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1] ?? '';
  const infoRef = /\/Info (\d+ \d+ R)/.exec(trailer)?.[1] ?? '';
  const parts: Buffer[] = [pdf, Buffer.from('\n', 'latin1')];
  let offset = pdf.length + 1;
  const offsets: { objectNumber: number; offset: number }[] = [];
  for (const object of objects) {
    const chunk = Buffer.concat([
      Buffer.from(`${object.objectNumber} 0 obj\n`, 'latin1'),
      object.body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push({ objectNumber: object.objectNumber, offset });
    parts.push(chunk);
    offset += chunk.length;
  }
  const xref = [
    'xref',
    ...offsets.flatMap((entry) => [`${entry.objectNumber} 1`, `${String(entry.offset).padStart(10, '0')} 00000 n `]),
    'trailer',
    `<< /Size ${size} /Root ${rootRef} /Info ${infoRef} /Prev ${previousXref} >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * An RSA-2048 root and physician, as an organisation might issue them (the clinic's own
 * are P-256). Built with the same certificate builder; used for PKCS#12 and @signpdf.
 */
export function createRsaIdentity(name = 'Regional Health Trust'): {
  rootPem: string;
  rootKeyPem: string;
  certificatePem: string;
  privateKeyPem: string;
} {
  const rootKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rootDer = buildCertificate({
    subject: [{ type: oids.commonName, value: `${name} Root` }],
    issuer: null,
    subjectPublicKey: rootKeys.publicKey,
    issuerPrivateKey: rootKeys.privateKey,
    issuerKeyId: null,
    notBefore: enrolledAt,
    notAfter: new Date('2036-01-01T00:00:00Z'),
    extensions: [basicConstraintsExtension({ ca: true }), keyUsageExtension(['keyCertSign', 'cRLSign'])],
  });
  const signerDer = buildCertificate({
    subject: [{ type: oids.commonName, value: 'Ana Ruiz, MD' }],
    issuer: parseCertificate(rootDer).subject,
    subjectPublicKey: signerKeys.publicKey,
    issuerPrivateKey: rootKeys.privateKey,
    issuerKeyId: keyIdentifierOf(rootKeys.publicKey),
    notBefore: enrolledAt,
    notAfter: new Date('2031-01-01T00:00:00Z'),
    extensions: [basicConstraintsExtension({ ca: false }), keyUsageExtension(['digitalSignature', 'nonRepudiation'])],
  });
  return {
    rootPem: certificateToPem(rootDer),
    rootKeyPem: rootKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: certificateToPem(signerDer),
    privateKeyPem: signerKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A PKCS#12 file made by node-forge (3DES, SHA-1 MAC: what @signpdf's examples use). */
export function forgePkcs12(
  identity: { certificatePem: string; privateKeyPem: string; chainPems: string[] },
  password: string,
): Buffer {
  const key = forge.pki.privateKeyFromPem(identity.privateKeyPem);
  const certificates = [identity.certificatePem, ...identity.chainPems].map((pem) => forge.pki.certificateFromPem(pem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certificates, password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
