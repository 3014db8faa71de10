import type { HostCertificateView } from '../contract/host-methods';
import type { HostCertificate } from '../db/host-certificates-repo';
import { insertHostCertificate, listHostCertificates } from '../db/host-certificates-repo';
import { rootIdentity } from '../db/identities-repo';
import type { IdentityRow } from '../db/identities-repo';
import { keyedRowFields } from '../db/keyed-tables';
import { findUserById } from '../db/users-repo';
import { checkServerPublicKey, issueServerCertificate } from '../signing/server-certificate';
import { canonicalServerNames, ServerCertificateInputError } from '../signing/server-names';
import type { Handlers, ServiceContext } from './context';
import { requireUser } from './context';
import { certificateFacts, unlockRootKey } from './identities';
import { CommittedRefusal, ServiceError } from './service-error';

/**
 * The clinic host's TLS certificates, issued by the clinic root. Each one is kept in the
 * ledger (append-only) and audited with its row's digest, so `audit verify` holds the table
 * against the trail and an auditor can see every host name the clinic ever vouched for.
 */

/** The clinic root's certificate; the set-up creates it, so its absence is a broken ledger. */
function requireRoot(context: ServiceContext): IdentityRow {
  const root = rootIdentity(context.ledger.db);
  if (root === undefined) throw new Error('the clinic signing root is missing');
  return root;
}

/** Runs a step of issuing; a request the clinic root will not sign is refused in its words. */
function inWords<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ServerCertificateInputError)) throw error;
    if (error.field === null) throw new ServiceError('CONFLICT', error.message);
    throw new ServiceError('INVALID_INPUT', error.message, [
      { path: error.path ?? error.field, message: error.message },
    ]);
  }
}

function viewOf(context: ServiceContext, certificate: HostCertificate): HostCertificateView {
  return { ...certificate, issuedByName: findUserById(context.ledger.db, certificate.issuedBy)?.displayName ?? null };
}

export const hostCertificateHandlers: Handlers<'host.issueCertificate' | 'host.certificates'> = {
  /**
   * Names, addresses and key are checked before the password, so a typo costs no try of the
   * lockout; then the root key is unlocked, the certificate issued, kept and audited together.
   */
  'host.issueCertificate': (context, input) => {
    const admin = requireUser(context);
    const { hostNames, addresses } = inWords(() => canonicalServerNames(input));
    inWords(() => checkServerPublicKey(input.publicKeyPem));
    const root = requireRoot(context);
    const rootKeyPem = unlockRootKey(context, admin, input.adminPassword);
    if (rootKeyPem instanceof CommittedRefusal) return rootKeyPem;
    const certificatePem = inWords(() =>
      issueServerCertificate({
        rootCertificatePem: root.certificatePem,
        rootKeyPem,
        subjectPublicKeyPem: input.publicKeyPem,
        hostNames,
        addresses,
        now: context.now,
      }),
    );
    const facts = certificateFacts(certificatePem);
    const stored = insertHostCertificate(context.ledger.db, {
      hostNames,
      addresses,
      certificatePem,
      fingerprintSha256: facts.fingerprintSha256,
      notBefore: facts.notBefore,
      notAfter: facts.notAfter,
      issuedAt: context.nowIso,
      issuedBy: admin.id,
    });
    context.audit('host.certificate-issued', 'host-certificate', stored.id, {
      hostNames,
      addresses,
      fingerprintSha256: facts.fingerprintSha256,
      notAfter: facts.notAfter,
      ...keyedRowFields(context.ledger.raw, 'host_certificates', stored.id),
    });
    return {
      certificate: viewOf(context, stored),
      rootCertificatePem: root.certificatePem,
      rootFingerprintSha256: certificateFacts(root.certificatePem).fingerprintSha256,
    };
  },

  'host.certificates': (context, input) => {
    const { certificates, total } = listHostCertificates(context.ledger.db, input);
    return {
      certificates: certificates.map((certificate) => viewOf(context, certificate)),
      total,
      rootFingerprintSha256: certificateFacts(requireRoot(context).certificatePem).fingerprintSha256,
    };
  },
};
