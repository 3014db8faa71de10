/**
 * Signed-PDF benchmark (`npx tsx tests/bench/signing-bench.ts`, not part of `npm test`).
 *
 * Side by side, interleaved so machine load hits every path alike, medians over 50 runs of
 * the same plan summary:
 *   - unsigned:        renderRecordSummarySync (with its signature placeholder)
 *   - native P-256:    render + signPdf with the clinic's own ECDSA identity
 *   - native RSA-2048: render + signPdf with the RSA identity the P12 holds
 *   - @signpdf P12:    render + @signpdf/signer-p12 (node-forge, pure-JS RSA) with a PKCS#12
 *                      built by node-forge from that same RSA key and certificate; a
 *                      P12Signer signs once, so one is created per run
 * Prints JSON with the medians and ratios. Targets: signed ≤ 20 ms and ≤ 1.5× unsigned.
 */
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import { signPdf } from '../../src/signing/sign-pdf';
import { verifyPdf } from '../../src/signing/verify-pdf';
import { planSummaryInput } from '../pdf/summary-fixture';
import { createClinic, createRsaIdentity, forgePkcs12 } from '../signing/signing-fixture';

const runs = 50;
const warmUpRuns = 10;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.floor(sorted.length / 2)] ?? Number.NaN).toFixed(2));
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const input = planSummaryInput();
const signingTime = new Date(input.signature.signedAt);
const clinic = createClinic();
const rsa = createRsaIdentity();
const p12Password = 'bench p12 password';
const p12 = forgePkcs12(
  { certificatePem: rsa.certificatePem, privateKeyPem: rsa.privateKeyPem, chainPems: [rsa.rootPem] },
  p12Password,
);
const signpdf = new SignPdf();

const samples = {
  unsigned: [] as number[],
  nativeP256: [] as number[],
  nativeRsa2048: [] as number[],
  signpdfP12: [] as number[],
};
let lastNative: Buffer = Buffer.alloc(0);
let lastSignpdf: Buffer = Buffer.alloc(0);

for (let run = 0; run < warmUpRuns + runs; run += 1) {
  const keep = run >= warmUpRuns;

  let start = process.hrtime.bigint();
  renderRecordSummarySync(input);
  if (keep) samples.unsigned.push(elapsedMs(start));

  start = process.hrtime.bigint();
  lastNative = signPdf(renderRecordSummarySync(input), {
    certificatePem: clinic.physician.certificatePem,
    privateKeyPem: clinic.physician.privateKeyPem,
    chainPems: [clinic.root.certificatePem],
    signingTime,
  });
  if (keep) samples.nativeP256.push(elapsedMs(start));

  start = process.hrtime.bigint();
  signPdf(renderRecordSummarySync(input), {
    certificatePem: rsa.certificatePem,
    privateKeyPem: rsa.privateKeyPem,
    chainPems: [rsa.rootPem],
    signingTime,
  });
  if (keep) samples.nativeRsa2048.push(elapsedMs(start));

  start = process.hrtime.bigint();
  lastSignpdf = await signpdf.sign(
    renderRecordSummarySync(input),
    new P12Signer(p12, { passphrase: p12Password }),
    signingTime,
  );
  if (keep) samples.signpdfP12.push(elapsedMs(start));
}

const medians = {
  unsignedMs: median(samples.unsigned),
  nativeP256SignedMs: median(samples.nativeP256),
  nativeRsa2048SignedMs: median(samples.nativeRsa2048),
  signpdfP12SignedMs: median(samples.signpdfP12),
};
const ratio = (value: number) => Number((value / medians.unsignedMs).toFixed(2));
console.log(
  JSON.stringify(
    {
      runs,
      pdfBytes: lastNative.length,
      medians,
      ratiosToUnsigned: {
        nativeP256: ratio(medians.nativeP256SignedMs),
        nativeRsa2048: ratio(medians.nativeRsa2048SignedMs),
        signpdfP12: ratio(medians.signpdfP12SignedMs),
      },
      signingOverheadMs: {
        nativeP256: Number((medians.nativeP256SignedMs - medians.unsignedMs).toFixed(2)),
        nativeRsa2048: Number((medians.nativeRsa2048SignedMs - medians.unsignedMs).toFixed(2)),
        signpdfP12: Number((medians.signpdfP12SignedMs - medians.unsignedMs).toFixed(2)),
      },
      targets: {
        signedAtMost20Ms: medians.nativeP256SignedMs <= 20,
        signedAtMost1_5xUnsigned: ratio(medians.nativeP256SignedMs) <= 1.5,
      },
      checks: {
        nativeValid: verifyPdf(lastNative, { trustedRootPems: [clinic.root.certificatePem] }).valid,
        signpdfDigestAndSignatureOk: verifyPdf(lastSignpdf, { trustedRootPems: [rsa.rootPem] })
          .checks.filter((check) => check.name === 'message digest' || check.name === 'CMS signature')
          .every((check) => check.ok),
      },
    },
    null,
    2,
  ),
);
