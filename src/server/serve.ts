import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Ledger } from '../services/ledger';
import { startBackupScheduler } from '../services/backup-scheduler';
import { registerApiRoutes } from './api-routes';
import { buildServer, registerRenderer } from './build-server';
import type { ServerLimits } from './server-limits';
import { createLaunchTokens, createSignInRegistry } from './sign-in-registry';

export { apiPath, launchPath, secretHeader, signInHeader } from './paths';
export type { ServerLimits } from './server-limits';

export const defaultStaticDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface ServerOptions {
  ledger: Ledger;
  staticDir?: string;
  /** 0 picks a free port. */
  port?: number;
  clock?: () => Date;
  /** Fixed secret for tests; a fresh 256-bit one per launch otherwise. */
  secret?: string;
  /** How long closing waits for the on-quit backup (see backup-scheduler.ts). */
  quitBackupTimeoutMs?: number;
  /** Tighter limits for tests; the defaults otherwise (server-limits.ts). */
  limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  /** The address to open, with the secret in the fragment (never sent over the wire). */
  url: string;
  origin: string;
  secret: string;
  /**
   * An address carrying a one-time token instead of the secret (`#launch=…`), valid for two
   * minutes: for handing to a browser's command line, which other local users can read.
   */
  launchUrl(): string;
  /** Takes the on-quit backup when the settings ask for one (bounded), then stops serving. */
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer and the contract on 127.0.0.1 only. Every API call needs the
 * per-launch secret; Host and Origin must name this very server, which defeats DNS
 * rebinding and cross-site requests; no CORS headers are ever sent.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const launchTokens = createLaunchTokens();
  let origin = '';
  let allowedHosts: ReadonlySet<string> = new Set();
  const { app } = buildServer({ limits: options.limits, allowedHosts: () => allowedHosts });

  registerApiRoutes(app, {
    ledger: options.ledger,
    clock: options.clock,
    secret,
    origin: () => origin,
    signInFor: createSignInRegistry(),
    launchTokens,
  });
  await registerRenderer(app, options.staticDir ?? defaultStaticDir);

  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const backups = startBackupScheduler(options.ledger, {
    clock: options.clock,
    quitTimeoutMs: options.quitBackupTimeoutMs,
  });
  const { port } = app.server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`]);
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    secret,
    launchUrl: () => `${origin}/#launch=${launchTokens.issue()}`,
    close: async () => {
      const outcome = await backups.quit();
      if (outcome === 'failed' || outcome === 'timed out') console.error(`[dosing-ledger] backup on quit: ${outcome}`);
      await app.close();
    },
  };
}
