import { X509Certificate } from 'node:crypto';
import { createClinicRoot } from '../signing/clinic-root';
import { derToPem, readPemBlocks } from '../signing/pem';
import {
  decryptPrivateKey,
  encryptPrivateKey,
  rewrapPrivateKey,
  WrongPasswordError,
} from '../signing/private-key-protection';
import type { SigningIdentity } from '../signing/sign-pdf';
import { issueSignerCertificate, renewSignerCertificate } from '../signing/signer-certificate';
import {
  currentIdentity,
  insertIdentity,
  putRootWrap,
  rootIdentity,
  rootWrapOf,
  setEncryptedKey,
  signerUserIds,
} from '../db/identities-repo';
import type { IdentityRow } from '../db/identities-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { JsonValue } from '../domain/canonical-json';
import type { UserRow } from '../db/users-repo';
import { findUserById } from '../db/users-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { recordFailure } from './sign-in-failures';
import { verifyPassword } from './passwords';
import type { CommittedRefusal } from './service-error';
import { ServiceError } from './service-error';

/** Roles whose members sign records and so hold a signing certificate. */
export const signerRoles: readonly string[] = ['physician', 'nurse'];

export function certificateFacts(pem: string): {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  fingerprintSha256: string;
} {
  const certificate = new X509Certificate(pem);
  return {
    subject: certificate.subject.replace(/\n/g, ', '),
    issuer: certificate.issuer.replace(/\n/g, ', '),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
    fingerprintSha256: certificate.fingerprint256,
  };
}

function requireRoot(context: ServiceContext): IdentityRow {
  const root = rootIdentity(context.ledger.db);
  if (root === undefined) throw new Error('the clinic signing root is missing');
  return root;
}

/** At set-up: the clinic's own root certificate, its key wrapped under the first admin's password. */
export function establishClinicRoot(context: ServiceContext, admin: UserRow, adminPassword: string): void {
  const root = createClinicRoot({ clinicName: requireClinic(context).name, now: context.now });
  const stored = insertIdentity(context.ledger.db, {
    kind: 'clinic-root',
    userId: null,
    certificatePem: root.certificatePem,
    encryptedPrivateKey: null,
    source: 'issued',
    createdAt: context.nowIso,
  });
  putRootWrap(context.ledger.db, admin.id, encryptPrivateKey(root.privateKeyPem, adminPassword), context.nowIso);
  context.audit('identity.root-created', 'certificate', null, {
    fingerprintSha256: certificateFacts(root.certificatePem).fingerprintSha256,
    ...keyedRowFields(context.ledger.raw, 'signing_identities', stored.id),
    ...keyedRowFields(context.ledger.raw, 'root_key_wraps', admin.id),
  });
}

/**
 * The clinic root's private key, unlocked by the acting administrator's password (asked
 * again for every enrolment). A wrong password counts towards the lockout.
 */
export function unlockRootKey(
  context: ServiceContext,
  admin: UserRow,
  adminPassword: string | undefined,
): string | CommittedRefusal {
  if (adminPassword === undefined || adminPassword === '') {
    throw new ServiceError(
      'INVALID_INPUT',
      'Enter your own password: it unlocks the clinic key that issues signing certificates.',
      [{ path: 'adminPassword', message: 'Enter your password' }],
    );
  }
  if (!verifyPassword(adminPassword, admin.passwordHash))
    return recordFailure(context, admin, 'identity.admin-password-wrong', 'adminPassword');
  const wrap = rootWrapOf(context.ledger.db, admin.id);
  if (wrap === undefined) {
    throw new ServiceError(
      'FORBIDDEN',
      'Your account holds no key of the clinic root. Ask the administrator who set up the clinic.',
    );
  }
  return decryptPrivateKey(wrap, adminPassword);
}

/** Issues a signing certificate for a clinician; the key is encrypted under their password. */
export function enrolSigner(context: ServiceContext, user: UserRow, password: string, rootKeyPem: string): void {
  const issued = issueSignerCertificate({
    root: requireRoot(context).certificatePem,
    rootKeyPem,
    subject: {
      printedName: user.displayName,
      credentials: user.credentials,
      clinicName: requireClinic(context).name,
      userId: user.id,
    },
    now: context.now,
  });
  const stored = insertIdentity(context.ledger.db, {
    kind: 'signer',
    userId: user.id,
    certificatePem: issued.certificatePem,
    encryptedPrivateKey: encryptPrivateKey(issued.privateKeyPem, password),
    source: 'issued',
    createdAt: context.nowIso,
  });
  context.audit('identity.certificate-issued', 'user', user.id, {
    ...certificateFacts(issued.certificatePem),
    ...keyedRowFields(context.ledger.raw, 'signing_identities', stored.id),
  });
}

/** Certificates are renewed this long before they expire, at an administrator's sign-in. */
export const renewWithinDays = 90;

/**
 * At an administrator's sign-in (the clinic root key is open then): every issued signing
 * certificate that expires within `renewWithinDays`, or has expired, is renewed for the same key,
 * so a clinic keeps signing across the years without anyone re-enrolling. Audited per user.
 */
