/**
 * Object identifiers used by the clinic's certificates and by the CMS inside signed PDFs.
 * Kept in one place so the writer and the verifier can never disagree on a number.
 */
export const oids = {
  // Attribute types of distinguished names (RFC 5280, RFC 4519).
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  title: '2.5.4.12',
  userId: '0.9.2342.19200300.100.1.1',

  // Certificate extensions (RFC 5280).
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  extKeyUsage: '2.5.29.37',
  /** id-kp-serverAuth (RFC 5280 §4.2.1.12): a TLS server certificate. */
  serverAuth: '1.3.6.1.5.5.7.3.1',

  // Algorithms.
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',

  // CMS (RFC 5652) and its signed attributes.
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate-v2 (RFC 5035), required by PAdES baseline B-B. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',

  // Password-based encryption of private keys (RFC 8018, RFC 7914).
  pbes2: '1.2.840.113549.1.5.13',
  scrypt: '1.3.6.1.4.1.11591.4.11',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;
