import type { KeyObject } from 'node:crypto';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { WrongPasswordError } from './private-key-protection';
import { samePublicKey } from './signing-key';
import { certificateToPem } from './x509-certificate';

/**
 * Imports an organisation-issued PKCS#12 (.p12/.pfx) signing identity.
 *
 * node-forge parses the container because Node has no PKCS#12 reader and many
 * organisations still issue files protected with the legacy PKCS#12 schemes (3DES, RC2)
 * that WebCrypto-based parsers refuse. Only the parsing is forge's: the key and
 * certificates leave here as DER/PEM for node:crypto, and nothing is signed with forge.
 */
export interface ImportedIdentity {
  certificatePem: string;
  /** Plaintext PKCS#8 PEM, in memory only: store it through encryptPrivateKey. */
  privateKeyPem: string;
  /** The other certificates of the file, issuer first, up to the root when present. */
  chainPems: string[];
}

/** PKCS#12 bag types (RFC 7292 §4.2). */
const bagTypes = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

function keyBagsDer(p12: forge.pkcs12.Pkcs12Pfx): Buffer[] {
  const bags = [...bagsOf(p12, bagTypes.shroudedKeyBag), ...bagsOf(p12, bagTypes.keyBag)];
  return bags.flatMap((bag) => {
    // RSA keys come back as forge keys; other types (EC) as the raw PrivateKeyInfo.
    const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
    return info ? [Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary')] : [];
  });
}

function certificateBagsDer(p12: forge.pkcs12.Pkcs12Pfx): Buffer[] {
  return bagsOf(p12, bagTypes.certBag).flatMap((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return asn1 ? [Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')] : [];
  });
}

/** Orders the remaining certificates from the signer's issuer upwards. */
function chainFrom(signer: X509Certificate, others: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const remaining = [...others];
  let current = signer;
  for (;;) {
    const index = remaining.findIndex(
      (candidate) => current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    const issuer = remaining[index];
    if (issuer === undefined) break;
    chain.push(issuer);
    remaining.splice(index, 1);
    if (issuer.checkIssued(issuer)) break;
    current = issuer;
  }
  // Whatever does not chain is kept too (after the chain): a verifier may still need it.
  return [...chain, ...remaining];
}

export function importPkcs12(der: Buffer, password: string): ImportedIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC could not be verified|decrypt/i.test(message)) throw new WrongPasswordError();
    throw new Error(`This file is not a readable PKCS#12 signing identity (${message}).`);
  }
  const keys: KeyObject[] = keyBagsDer(p12).map((keyDer) =>
    createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' }),
  );
  const certificates = certificateBagsDer(p12).map((certificateDer) => new X509Certificate(certificateDer));
  if (keys.length !== 1) {
    throw new Error(`A signing identity holds exactly one private key; this file holds ${keys.length}.`);
  }
  const [key] = keys as [KeyObject];
  const signer = certificates.find((certificate) => samePublicKey(key, certificate.publicKey));
  if (signer === undefined) throw new Error('No certificate in this file matches its private key.');
  const others = certificates.filter((certificate) => certificate !== signer);
  return {
    certificatePem: certificateToPem(signer.raw),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    chainPems: chainFrom(signer, others).map((certificate) => certificateToPem(certificate.raw)),
  };
}
