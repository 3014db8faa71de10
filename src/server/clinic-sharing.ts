import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NetworkAddress, SharingStatus } from '../domain/clinic-sharing';
import { sharingOrigin } from '../domain/clinic-sharing';
import { recordSharingOutcome } from '../services/clinic-sharing';
import type { Ledger } from '../services/ledger';
import type { SharingControl, SharingRequest } from '../services/sharing-control';
import type { RunningClinicHost } from './clinic-host';
import { startClinicHost } from './clinic-host';
import type { AdminCredentials } from './host-certificate';
import { ensureHostCertificate, hostTlsDirectory, keptHostCertificate, writeAtomically } from './host-certificate';
import { ownAddresses, ownHostNames } from './this-computer';

export interface ClinicSharingOptions {
  ledger: Ledger;
  dbPath: string;
  staticDir: string;
  clock?: () => Date;
  /** This computer's addresses and names (the system's; tests give their own). */
  addresses?: () => NetworkAddress[];
  hostNames?: () => string[];
  log?: (line: string) => void;
}

/** The desktop app's side of sharing: the `SharingControl` the services use, and its lifecycle. */
export interface ClinicSharing extends SharingControl {
  /** Shares again on the address chosen before, if the kept certificate still serves it. */
  resume(): Promise<void>;
  /** Stops serving at quit, keeping the choice for the next start. */
  close(): Promise<void>;
  /** Settles when the starts and stops asked for so far are done. */
  settled(): Promise<void>;
}

interface Choice {
  address: string;
  port: number;
}

const choiceFile = 'sharing.json';

function readChoice(dbPath: string): Choice | null {
  try {
    const value = JSON.parse(readFileSync(join(hostTlsDirectory(dbPath), choiceFile), 'utf8')) as Partial<Choice>;
    return typeof value.address === 'string' && typeof value.port === 'number'
      ? { address: value.address, port: value.port }
      : null;
  } catch {
    return null;
  }
}

/** Why a start failed, in words an administrator can act on. */
function failureWords(error: unknown, choice: Choice): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${choice.port} is already in use on this computer: choose another port.`;
  if (code === 'EADDRNOTAVAIL') return `${choice.address} is not an address of this computer now.`;
  if (code === 'EACCES') return `This computer does not allow the app to listen on port ${choice.port}.`;
  return error instanceof Error ? error.message : String(error);
}

/** Resuming never asks anyone: a certificate that must be issued again waits for an administrator. */
const noOneToAsk = (): Promise<AdminCredentials> =>
  Promise.reject(
    new Error(
      'The clinic host certificate must be issued again: an administrator turns sharing on again on the Devices page.',
    ),
  );

/**
 * Serves the ledger this process holds to the clinic's enrolled devices, on the address an
 * administrator chose (kept beside the host key so that the app shares again when it restarts).
 * Starts and stops run one after another, never two at once.
 */
export function createClinicSharing(options: ClinicSharingOptions): ClinicSharing {
  const clock = options.clock ?? (() => new Date());
  const addresses = options.addresses ?? (() => ownAddresses());
  const hostNames = options.hostNames ?? (() => ownHostNames());
  let status: SharingStatus = { state: 'off' };
  let host: RunningClinicHost | null = null;
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work, work);
  };

  async function serve(choice: Choice, credentials: () => Promise<AdminCredentials>, userId: number | null) {
    status = { state: 'starting', ...choice };
    const names = hostNames();
    try {
      if (!addresses().some((item) => item.address === choice.address))
        throw Object.assign(new Error('gone'), { code: 'EADDRNOTAVAIL' });
      const tls = await ensureHostCertificate({
        ledger: options.ledger,
        dbPath: options.dbPath,
        hostNames: names,
        addresses: [choice.address],
        credentials,
        clock: options.clock,
      });
      host = await startClinicHost({
        ledger: options.ledger,
        listen: choice,
        hostNames: names,
        tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
        rootCertificatePem: tls.rootCertificatePem,
        staticDir: options.staticDir,
        clock: options.clock,
        backups: false,
      });
      const port = host.port;
      writeAtomically(join(hostTlsDirectory(options.dbPath), choiceFile), JSON.stringify({ ...choice, port }), 0o600);
      status = {
        state: 'serving',
        address: choice.address,
        port,
        origin: host.origin,
        hostNames: names.map((name) => sharingOrigin(name, port)),
        rootFingerprintSha256: tls.rootFingerprintSha256,
        since: clock().toISOString(),
      };
      recordSharingOutcome(
        options.ledger,
        { at: clock(), userId, action: 'host.sharing-started' },
        { origin: host.origin, address: choice.address, port, certificateIssued: tls.issued, resumed: userId === null },
      );
      options.log?.(`Sharing the ledger on the clinic network at ${host.origin}`);
    } catch (error) {
      const message = failureWords(error, choice);
      status = { state: 'failed', ...choice, message };
      recordSharingOutcome(
        options.ledger,
        { at: clock(), userId, action: 'host.sharing-failed' },
        { address: choice.address, port: choice.port, message, resumed: userId === null },
      );
      options.log?.(`Sharing on the clinic network failed: ${message}`);
    }
  }

  async function closeHost() {
    const running = host;
    host = null;
    await running?.close();
  }

  return {
    status: () => status,
    addresses,
    certificateUsable(address) {
      try {
        return (
          keptHostCertificate({
            ledger: options.ledger,
            dbPath: options.dbPath,
            hostNames: hostNames(),
            addresses: [address],
            clock: options.clock,
          }) !== null
        );
      } catch {
        return false;
      }
    },
    start(request: SharingRequest) {
      status = { state: 'starting', address: request.address, port: request.port };
      enqueue(() =>
        serve(
          { address: request.address, port: request.port },
          () => Promise.resolve(request.credentials),
          request.userId,
        ),
      );
    },
    stop() {
      enqueue(async () => {
        await closeHost();
        rmSync(join(hostTlsDirectory(options.dbPath), choiceFile), { force: true });
        status = { state: 'off' };
      });
    },
    resume() {
      const choice = readChoice(options.dbPath);
      if (choice !== null && status.state === 'off') enqueue(() => serve(choice, noOneToAsk, null));
      return queue;
    },
    close() {
      enqueue(closeHost);
      return queue;
    },
    settled: () => queue,
  };
}
