import { createCipheriv, createDecipheriv, createPrivateKey, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './der-encoding';
import { oids } from './oids';
import { derToPem, pemToDer } from './pem';
import type { Derived, ScryptCost } from './scrypt-derivation';
import { deriveWithFreshSalt, deriveWithSalt } from './scrypt-derivation';

/**
 * Private keys at rest: PKCS#8 EncryptedPrivateKeyInfo, PBES2 with scrypt (RFC 7914 §7)
 * and AES-256-CBC, as PEM "ENCRYPTED PRIVATE KEY". A standard format, so OpenSSL (and
 * Node's createPrivateKey with a passphrase) opens these files too.
 *
 * Why not `KeyObject.export({ cipher, passphrase })`: OpenSSL then derives the key with
 * PBKDF2 at 2,048 iterations, far too cheap against a stolen database. scrypt N=2^14,
 * r=8, p=5 is one of OWASP's equivalent scrypt settings (16 MiB, ~0.2–0.5 s) and stays
 * inside OpenSSL's 32 MiB scrypt memory limit, which N=2^17 would exceed.
 */
export const scryptParameters = { costN: 16_384, blockSizeR: 8, parallelismP: 5 } as const;
const keyLengthBytes = 32;
const saltLengthBytes = 16;
const ivLengthBytes = 16;
/** Refuse files whose parameters would let a guess cost less than ours or blow memory. */
const minimumCostN = 16_384;
const maximumMemoryBytes = 256 * 1024 * 1024;

export class WrongPasswordError extends Error {
  constructor() {
    super('The password does not unlock this private key.');
    this.name = 'WrongPasswordError';
  }
}

function costOf(costN: number, blockSizeR: number, parallelismP: number): ScryptCost {
  return { N: costN, r: blockSizeR, p: parallelismP, maxmemBytes: maximumMemoryBytes };
}

/** Encrypts a PKCS#8 (or any PEM private key) under `password`; returns PEM text. */
export function encryptPrivateKey(privateKeyPem: string, password: string): string {
  if (password.length === 0) throw new Error('A password is needed to protect the private key.');
  const pkcs8 = createPrivateKey({ key: privateKeyPem, format: 'pem' }).export({ type: 'pkcs8', format: 'der' });
  const iv = randomBytes(ivLengthBytes);
  const { costN, blockSizeR, parallelismP } = scryptParameters;
  let derived: Derived;
  try {
    // Passwords are compared as typed, NFC-normalised like everywhere else in the app.
    derived = deriveWithFreshSalt(
      password.normalize('NFC'),
      saltLengthBytes,
      keyLengthBytes,
      costOf(costN, blockSizeR, parallelismP),
    );
  } catch (error) {
    // On the clinic host this throws DerivationNeeded once per new key (the call runs again):
    // the plaintext key must not linger in memory each time.
    pkcs8.fill(0);
    throw error;
  }
  const { salt, key } = derived;
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  key.fill(0);
  pkcs8.fill(0);

  const info = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: oids.pbes2 }),
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [
                  new asn1js.ObjectIdentifier({ value: oids.scrypt }),
                  new asn1js.Sequence({
                    value: [
                      new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }),
                      new asn1js.Integer({ value: costN }),
                      new asn1js.Integer({ value: blockSizeR }),
                      new asn1js.Integer({ value: parallelismP }),
                      new asn1js.Integer({ value: keyLengthBytes }),
                    ],
                  }),
                ],
              }),
              new asn1js.Sequence({
                value: [
                  new asn1js.ObjectIdentifier({ value: oids.aes256Cbc }),
                  new asn1js.OctetString({ valueHex: toArrayBuffer(iv) }),
                ],
              }),
            ],
          }),
        ],
      }),
      new asn1js.OctetString({ valueHex: toArrayBuffer(encrypted) }),
    ],
  });
  return derToPem(new Uint8Array(info.toBER(false)), 'ENCRYPTED PRIVATE KEY');
}

interface EncryptedKeyParts {
  salt: Uint8Array;
  costN: number;
  blockSizeR: number;
  parallelismP: number;
  iv: Uint8Array;
  encrypted: Uint8Array;
}

const notOurFormat =
  'This is not an encrypted private key in the expected format (PKCS#8, PBES2, scrypt, AES-256-CBC).';

function children(block: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (block instanceof asn1js.Sequence) return block.valueBlock.value;
  throw new Error(notOurFormat);
}

function objectId(block: asn1js.AsnType | undefined): string {
  if (block instanceof asn1js.ObjectIdentifier) return block.getValue();
  throw new Error(notOurFormat);
}

function octets(block: asn1js.AsnType | undefined): Uint8Array {
  if (block instanceof asn1js.OctetString) return block.valueBlock.valueHexView;
  throw new Error(notOurFormat);
}

function smallInteger(block: asn1js.AsnType | undefined): number {
  if (block instanceof asn1js.Integer) return block.valueBlock.valueDec;
  throw new Error(notOurFormat);
}

function readEncryptedKey(encryptedPem: string): EncryptedKeyParts {
  let der: Buffer;
  try {
    der = pemToDer(encryptedPem, 'ENCRYPTED PRIVATE KEY');
  } catch {
    throw new Error(notOurFormat);
  }
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) throw new Error(notOurFormat);
  const [algorithm, encryptedData] = children(parsed.result);
  const [pbes2Id, pbes2Params] = children(algorithm);
  if (objectId(pbes2Id) !== oids.pbes2) throw new Error(notOurFormat);
  const [kdf, scheme] = children(pbes2Params);
  const [kdfId, kdfParams] = children(kdf);
  if (objectId(kdfId) !== oids.scrypt) throw new Error(notOurFormat);
  const [salt, costN, blockSizeR, parallelismP] = children(kdfParams);
  const [schemeId, iv] = children(scheme);
  if (objectId(schemeId) !== oids.aes256Cbc) throw new Error(notOurFormat);
  return {
    salt: octets(salt),
    costN: smallInteger(costN),
    blockSizeR: smallInteger(blockSizeR),
    parallelismP: smallInteger(parallelismP),
    iv: octets(iv),
    encrypted: octets(encryptedData),
  };
}

/** The PKCS#8 PEM of an encrypted key; throws WrongPasswordError when the password is wrong. */
export function decryptPrivateKey(encryptedPem: string, password: string): string {
  const parts = readEncryptedKey(encryptedPem);
  if (parts.costN < minimumCostN || parts.iv.length !== ivLengthBytes) throw new Error(notOurFormat);
  const key = deriveWithSalt(
    password.normalize('NFC'),
    parts.salt,
    keyLengthBytes,
    costOf(parts.costN, parts.blockSizeR, parts.parallelismP),
  );
  let pkcs8: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, parts.iv);
    pkcs8 = Buffer.concat([decipher.update(parts.encrypted), decipher.final()]);
  } catch {
    // CBC padding that does not check out: the derived key, hence the password, is wrong.
    throw new WrongPasswordError();
  } finally {
    key.fill(0);
  }
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
  } catch {
    // Padding matched by chance (about 1 in 256) but the bytes are not a key.
    throw new WrongPasswordError();
  } finally {
    pkcs8.fill(0);
  }
}

/** For a password change: decrypt under the old password and encrypt under the new one. */
export function rewrapPrivateKey(encryptedPem: string, oldPassword: string, newPassword: string): string {
  return encryptPrivateKey(decryptPrivateKey(encryptedPem, oldPassword), newPassword);
}
