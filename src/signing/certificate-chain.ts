import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { formatDateTime } from '../domain/time';
import { commonNameOf, describeName } from './distinguished-name';
import { oids } from './oids';
import type { KeyUsage } from './x509-certificate';
import { keyUsageBits, parseCertificate } from './x509-certificate';

export interface CheckResult {
  ok: boolean;
  detail: string;
}

interface ChainLink {
  der: Buffer;
  x509: X509Certificate;
  parsed: pkijs.Certificate;
}

const maximumChainLength = 8;

function linkOf(der: Buffer): ChainLink {
  return { der, x509: new X509Certificate(der), parsed: parseCertificate(der) };
}

function labelOf(link: ChainLink): string {
  return commonNameOf(link.parsed.subject) ?? describeName(link.parsed.subject);
}

function isSelfSigned(link: ChainLink): boolean {
  return link.x509.checkIssued(link.x509) && link.x509.verify(link.x509.publicKey);
}

/** The key usages a certificate lists, or null when it has no key-usage extension. */
export function keyUsagesOf(certificate: pkijs.Certificate): Set<KeyUsage> | null {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === oids.keyUsage);
  if (extension === undefined) return null;
  const parsed = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.BitString)) return new Set();
  const bytes = parsed.result.valueBlock.valueHexView;
  const usages = new Set<KeyUsage>();
  for (const [usage, bit] of Object.entries(keyUsageBits) as [KeyUsage, number][]) {
    if (((bytes[Math.floor(bit / 8)] ?? 0) & (0x80 >> (bit % 8))) !== 0) usages.add(usage);
  }
  return usages;
}

function basicConstraintsOf(certificate: pkijs.Certificate): { ca: boolean; pathLength: number | null } {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === oids.basicConstraints);
  const value: unknown = extension?.parsedValue;
  if (!(value instanceof pkijs.BasicConstraints)) return { ca: false, pathLength: null };
  const pathLength = typeof value.pathLenConstraint === 'number' ? value.pathLenConstraint : null;
  return { ca: value.cA, pathLength };
}

function findIssuer(link: ChainLink, candidates: readonly ChainLink[]): ChainLink | null {
  return (
    candidates.find(
      (candidate) => link.x509.checkIssued(candidate.x509) && link.x509.verify(candidate.x509.publicKey),
    ) ?? null
  );
}

/** Builds signer → … → self-signed root from the certificates at hand. */
function buildPath(signer: ChainLink, candidates: readonly ChainLink[]): { path: ChainLink[]; problem: string | null } {
  const path = [signer];
  let current = signer;
  while (!isSelfSigned(current)) {
    if (path.length >= maximumChainLength) return { path, problem: 'the certificate chain is too long' };
    const issuer = findIssuer(current, candidates);
    if (issuer === null) {
      return {
        path,
        problem: `no certificate in the file or the trust list issued "${labelOf(current)}" (issuer ${describeName(current.parsed.issuer)})`,
      };
    }
    path.push(issuer);
    current = issuer;
  }
  return { path, problem: null };
}

function validityProblem(link: ChainLink, at: Date, timeZone: string): string | null {
  const notBefore = link.parsed.notBefore.value;
  const notAfter = link.parsed.notAfter.value;
  if (at < notBefore || at > notAfter) {
    return `"${labelOf(link)}" was not valid at the signing time (valid ${formatDateTime(notBefore.toISOString(), timeZone)} to ${formatDateTime(notAfter.toISOString(), timeZone)})`;
  }
  return null;
}

function usageProblem(link: ChainLink, role: 'signer' | 'ca', caBelow: number): string | null {
  const usages = keyUsagesOf(link.parsed);
  const constraints = basicConstraintsOf(link.parsed);
  if (role === 'signer') {
    if (usages !== null && !usages.has('digitalSignature') && !usages.has('nonRepudiation')) {
      return `"${labelOf(link)}" is not allowed to sign documents (key usage lacks digitalSignature and nonRepudiation)`;
    }
    return null;
  }
  if (!constraints.ca)
    return `"${labelOf(link)}" issued a certificate but is not a certification authority (cA is not set)`;
  if (usages !== null && !usages.has('keyCertSign'))
    return `"${labelOf(link)}" is not allowed to sign certificates (no keyCertSign)`;
  if (constraints.pathLength !== null && caBelow > constraints.pathLength) {
    return `"${labelOf(link)}" allows ${constraints.pathLength} intermediate CAs below it, the chain has ${caBelow}`;
  }
  return null;
}

/**
 * Checks the signer's certificate chain (issuer signatures, validity at the signing time,
 * key usage and CA constraints) and whether it ends at one of the trusted roots.
 */
export function checkCertificateChain(input: {
  signerDer: Buffer;
  /** Certificates carried in the signature. */
  carriedDers: readonly Buffer[];
  trustedRootDers: readonly Buffer[];
  signingTime: Date;
  /** The zone times in the findings are given in (with their offset); UTC when none is given. */
  timeZone?: string;
}): { chain: CheckResult; trust: CheckResult } {
  const signer = linkOf(input.signerDer);
  const trusted = input.trustedRootDers.map(linkOf);
  const candidates = [...input.carriedDers.map(linkOf), ...trusted].filter((link) => !link.der.equals(signer.der));
  const { path, problem } = buildPath(signer, candidates);
  const problems: string[] = problem === null ? [] : [problem];
  path.forEach((link, index) => {
    const validity = validityProblem(link, input.signingTime, input.timeZone ?? 'UTC');
    if (validity !== null) problems.push(validity);
    const usage = index === 0 ? usageProblem(link, 'signer', 0) : usageProblem(link, 'ca', Math.max(0, index - 1));
    if (usage !== null) problems.push(usage);
  });
  const names = path.map(labelOf).join(' ← ');
  const chain: CheckResult =
    problems.length === 0
      ? { ok: true, detail: `${names}: issuer signatures, validity at the signing time and key usage check out` }
      : { ok: false, detail: problems.join('; ') };

  const anchor = path.find((link) => trusted.some((root) => root.der.equals(link.der)));
  let trust: CheckResult;
  if (input.trustedRootDers.length === 0) {
    trust = {
      ok: false,
      detail: 'no trusted root was given: pass the clinic root certificate (--trust clinic-root.pem)',
    };
  } else if (problem !== null || anchor === undefined) {
    const top = path[path.length - 1] ?? signer;
    trust = { ok: false, detail: `the chain ends at "${labelOf(top)}", which is not a trusted root` };
  } else {
    trust = {
      ok: true,
      detail: `the chain ends at the trusted root "${labelOf(anchor)}" (SHA-256 ${anchor.x509.fingerprint256})`,
    };
  }
  return { chain, trust };
}
