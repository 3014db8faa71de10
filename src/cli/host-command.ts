import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startClinicHost } from '../server/clinic-host';
import { ownHostNames } from '../server/this-computer';
import { adminCredentialsFromEnvOrPrompt } from './admin-credentials';
import { ensureHostCertificate } from '../server/host-certificate';
import { projectRoot } from './launch-environment';
import { openForApp } from './ledger-file-checks';

export interface HostLines {
  out(line: string): void;
  err(line: string): void;
}

/** A one-line refusal of the request itself (exit 2). */
export class HostUsageError extends Error {}

export const defaultHostPort = 8443;

/** `10.0.0.5:8443`, `10.0.0.5`, `[fd00::5]:8443`; never a wildcard, which would listen everywhere. */
export function parseListen(text: string): { address: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(text.trim());
  const address = match?.[1] ?? match?.[2];
  if (match === null || address === undefined || isIP(address) === 0)
    throw new HostUsageError(
      `--listen must be this computer's address and a port, e.g. 192.168.1.20:8443 (got "${text}")`,
    );
  if (address === '0.0.0.0' || address === '::')
    throw new HostUsageError(
      '--listen must name one address of this computer on the clinic network, not every interface',
    );
  const port = match[3] === undefined ? defaultHostPort : Number(match[3]);
  if (port < 1 || port > 65_535) throw new HostUsageError('the port in --listen must be 1–65535');
  return { address, port };
}

function waitForStop(): Promise<void> {
  return new Promise((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
}

/**
 * `dosing-ledger host --db FILE [--listen ADDRESS:PORT] [--name HOST]...`: the headless clinic
 * host. Issues (or reuses) its TLS certificate from the clinic root, then serves enrolled
 * devices until stopped.
 */
export async function hostCommand(
  args: string[],
  io: HostLines,
  stop: () => Promise<void> = waitForStop,
): Promise<number> {
  let values: { db?: string; listen?: string; name?: string[] };
  try {
    ({ values } = parseArgs({
      args,
      options: { db: { type: 'string' }, listen: { type: 'string' }, name: { type: 'string', multiple: true } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new HostUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.db === undefined || values.db === '') throw new HostUsageError('--db FILE is required');
  const dbPath = resolve(values.db);
  const listen = parseListen(values.listen ?? `127.0.0.1:${defaultHostPort}`);
  const hostNames = [...new Set([...ownHostNames(), ...(values.name ?? []).map((name) => name.trim().toLowerCase())])];

  const ledger = openForApp(dbPath);
  try {
    const tls = await ensureHostCertificate({
      ledger,
      dbPath,
      hostNames,
      addresses: [listen.address],
      credentials: () =>
        adminCredentialsFromEnvOrPrompt(
          process.env,
          undefined,
          'An administrator’s password unlocks the clinic root to issue this host’s certificate.',
        ),
    });
    const host = await startClinicHost({
      ledger,
      listen,
      hostNames,
      tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
      rootCertificatePem: tls.rootCertificatePem,
      staticDir: join(projectRoot, 'dist', 'renderer'),
    });
    const others = hostNames.map((name) => `https://${name}:${host.port}`);
    io.out(
      `Dosing Ledger clinic host is serving ${dbPath} at ${host.origin}${others.length > 0 ? ` (also ${others.join(', ')})` : ''}`,
    );
    if (listen.address.startsWith('127.') || listen.address === '::1')
      io.out('Only this computer can reach that address: pass --listen with its address on the clinic network.');
    io.out(`Clinic root SHA-256 fingerprint: ${host.rootFingerprint}`);
    io.out(
      `A new device shows a pairing code: approve it on the Devices page, or here with "dosing-ledger devices approve --db ${values.db} --code CODE --name NAME".`,
    );
    io.out('Press Ctrl+C to stop.');
    await stop();
    await host.close();
    return 0;
  } finally {
    ledger.close();
  }
}