export function renewExpiringSigners(context: ServiceContext, rootKeyPem: string): void {
  const root = requireRoot(context);
  const renewBefore = context.now.getTime() + renewWithinDays * 86_400_000;
  for (const userId of signerUserIds(context.ledger.db)) {
    const identity = currentIdentity(context.ledger.db, userId);
    const user = findUserById(context.ledger.db, userId);
    if (identity?.source !== 'issued' || identity.encryptedPrivateKey === null || user === undefined) continue;
    const expires = Date.parse(certificateFacts(identity.certificatePem).notAfter);
    if (expires > renewBefore || !user.active) continue;
    const certificatePem = renewSignerCertificate({
      root: root.certificatePem,
      rootKeyPem,
      subject: {
        printedName: user.displayName,
        credentials: user.credentials,
        clinicName: requireClinic(context).name,
        userId: user.id,
      },
      current: identity.certificatePem,
      now: context.now,
    });
    const stored = insertIdentity(context.ledger.db, {
      kind: 'signer',
      userId,
      certificatePem,
      encryptedPrivateKey: identity.encryptedPrivateKey,
      source: 'issued',
      createdAt: context.nowIso,
    });
    context.audit('identity.certificate-renewed', 'user', userId, {
      previousNotAfter: new Date(expires).toISOString(),
      ...certificateFacts(certificatePem),
      ...keyedRowFields(context.ledger.raw, 'signing_identities', stored.id),
    });
  }
}

/** Gives another administrator their own wrap of the clinic root key. */
export function grantRootWrap(context: ServiceContext, admin: UserRow, password: string, rootKeyPem: string): void {
  putRootWrap(context.ledger.db, admin.id, encryptPrivateKey(rootKeyPem, password), context.nowIso);
  context.audit(
    'identity.root-key-granted',
    'user',
    admin.id,
    keyedRowFields(context.ledger.raw, 'root_key_wraps', admin.id),
  );
}

/**
 * Keeps every key of the user readable with the new password (and only with it). Returns the
 * re-wrapped rows' digests, for the audit entry of the password change.
 */
export function rewrapKeys(
  context: ServiceContext,
  user: UserRow,
  oldPassword: string,
  newPassword: string,
): Record<string, JsonValue> {
  let fields: Record<string, JsonValue> = {};
  const identity = currentIdentity(context.ledger.db, user.id);
  if (identity?.encryptedPrivateKey != null) {
    setEncryptedKey(
      context.ledger.db,
      identity.id,
      rewrapPrivateKey(identity.encryptedPrivateKey, oldPassword, newPassword),
    );
    fields = keyedRowFields(context.ledger.raw, 'signing_identities', identity.id);
  }
  const wrap = rootWrapOf(context.ledger.db, user.id);
  if (wrap !== undefined) {
    putRootWrap(context.ledger.db, user.id, rewrapPrivateKey(wrap, oldPassword, newPassword), context.nowIso);
    fields = { ...fields, ...keyedRowFields(context.ledger.raw, 'root_key_wraps', user.id) };
  }
  return fields;
}

/** Stores an organisation-issued identity (PKCS#12) for a clinician, re-encrypted under their password. */
export function storeImportedIdentity(
  context: ServiceContext,
  user: UserRow,
  imported: { certificatePem: string; privateKeyPem: string; chainPems: readonly string[] },
  password: string,
): void {
  const stored = insertIdentity(context.ledger.db, {
    kind: 'signer',
    userId: user.id,
    certificatePem: [imported.certificatePem, ...imported.chainPems].map((pem) => pem.trim()).join('\n'),
    encryptedPrivateKey: encryptPrivateKey(imported.privateKeyPem, password),
    source: 'imported',
    createdAt: context.nowIso,
  });
  context.audit('identity.certificate-imported', 'user', user.id, {
    ...certificateFacts(imported.certificatePem),
    ...keyedRowFields(context.ledger.raw, 'signing_identities', stored.id),
  });
}

/** The unlocked signing identity of a signer whose password was just checked. */
export function signingIdentityFor(context: ServiceContext, user: UserRow, password: string): SigningIdentity {
  const identity = currentIdentity(context.ledger.db, user.id);
  if (identity?.encryptedPrivateKey == null) {
    throw new ServiceError(
      'NOT_READY_TO_SIGN',
      'You have no signing certificate yet. Ask an administrator to issue one (reset your password).',
    );
  }
  let privateKeyPem: string;
  try {
    privateKeyPem = decryptPrivateKey(identity.encryptedPrivateKey, password);
  } catch (error) {
    if (error instanceof WrongPasswordError) {
      throw new ServiceError(
        'NOT_READY_TO_SIGN',
        'Your signing key does not open with this password. Ask an administrator to issue a new certificate.',
      );
    }
    throw error;
  }
  const { notBefore, notAfter } = certificateFacts(identity.certificatePem);
  if (context.nowIso < notBefore || context.nowIso > notAfter) {
    throw new ServiceError(
      'NOT_READY_TO_SIGN',
      `Your signing certificate ${context.nowIso > notAfter ? 'expired' : 'is not valid yet'} (valid ${notBefore.slice(0, 10)} to ${notAfter.slice(0, 10)}). ` +
        'It is renewed when an administrator next signs in: ask one to sign in, then sign again. Nothing was signed.',
    );
  }
  const [certificatePem = '', ...chainPems] = readPemBlocks(identity.certificatePem)
    .filter((block) => block.label === 'CERTIFICATE')
    .map((block) => derToPem(block.der, 'CERTIFICATE'));
  const chain = identity.source === 'issued' ? [requireRoot(context).certificatePem] : chainPems;
  return { certificatePem, privateKeyPem, chainPems: chain };
}
