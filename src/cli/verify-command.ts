import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyPdf } from '../services/pdf-verification';

export interface VerifyCommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const verifyUsage = 'Usage: dosing-ledger verify FILE.pdf [--trust clinic-root.pem]...';

function readOrNull(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * `dosing-ledger verify FILE.pdf [--trust root.pem]`: one line per check, then the verdict.
 * Exit 0 when every check passes, 1 when any fails, 2 when the input cannot be checked
 * (missing or unreadable file, not a PDF, no signature, bad arguments).
 */
export function verifyCommand(args: string[], io: VerifyCommandIo): Promise<number> {
  let parsed: { values: { trust?: string[] }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { trust: { type: 'string', multiple: true } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(verifyUsage);
    return Promise.resolve(2);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.err(verifyUsage);
    return Promise.resolve(2);
  }
  const trustedRootPems: string[] = [];
  for (const trustPath of parsed.values.trust ?? []) {
    const trust = readOrNull(trustPath);
    if (typeof trust === 'string') {
      io.err(`Cannot read the trust file ${trustPath}: ${trust}`);
      return Promise.resolve(2);
    }
    const text = trust.toString('utf8');
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      // A DER root (as exported for Adobe Reader) is accepted too.
      trustedRootPems.push(`-----BEGIN CERTIFICATE-----\n${trust.toString('base64')}\n-----END CERTIFICATE-----\n`);
    } else {
      trustedRootPems.push(text);
    }
  }
  const bytes = readOrNull(file);
  if (typeof bytes === 'string') {
    io.err(`Cannot read ${file}: ${bytes}`);
    return Promise.resolve(2);
  }
  const result = verifyPdf(bytes, { trustedRootPems });
  if (result.unusable === 'not-a-pdf') {
    io.err(`${file} is not a PDF file.`);
    return Promise.resolve(2);
  }
  if (result.unusable === 'no-signature') {
    io.err(`${file} carries no digital signature to verify.`);
    return Promise.resolve(2);
  }
  const width = Math.max(...result.checks.map((check) => check.name.length));
  for (const check of result.checks) {
    io.out(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.detail}`);
  }
  const failed = result.checks.filter((check) => !check.ok).length;
  io.out(
    result.valid
      ? `VALID: all ${result.checks.length} checks passed for ${file}`
      : `INVALID: ${failed} of ${result.checks.length} checks failed for ${file}`,
  );
  return Promise.resolve(result.valid ? 0 : 1);
}
