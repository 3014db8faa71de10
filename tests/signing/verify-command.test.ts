import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/cli/verify-command';
import { exportRootCertificate } from '../../src/signing/clinic-root';
import type { Clinic } from './signing-fixture';
import {
  appendIncrementalUpdate,
  createClinic,
  scratchDirectory,
  signedPlanSummary,
  writeScratch,
} from './signing-fixture';

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

let clinic: Clinic;
let directory: string;
let signedPath: string;
let rootPath: string;

beforeAll(() => {
  clinic = createClinic();
  directory = scratchDirectory();
  const signed = signedPlanSummary(clinic);
  signedPath = writeScratch(directory, 'plan.pdf', signed);
  rootPath = writeScratch(directory, 'clinic-root.pem', clinic.root.certificatePem);
  writeScratch(
    directory,
    'appended.pdf',
    appendIncrementalUpdate(signed, [{ objectNumber: 1, body: Buffer.from('<< >>') }]),
  );
});

describe('dosing-ledger verify', () => {
  it('exits 0 with one line per check when the summary is intact and the root trusted', async () => {
    const { code, out } = await run([signedPath, '--trust', rootPath]);
    expect(code).toBe(0);
    expect(out).toHaveLength(9);
    expect(out.slice(0, 8).every((line) => line.startsWith('ok  '))).toBe(true);
    expect(out[1]).toMatch(/^ok\s+byte range\s+the signature covers the whole file/);
    expect(out[8]).toBe(`VALID: all 8 checks passed for ${signedPath}`);
  });

  it('accepts the root exported as DER (as for Adobe Reader)', async () => {
    const derPath = writeScratch(directory, 'clinic-root.cer', exportRootCertificate(clinic.root.certificatePem).der);
    expect((await run([signedPath, '--trust', derPath])).code).toBe(0);
  });

  it('exits 1 without a trusted root, and for a revision appended after signing', async () => {
    const untrusted = await run([signedPath]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.out.find((line) => line.startsWith('FAIL'))).toMatch(/trusted root\s+no trusted root was given/);
    const appended = await run([join(directory, 'appended.pdf'), '--trust', rootPath]);
    expect(appended.code).toBe(1);
    expect(appended.out).toContainEqual(
      expect.stringMatching(/^FAIL\s+byte range\s+\d+ bytes were added after signing/),
    );
    expect(appended.out.at(-1)).toMatch(/^INVALID: 1 of 8 checks failed/);
  });

  it('exits 2 for unusable input', async () => {
    const missing = await run([join(directory, 'missing.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/^Cannot read/);
    const notPdf = await run([writeScratch(directory, 'notes.txt', 'hello')]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.err[0]).toContain('is not a PDF file');
    const unsigned = await run([
      writeScratch(directory, 'unsigned.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'),
    ]);
    expect(unsigned.code).toBe(2);
    expect(unsigned.err[0]).toContain('carries no digital signature');
    expect((await run([])).code).toBe(2);
    expect((await run([signedPath, '--bogus'])).code).toBe(2);
    expect((await run([signedPath, '--trust', join(directory, 'nope.pem')])).code).toBe(2);
  });
});
