import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import { PdfObjectIndex } from '../../src/signing/pdf-object-index';
import { dictEntry, nameOf, pdfStringText } from '../../src/signing/pdf-syntax';
import { signPdf } from '../../src/signing/sign-pdf';
import { findSignatureDictionaries } from '../../src/signing/signature-dictionary';
import type { PdfVerification } from '../../src/signing/verify-pdf';
import { verifyPdf } from '../../src/signing/verify-pdf';
import { planSummaryInput } from '../pdf/summary-fixture';
import type { Clinic } from './signing-fixture';
import {
  appendIncrementalUpdate,
  createClinic,
  nssDatabaseTrusting,
  pdfsig,
  scratchDirectory,
  signedPlanSummary,
  writeScratch,
} from './signing-fixture';

function failing(result: PdfVerification): string[] {
  return result.checks.filter((check) => !check.ok).map((check) => check.name);
}

let clinic: Clinic;
let signed: Buffer;
let directory: string;
let nssDatabase: string;

beforeAll(() => {
  clinic = createClinic();
  signed = signedPlanSummary(clinic);
  directory = scratchDirectory();
  nssDatabase = nssDatabaseTrusting(directory, clinic.root.certificatePem);
});

describe('a signed plan summary', () => {
  it('is reported valid, whole-document and trusted by poppler’s pdfsig (NSS)', () => {
    const path = writeScratch(directory, 'signed.pdf', signed);
    const report = pdfsig(path, nssDatabase);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Signer Certificate Common Name: Ana Ruiz, MD');
  });

  it('is not trusted by pdfsig when the clinic root is not in its trust store', () => {
    const path = writeScratch(directory, 'signed-untrusted.pdf', signed);
    const empty = nssDatabaseTrusting(scratchDirectory(), createClinic('Another Clinic').root.certificatePem);
    const report = pdfsig(path, empty);
    expect(report).toContain('Signature is Valid.');
    expect(report).not.toContain('Certificate is Trusted.');
  });

  it('passes every check of verifyPdf with the clinic root trusted', () => {
    const result = verifyPdf(signed, { trustedRootPems: [clinic.root.certificatePem] });
    expect(result.unusable).toBeNull();
    expect(failing(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.checks.map((check) => check.name)).toEqual([
      'signature dictionary',
      'byte range',
      'message digest',
      'CMS signature',
      'signing certificate',
      'certificate chain',
      'trusted root',
      'embedded record',
    ]);
  });

  it('fails only the trust check when no trusted root is given', () => {
    const result = verifyPdf(signed, { trustedRootPems: [] });
    expect(result.valid).toBe(false);
    expect(failing(result)).toEqual(['trusted root']);
  });

  it('carries a PAdES B-B CMS that OpenSSL verifies independently against the clinic root', () => {
    const index = PdfObjectIndex.fromBytes(signed);
    const [signature] = findSignatureDictionaries(index);
    if (signature?.byteRange == null) throw new Error('no signature');
    const [a = 0, b = 0, c = 0, d = 0] = signature.byteRange;
    const content = Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]);
    const cms = signature.contents.subarray(
      0,
      signature.contents.length - [...signature.contents].reverse().findIndex((byte) => byte !== 0),
    );
    const cmsPath = writeScratch(directory, 'signature.der', cms);
    const contentPath = writeScratch(directory, 'signed-bytes.bin', content);
    const rootPath = writeScratch(directory, 'root.pem', clinic.root.certificatePem);
    const verified = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cmsPath,
        '-content',
        contentPath,
        '-CAfile',
        rootPath,
        '-purpose',
        'any',
        '-attime',
        String(Date.parse('2026-12-01') / 1000),
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(verified.stderr).toContain('Verification successful');
    const printed = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsPath], {
      encoding: 'utf8',
    }).stdout;
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).toContain('messageDigest');
    expect(printed).toContain('contentType');
    // PAdES baseline: the signing time is in /M, not in the CMS.
    expect(printed).not.toContain('signingTime');
    expect(signature.subFilter).toBe('ETSI.CAdES.detached');
    expect(signature.signingTime?.toISOString()).toBe('2026-11-30T15:10:00.000Z');
  });

  it('includes the physician certificate and the clinic root in the CMS', () => {
    const [signature] = findSignatureDictionaries(PdfObjectIndex.fromBytes(signed));
    const cmsHex = signature?.contents.toString('hex') ?? '';
    for (const pem of [clinic.physician.certificatePem, clinic.root.certificatePem]) {
      const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      expect(cmsHex).toContain(der.toString('hex'));
    }
  });
});

