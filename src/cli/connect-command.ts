import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { locateElectron, runElectron } from './launch-electron';
import { projectRoot } from './launch-environment';

export interface ConnectLines {
  out(line: string): void;
  err(line: string): void;
}

/** Why the command cannot run (exit 2), in one line. */
export class ConnectUsageError extends Error {}

/** The clinic root file's SHA-256 fingerprint, or a one-line refusal. */
export function rootFingerprint(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConnectUsageError(`cannot read the clinic root ${path}`);
  }
  try {
    return new X509Certificate(text).fingerprint256;
  } catch {
    throw new ConnectUsageError(`${path} is not a certificate (PEM): download clinic-root.pem from the host`);
  }
}

/**
 * `dosing-ledger connect --host https://HOST:PORT --root clinic-root.pem`: the desktop app on a
 * clinic host's ledger, trusting only that clinic root. Where Electron cannot run, says how to
 * use a browser instead.
 */
export async function connectCommand(
  args: string[],
  io: ConnectLines,
  root: string = projectRoot,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values: { host?: string; root?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { host: { type: 'string' }, root: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new ConnectUsageError(error instanceof Error ? error.message : String(error));
  }
  const host = values.host ?? '';
  let url: URL | null = null;
  try {
    url = new URL(host);
  } catch {
    url = null;
  }
  if (url?.protocol !== 'https:')
    throw new ConnectUsageError('--host must be the clinic host’s address, e.g. https://192.168.1.20:8443');
  if (values.root === undefined || values.root === '')
    throw new ConnectUsageError('--root FILE is required: the clinic root certificate, to check the host against');
  const rootPath = resolve(values.root);
  const fingerprint = rootFingerprint(rootPath);
  io.out(`Clinic root SHA-256 fingerprint: ${fingerprint} (it must match the one the host shows)`);
  const electron = locateElectron(root, env);
  const main = join(root, 'dist', 'electron', 'main.mjs');
  if (electron === null || !existsSync(main)) {
    io.err(
      `dosing-ledger: Electron is not available here; open ${url.origin} in Chromium or Chrome after adding ${rootPath} to its trusted certificate authorities.`,
    );
    return 2;
  }
  const result = await runElectron(electron, [main, `--connect=${url.origin}`, `--clinic-root=${rootPath}`]);
  return typeof result === 'number' ? result : 1;
}
