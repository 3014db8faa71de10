import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Decrypter, Encrypter } from 'age-encryption';
import { BackupError, messageOf, throwIfCancelled } from './backup-error';

/**
 * Backups are age files (age-encryption.org/v1, FiloSottile's own TypeScript implementation):
 * a kept, documented format that the `age` command line tool also opens, so a backup can be
 * decrypted without this app. The passphrase goes through scrypt; 2^18 is age's default work
 * factor (about a second or two per backup and per restore, by design, against guessing).
 */
export const defaultScryptLogN = 18;

const chunkBytes = 1 << 20;

/**
 * The file as a stream of chunks, reporting each chunk's size as it is read; an aborted
 * `signal` makes the next read fail with a `cancelled` BackupError, which stops the stream.
 */
function chunksOf(
  handle: FileHandle,
  onBytes: (bytes: number) => void,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      throwIfCancelled(signal);
      const buffer = new Uint8Array(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) {
        controller.close();
        return;
      }
      onBytes(bytesRead);
      controller.enqueue(buffer.subarray(0, bytesRead));
    },
  });
}

/** Writes the stream to `output`; `readFailure` names what a failure to read the stream means. */
async function writeAll(
  stream: ReadableStream<Uint8Array>,
  output: FileHandle,
  readFailure: (error: unknown) => Error,
  onChunk: (chunk: Uint8Array) => void = () => undefined,
): Promise<void> {
  const reader = stream.getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // A cancel heard between chunks stops the stream: it is a cancel, not a damaged file.
      if (error instanceof BackupError && error.outcome === 'cancelled') throw error;
      throw readFailure(error);
    }
    if (next.done) return;
    onChunk(next.value);
    await output.write(next.value);
  }
}

function fractionReporter(totalBytes: number, onFraction: (fraction: number) => void): (bytes: number) => void {
  let done = 0;
  return (bytes) => {
    done += bytes;
    onFraction(totalBytes === 0 ? 1 : Math.min(1, done / totalBytes));
  };
}

/**
 * What a backup is encrypted with: the passphrase itself (the command line), or the app's age
 * recipient (see backup-keys.ts), whose identity travels wrapped under the passphrase.
 */
export type BackupKey = { passphrase: string } | { recipient: string; wrappedIdentity: string };

/** What opens a backup: the passphrase, or the identity unwrapped with it. */
export type OpeningKey = { passphrase: string } | { identity: string };

/** Encrypts `plainPath` into the new file `cipherPath` (owner-only), synced; its size and SHA-256. */
export async function encryptFile(
  plainPath: string,
  cipherPath: string,
  key: BackupKey,
  options: { scryptLogN: number; onFraction: (fraction: number) => void; signal?: AbortSignal },
): Promise<{ sizeBytes: number; sha256: string }> {
  const encrypter = new Encrypter();
  if ('recipient' in key) encrypter.addRecipient(key.recipient);
  else {
    encrypter.setPassphrase(key.passphrase);
    encrypter.setScryptWorkFactor(options.scryptLogN);
  }
  const input = await open(plainPath, 'r');
  try {
    const output = await open(cipherPath, 'wx', 0o600);
    try {
      const onBytes = fractionReporter((await input.stat()).size, options.onFraction);
      const encrypted = await encrypter.encrypt(chunksOf(input, onBytes, options.signal));
      const hash = createHash('sha256');
      let sizeBytes = 0;
      await writeAll(
        encrypted,
        output,
        (error) => (error instanceof Error ? error : new Error(String(error))),
        (chunk) => {
          hash.update(chunk);
          sizeBytes += chunk.length;
        },
      );
      await output.sync();
      return { sizeBytes, sha256: hash.digest('hex') };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

/**
 * Decrypts `cipherPath` into the new file `plainPath` (owner-only). age authenticates every
 * 64 KiB chunk and marks the last one, so an altered, truncated or extended file fails here.
 */
export async function decryptFile(
  cipherPath: string,
  plainPath: string,
  key: OpeningKey,
  onFraction: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const decrypter = new Decrypter();
  if ('identity' in key) decrypter.addIdentity(key.identity);
  else decrypter.addPassphrase(key.passphrase);
  const input = await open(cipherPath, 'r');
  try {
    const onBytes = fractionReporter((await input.stat()).size, onFraction);
    let plain: ReadableStream<Uint8Array>;
    try {
      // Resolves once the header is read and the file key unwrapped: a wrong passphrase fails here.
      plain = await decrypter.decrypt(chunksOf(input, onBytes, signal));
    } catch (error) {
      if (error instanceof BackupError && error.outcome === 'cancelled') throw error;
      const message = messageOf(error);
      if (/no identity matched/i.test(message)) {
        throw new BackupError('could-not-run', 'the passphrase does not open this backup (wrong passphrase?)');
      }
      throw new BackupError('check-failed', `the file is not a readable backup (${message})`);
    }
    const output = await open(plainPath, 'wx', 0o600);
    try {
      await writeAll(
        plain,
        output,
        (error) => new BackupError('check-failed', `the backup is damaged or truncated (${messageOf(error)})`),
      );
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}
