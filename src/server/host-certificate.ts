import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallResult } from '../contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../contract/methods';
import { dispatch } from '../services/dispatch';
import { clinicRootCertificate, generateHostKeyPair, hostCertificateUsable } from '../services/host-tls';
import type { Ledger } from '../services/ledger';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';

/**
 * The clinic host's TLS key and certificate, kept in a folder beside the ledger
 * (`<ledger>.host-tls/`) and issued by the ledger's clinic root through the contract, as an
 * administrator: the private key is made here and never leaves this computer.
 */

/** Renewed this long before it runs out, so no tablet ever meets an expired certificate. */
export const renewalDays = 30;

/** An administrator's user ID and password, asked for only when a certificate must be issued. */
export interface AdminCredentials {
  username: string;
  password: string;
}

export interface HostTls {
  keyPem: string;
  certificatePem: string;
  rootCertificatePem: string;
  rootFingerprintSha256: string;
  /** False when the kept certificate still served. */
  issued: boolean;
}

export interface EnsureHostCertificateOptions {
  ledger: Ledger;
  dbPath: string;
  hostNames: readonly string[];
  addresses: readonly string[];
  /** Asked only when a certificate must be issued. */
  credentials: () => Promise<AdminCredentials>;
  clock?: () => Date;
}

export function hostTlsDirectory(dbPath: string): string {
  return `${dbPath}.host-tls`;
}

const keyFile = 'host-key.pem';
const certificateFile = 'host-certificate.pem';

/** One line, whatever the message held: the CLI prints it as the command's error. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function readKept(directory: string): { keyPem: string; certificatePem: string } | null {
  try {
    return {
      keyPem: readFileSync(join(directory, keyFile), 'utf8'),
      certificatePem: readFileSync(join(directory, certificateFile), 'utf8'),
    };
  } catch {
    return null;
  }
}

/** Written under a temporary name then renamed: a reader never sees half a file. */
export function writeAtomically(path: string, text: string, modeBits: number): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: modeBits, flag: 'wx' });
    // The umask may have taken bits off: the key must be readable by its owner only, exactly.
    chmodSync(temporary, modeBits);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function call<M extends MethodName>(
  options: EnsureHostCertificateOptions,
  signIn: SignIn,
  method: M,
  input: MethodInput<M>,
): CallResult<MethodOutput<M>> {
  return dispatch({ ledger: options.ledger, signIn, clock: options.clock }, method, input) as CallResult<
    MethodOutput<M>
  >;
}

function refusal(what: string, result: { error: { message: string; issues?: { message: string }[] } }): Error {
  const issues = (result.error.issues ?? []).map((issue) => issue.message).filter((m) => m !== result.error.message);
  return new Error(oneLine([`${what}: ${result.error.message}`, ...issues].join(' ')));
}

/** Signs in as the administrator, has the root certify the public key, signs out. */
async function issue(
  options: EnsureHostCertificateOptions,
  publicKeyPem: string,
): Promise<MethodOutput<'host.issueCertificate'>> {
  const credentials = await options.credentials();
  const signIn = createSignIn();
  const signedIn = call(options, signIn, 'auth.signIn', {
    username: credentials.username,
    password: credentials.password,
  });
  if (!signedIn.ok) throw refusal(`Signing in as “${credentials.username}” was refused`, signedIn);
  try {
    const issued = call(options, signIn, 'host.issueCertificate', {
      hostNames: [...options.hostNames],
      addresses: [...options.addresses],
      publicKeyPem,
      adminPassword: credentials.password,
    });
    if (!issued.ok) throw refusal('The clinic root did not issue the host certificate', issued);
    return issued.value;
  } finally {
    call(options, signIn, 'auth.signOut', {});
  }
}

/**
 * The kept key and certificate when they still serve (see below), without asking anyone;
 * null when new ones must be issued.
 */
export function keptHostCertificate(options: Omit<EnsureHostCertificateOptions, 'credentials'>): HostTls | null {
  const root = clinicRootCertificate(options.ledger);
  if (root === null) throw new Error('This ledger has no clinic yet: set it up before serving it to devices.');
  const now = options.clock?.() ?? new Date();
  const kept = readKept(hostTlsDirectory(options.dbPath));
  const wanted = { hostNames: options.hostNames, addresses: options.addresses, now, minDaysLeft: renewalDays };
  if (kept === null || !hostCertificateUsable({ ...kept, rootCertificatePem: root.certificatePem }, wanted))
    return null;
  return {
    ...kept,
    rootCertificatePem: root.certificatePem,
    rootFingerprintSha256: root.fingerprintSha256,
    issued: false,
  };
}

/**
 * The host's key and certificate: the kept ones while they chain to the ledger's current
 * clinic root, cover the names and addresses asked for and have more than 30 days left;
 * otherwise a new key, certified through `host.issueCertificate` and then written (key 0600).
 * A refusal throws an Error whose message is one line.
 */
export async function ensureHostCertificate(options: EnsureHostCertificateOptions): Promise<HostTls> {
  const kept = keptHostCertificate(options);
  if (kept !== null) return kept;
  const directory = hostTlsDirectory(options.dbPath);
  const keys = generateHostKeyPair();
  const issued = await issue(options, keys.publicKeyPem);
  const certificatePem = issued.certificate.certificatePem;
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  // The key first: a certificate beside a key it does not match is found and re-issued.
  writeAtomically(join(directory, keyFile), keys.privateKeyPem, 0o600);
  writeAtomically(join(directory, certificateFile), certificatePem, 0o644);
  return {
    keyPem: keys.privateKeyPem,
    certificatePem,
    rootCertificatePem: issued.rootCertificatePem,
    rootFingerprintSha256: issued.rootFingerprintSha256,
    issued: true,
  };
}
