import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isIPv6 } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Ledger } from '../services/ledger';
import { deviceByToken } from '../services/devices';
import { startBackupScheduler } from '../services/backup-scheduler';
import { buildServer, registerRenderer } from './build-server';
import { createClinicSessions } from './clinic-sessions';
import { registerClinicRoutes } from './clinic-routes';
import { createLedgerEvents } from './ledger-events';
import type { ServerLimits } from './server-limits';
import { createSignInThrottle } from './sign-in-throttle';

export interface ClinicHostOptions {
  ledger: Ledger;
  /** The one address the administrator chose (never a wildcard) and its port; 0 picks one. */
  listen: { address: string; port: number };
  /** Host names devices may use besides the address (all in the certificate). */
  hostNames: readonly string[];
  tls: { keyPem: string; certificatePem: string };
  rootCertificatePem: string;
  staticDir: string;
  clock?: () => Date;
  limits?: Partial<ServerLimits>;
  quitBackupTimeoutMs?: number;
  /** False where the process already runs the backup schedule (the desktop app sharing its ledger). */
  backups?: boolean;
}

export interface RunningClinicHost {
  /** `https://address:port`. */
  origin: string;
  port: number;
  /** SHA-256 of the clinic root, "AB:CD:…", for a device to be checked against. */
  rootFingerprint: string;
  close(): Promise<void>;
}

const wildcardAddresses = new Set(['0.0.0.0', '::', '[::]', '']);

export function hostPort(hostOrAddress: string, port: number): string {
  return isIPv6(hostOrAddress) ? `[${hostOrAddress}]:${port}` : `${hostOrAddress}:${port}`;
}

/**
 * Clinic mode: the renderer and the contract over HTTPS (TLS 1.2+, a certificate from the
 * clinic root) on the one address an administrator chose, to enrolled devices only.
 */
export async function startClinicHost(options: ClinicHostOptions): Promise<RunningClinicHost> {
  if (wildcardAddresses.has(options.listen.address))
    throw new Error('Choose the one address of this computer on the clinic network, not every interface.');
  let allowedHosts: ReadonlySet<string> = new Set();
  const { app } = buildServer({
    limits: options.limits,
    tls: options.tls,
    extraHeaders: { 'Strict-Transport-Security': 'max-age=31536000' },
    allowedHosts: () => allowedHosts,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const rootFingerprint = new X509Certificate(options.rootCertificatePem).fingerprint256;
  const sessions = createClinicSessions();
  const events = createLedgerEvents(options.ledger, (_head, stream) => {
    // Another process (the CLI) may have revoked a device: look each streaming device up again.
    for (const [deviceId, tokenSha256] of stream.devices()) {
      if (deviceByToken(options.ledger, tokenSha256, options.clock)?.status !== 'active') {
        sessions.endDevice(deviceId);
        stream.revoke(deviceId);
      }
    }
  });
  registerClinicRoutes(app, {
    ledger: options.ledger,
    clock: options.clock,
    rootCertificatePem: options.rootCertificatePem,
    rootFingerprint,
    sessions,
    throttle: createSignInThrottle(),
    events,
  });
  await registerRenderer(app, options.staticDir);
  app.addHook('onClose', (_instance, done) => {
    events.close();
    done();
  });

  await app.listen({ host: options.listen.address, port: options.listen.port });
  const { port } = app.server.address() as AddressInfo;
  allowedHosts = new Set(
    [options.listen.address, ...options.hostNames].flatMap((name) => {
      const withPort = hostPort(name.toLowerCase(), port);
      return port === 443 ? [withPort, isIPv6(name) ? `[${name.toLowerCase()}]` : name.toLowerCase()] : [withPort];
    }),
  );
  const backups =
    options.backups === false
      ? null
      : startBackupScheduler(options.ledger, { clock: options.clock, quitTimeoutMs: options.quitBackupTimeoutMs });
  return {
    origin: `https://${hostPort(options.listen.address, port)}`,
    port,
    rootFingerprint,
    close: async () => {
      const outcome = await backups?.quit();
      if (outcome === 'failed' || outcome === 'timed out') console.error(`[dosing-ledger] backup on quit: ${outcome}`);
      await app.close();
    },
  };
}