describe('tampering', () => {
  it('rejects a byte flipped inside the signed range (and pdfsig reports a digest mismatch)', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Dosing Ledger (PDFKit)');
    tampered[at] = 'X'.charCodeAt(0);
    const result = verifyPdf(tampered, { trustedRootPems: [clinic.root.certificatePem] });
    expect(result.valid).toBe(false);
    expect(failing(result)).toEqual(['message digest']);
    expect(pdfsig(writeScratch(directory, 'flipped.pdf', tampered), nssDatabase)).toContain('Digest Mismatch');
  });

  it('rejects an appended incremental revision, which pdfsig only reports as "Not total document signed"', () => {
    const index = PdfObjectIndex.fromBytes(signed);
    const info = index.trailer()?.entries.get('Info');
    if (info?.kind !== 'ref') throw new Error('no Info');
    const appended = appendIncrementalUpdate(signed, [
      { objectNumber: info.objectNumber, body: Buffer.from('<< /Title (Edited after signing) >>', 'latin1') },
    ]);
    const result = verifyPdf(appended, { trustedRootPems: [clinic.root.certificatePem] });
    expect(result.valid).toBe(false);
    expect(failing(result)).toContain('byte range');
    expect(result.checks.find((check) => check.name === 'byte range')?.detail).toMatch(
      /bytes were added after signing/,
    );
    const report = pdfsig(writeScratch(directory, 'appended.pdf', appended), nssDatabase);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Not total document signed');
  });

  it('rejects a summary signed with a certificate from another root (swapped certificate)', () => {
    const impostor = createClinic('Lakeside Infusion Clinic', 'Ana Ruiz');
    const forged = signedPlanSummary(impostor);
    const result = verifyPdf(forged, { trustedRootPems: [clinic.root.certificatePem] });
    expect(result.valid).toBe(false);
    expect(failing(result)).toEqual(['trusted root']);
    expect(pdfsig(writeScratch(directory, 'forged.pdf', forged), nssDatabase)).not.toContain('Certificate is Trusted.');
  });

  it('rejects a summary whose chain is broken (root left out, only another clinic’s root trusted)', () => {
    const unsigned = renderRecordSummarySync(planSummaryInput());
    const withoutChain = signPdf(unsigned, {
      certificatePem: clinic.physician.certificatePem,
      privateKeyPem: clinic.physician.privateKeyPem,
      chainPems: [],
      signingTime: new Date('2026-11-30T15:10:00Z'),
    });
    const other = createClinic('Another Clinic');
    const result = verifyPdf(withoutChain, { trustedRootPems: [other.root.certificatePem] });
    expect(failing(result)).toEqual(['certificate chain', 'trusted root']);
    // With the right root given, the chain completes from the trust list.
    expect(verifyPdf(withoutChain, { trustedRootPems: [clinic.root.certificatePem] }).valid).toBe(true);
  });

  it('rejects an edited embedded record appended as a new revision (pdfsig still says the signature is valid)', () => {
    const index = PdfObjectIndex.fromBytes(signed);
    const fileSpec = index.objects.find((object) => nameOf(dictEntry(object.value, 'Type')) === 'Filespec');
    const embedded = dictEntry(index.resolve(dictEntry(fileSpec?.value, 'EF')), 'F');
    if (embedded?.kind !== 'ref') throw new Error('no embedded file');
    const original = index.streamBytes(index.get(embedded.objectNumber) ?? (undefined as never)).toString('utf8');
    const edited = Buffer.from(original.replace('"doseMgPerKg":"1.2"', '"doseMgPerKg":"0.5"'), 'utf8');
    expect(edited.toString('utf8')).not.toBe(original);
    const appended = appendIncrementalUpdate(signed, [
      {
        objectNumber: embedded.objectNumber,
        body: Buffer.concat([
          Buffer.from(`<< /Type /EmbeddedFile /Length ${edited.length} >>\nstream\n`, 'latin1'),
          edited,
          Buffer.from('\nendstream', 'latin1'),
        ]),
      },
    ]);
    const result = verifyPdf(appended, { trustedRootPems: [clinic.root.certificatePem] });
    expect(result.valid).toBe(false);
    expect(failing(result)).toEqual(['byte range', 'embedded record']);
    expect(pdfsig(writeScratch(directory, 'edited-record.pdf', appended), nssDatabase)).toContain(
      'Signature is Valid.',
    );
  });

  it('rejects a record attachment that does not hash to the SHA-256 the document states, even when validly signed', () => {
    const unsigned = renderRecordSummarySync(planSummaryInput());
    const stated = planSummaryInput().recordSha256;
    const forgedHash = createHash('sha256').update('another record').digest('hex');
    const altered = Buffer.from(unsigned.toString('latin1').replace(`(${stated})`, `(${forgedHash})`), 'latin1');
    expect(altered.equals(unsigned)).toBe(false);
    const resigned = signedPlanSummary(clinic, altered);
    const result = verifyPdf(resigned, { trustedRootPems: [clinic.root.certificatePem] });
    expect(failing(result)).toEqual(['embedded record']);
    expect(pdfsig(writeScratch(directory, 'hash-mismatch.pdf', resigned), nssDatabase)).toContain(
      'Signature is Valid.',
    );
  });

  it('rejects a truncated file', () => {
    const truncated = signed.subarray(0, signed.length - 200);
    const result = verifyPdf(truncated, { trustedRootPems: [clinic.root.certificatePem] });
    expect(result.valid).toBe(false);
    expect(failing(result)).toContain('byte range');
  });

  it('reports unusable input rather than an invalid signature', () => {
    expect(verifyPdf(Buffer.from('hello'), { trustedRootPems: [] }).unusable).toBe('not-a-pdf');
    const unsigned = renderRecordSummarySync(planSummaryInput(), { signaturePlaceholder: false });
    expect(verifyPdf(unsigned, { trustedRootPems: [] }).unusable).toBe('no-signature');
  });
});

