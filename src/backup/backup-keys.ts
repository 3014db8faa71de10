import { Decrypter, Encrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { BackupError, messageOf } from './backup-error';

/**
 * The app's backup key pair: backups are encrypted to `recipient` (an age X25519 public key), so
 * a scheduled backup needs no passphrase and no seconds of scrypt; the identity (private key)
 * exists on disk only wrapped under the administrator's backup passphrase (age passphrase
 * encryption, armored), in the settings row and beside every backup.
 */
export interface BackupKeys {
  recipient: string;
  wrappedIdentity: string;
}

export async function createBackupKeys(passphrase: string, scryptLogN: number): Promise<BackupKeys> {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  return { recipient, wrappedIdentity: await wrapIdentity(identity, passphrase, scryptLogN) };
}

async function wrapIdentity(identity: string, passphrase: string, scryptLogN: number): Promise<string> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(scryptLogN);
  return armor.encode(await encrypter.encrypt(identity));
}

/** The identity inside `wrappedIdentity`; a wrong passphrase is said in words. */
export async function unwrapIdentity(wrappedIdentity: string, passphrase: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  let identity: string;
  try {
    identity = await decrypter.decrypt(armor.decode(wrappedIdentity), 'text');
  } catch (error) {
    if (/no identity matched/i.test(messageOf(error))) {
      throw new BackupError('could-not-run', 'the passphrase does not open this backup (wrong passphrase?)');
    }
    throw new BackupError('check-failed', `the backup's wrapped key is not readable (${messageOf(error)})`);
  }
  if (!identity.startsWith('AGE-SECRET-KEY-')) {
    throw new BackupError('check-failed', "the backup's wrapped key does not hold an age identity");
  }
  return identity;
}
