import { createPrivateKey, createPublicKey } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  WrongPasswordError,
  decryptPrivateKey,
  encryptPrivateKey,
  rewrapPrivateKey,
} from '../../src/signing/private-key-protection';
import { generateSigningKeyPair } from '../../src/signing/signing-key';
import { scratchDirectory, writeScratch } from './signing-fixture';

const keys = generateSigningKeyPair();
const password = 'correct horse – battery staple ✓';
const encrypted = encryptPrivateKey(keys.privateKeyPem, password);

describe('private keys at rest', () => {
  it('are never stored in plaintext', () => {
    expect(encrypted).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(encrypted).not.toContain('BEGIN PRIVATE KEY');
    const plainBody = keys.privateKeyPem.replace(/-----[^-]+-----|\s/g, '');
    expect(encrypted.replace(/\s/g, '')).not.toContain(plainBody.slice(0, 40));
    // Salt and IV are random: the same key and password never give the same text.
    expect(encryptPrivateKey(keys.privateKeyPem, password)).not.toBe(encrypted);
  });

  it('use PBES2 with scrypt and AES-256-CBC, readable by OpenSSL', () => {
    const directory = scratchDirectory();
    const path = writeScratch(directory, 'key.pem', encrypted);
    const parsed = spawnSync('openssl', ['asn1parse', '-in', path], { encoding: 'utf8' }).stdout;
    expect(parsed).toContain('PBES2');
    expect(parsed).toMatch(/OBJECT\s+:scrypt/);
    expect(parsed).toContain('aes-256-cbc');
    expect(parsed).toMatch(/INTEGER\s+:4000/); // N = 16384
    const viaOpenssl = createPrivateKey({ key: encrypted, format: 'pem', passphrase: password.normalize('NFC') });
    expect(createPublicKey(viaOpenssl).export({ type: 'spki', format: 'pem' })).toBe(keys.publicKeyPem);
  });

  it('decrypt with the right password only', () => {
    expect(decryptPrivateKey(encrypted, password)).toBe(keys.privateKeyPem);
    expect(() => decryptPrivateKey(encrypted, 'wrong password')).toThrow(WrongPasswordError);
    expect(() => decryptPrivateKey(encrypted, 'wrong password')).toThrow(
      'The password does not unlock this private key.',
    );
  });

  it('re-wrap under a new password on a password change', () => {
    const rewrapped = rewrapPrivateKey(encrypted, password, 'new password 2026');
    expect(decryptPrivateKey(rewrapped, 'new password 2026')).toBe(keys.privateKeyPem);
    expect(() => decryptPrivateKey(rewrapped, password)).toThrow(WrongPasswordError);
    expect(() => rewrapPrivateKey(encrypted, 'not it', 'x')).toThrow(WrongPasswordError);
  });

  it('treat the same password typed in another Unicode form as the same password', () => {
    const composed = encryptPrivateKey(keys.privateKeyPem, 'Zoë');
    expect(decryptPrivateKey(composed, 'Zoe\u0308')).toBe(keys.privateKeyPem);
  });

  it('refuse text that is not an encrypted key, and an empty password', () => {
    expect(() => decryptPrivateKey(keys.privateKeyPem, password)).toThrow(/not an encrypted private key/);
    expect(() => decryptPrivateKey('garbage', password)).toThrow(/not an encrypted private key/);
    expect(() => encryptPrivateKey(keys.privateKeyPem, '')).toThrow(/password is needed/);
  });
});