describe('signPdf', () => {
  it('fills the placeholder so the signature covers everything but its own value', () => {
    const [signature] = findSignatureDictionaries(PdfObjectIndex.fromBytes(signed));
    expect(signature?.byteRange?.[0]).toBe(0);
    expect((signature?.byteRange?.[2] ?? 0) + (signature?.byteRange?.[3] ?? 0)).toBe(signed.length);
    expect(signed.length).toBe(renderRecordSummarySync(planSummaryInput()).length);
  });

  it('writes the signing time into /M', () => {
    const index = PdfObjectIndex.fromBytes(signed);
    const [signature] = findSignatureDictionaries(index);
    expect(signature?.signingTime?.toISOString()).toBe('2026-11-30T15:10:00.000Z');
    expect(pdfStringText(index.resolve(dictEntry(index.resolve(index.trailer()?.entries.get('Info')), 'Author')))).toBe(
      'Ana Ruiz, MD',
    );
  });

  it('refuses a key that is not the certificate’s, a time outside its validity, and a file without placeholder', () => {
    const unsigned = renderRecordSummarySync(planSummaryInput());
    const other = createClinic();
    const base = { certificatePem: clinic.physician.certificatePem, chainPems: [clinic.root.certificatePem] };
    expect(() =>
      signPdf(unsigned, {
        ...base,
        privateKeyPem: other.physician.privateKeyPem,
        signingTime: new Date('2026-11-30T15:10:00Z'),
      }),
    ).toThrow(/does not belong/);
    expect(() =>
      signPdf(unsigned, {
        ...base,
        privateKeyPem: clinic.physician.privateKeyPem,
        signingTime: new Date('2035-01-01T00:00:00Z'),
      }),
    ).toThrow(/not valid at/);
    const bare = renderRecordSummarySync(planSummaryInput(), { signaturePlaceholder: false });
    expect(() =>
      signPdf(bare, {
        ...base,
        privateKeyPem: clinic.physician.privateKeyPem,
        signingTime: new Date('2026-11-30T15:10:00Z'),
      }),
    ).toThrow(/exactly one signature placeholder/);
    expect(() =>
      signPdf(signed, {
        ...base,
        privateKeyPem: clinic.physician.privateKeyPem,
        signingTime: new Date('2026-11-30T15:10:00Z'),
      }),
    ).toThrow(/exactly one signature placeholder/);
  });

  it('says how much room it needs when the placeholder is too small', () => {
    const small = renderRecordSummarySync(planSummaryInput(), { signatureReserveBytes: 256 });
    expect(() => signedPlanSummary(clinic, small)).toThrow(/needs \d+ bytes but the placeholder reserves 256/);
  });
});
