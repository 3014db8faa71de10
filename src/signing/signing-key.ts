import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oids } from './oids';

/**
 * Key type for the clinic root and every physician: ECDSA on NIST P-256 with SHA-256.
 *
 * - Speed: a P-256 signature costs ~0.04 ms with native crypto and a key pair ~1 ms, against
 *   ~4 ms per signature and ~3 s per key pair for RSA-3072 on the clinic's hardware. Enrolment
 *   and signing run inside one synchronous database transaction, so a multi-second RSA key
 *   generation would hold the database; and the signed PDF has a 20 ms budget.
 * - Strength: 128-bit security (like RSA-3072), acceptable beyond 2030 (NIST SP 800-57),
 *   where RSA-2048 (112-bit) is not for a 20-year root.
 * - Compatibility: ecdsa-with-SHA256 in CMS is verified by NSS (poppler's pdfsig, Firefox,
 *   LibreOffice), by Adobe Acrobat/Reader since version X, and is allowed for PAdES by
 *   ETSI TS 119 312. Imported PKCS#12 identities may still be RSA: `signatureAlgorithmFor`
 *   handles both.
 * The price: ECDSA signatures are randomised, so two signings of the same bytes differ; the
 * PDF is byte-identical up to the signature value.
 */
export const signingCurve = 'P-256';

export interface KeyPairPem {
  publicKeyPem: string;
  privateKeyPem: string;
}

export function generateSigningKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function privateKeyFromPem(pem: string): KeyObject {
  if (/ENCRYPTED PRIVATE KEY/.test(pem)) {
    throw new Error('This private key is encrypted: unlock it with decryptPrivateKey first.');
  }
  return createPrivateKey({ key: pem, format: 'pem' });
}

export function spkiDerOf(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'der' });
}

/**
 * The AlgorithmIdentifier for signatures made with `key` over SHA-256. RSA keeps the
 * PKCS#1 v1.5 scheme with a NULL parameter (what Adobe and NSS verify everywhere); ECDSA
 * identifiers carry no parameters (RFC 5758).
 */
export function signatureAlgorithmFor(key: KeyObject): pkijs.AlgorithmIdentifier {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return new pkijs.AlgorithmIdentifier({
        algorithmId: oids.sha256WithRsaEncryption,
        algorithmParams: new asn1js.Null(),
      });
    case 'ec':
      return new pkijs.AlgorithmIdentifier({ algorithmId: oids.ecdsaWithSha256 });
    default:
      throw new Error(
        `Keys of type ${key.asymmetricKeyType ?? 'unknown'} cannot sign PDFs here: use an ECDSA P-256 or RSA key.`,
      );
  }
}

/** True when two keys (private or public) belong to the same key pair. */
export function samePublicKey(left: KeyObject, right: KeyObject): boolean {
  return spkiDerOf(left).equals(spkiDerOf(right));
}
