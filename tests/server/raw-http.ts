import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer, ServerLimits } from '../../src/server/serve';
import { apiPath, secretHeader, signInHeader, startServer } from '../../src/server/serve';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';

export const testSecret = 'hardening-test-secret';
export const testSignIn = 'hardening-test-sign-in-01';

/** Limits small enough that slow clients are cut off within a test's time. */
export const tightLimits: Partial<ServerLimits> = {
  bodyBytes: 64 * 1024,
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  timeoutCheckIntervalMs: 50,
};

export interface TestServer {
  server: RunningServer;
  /** `127.0.0.1:port`, the only Host the server accepts. */
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** The real server on 127.0.0.1 over a temporary ledger and a tiny renderer folder. */
export async function startTestServer(limits: Partial<ServerLimits> = tightLimits): Promise<TestServer> {
  const ledger: TempLedger = tempLedger();
  const staticDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dosing Ledger</title>');
  writeFileSync(join(staticDir, 'app.js'), 'export {};');
  writeFileSync(join(staticDir, '.hidden'), 'not for the browser');
  const server = await startServer({ ledger: ledger.ledger, staticDir, secret: testSecret, limits });
  const host = server.origin.replace('http://', '');
  return {
    server,
    host,
    port: Number(new URL(server.origin).port),
    stop: async () => {
      await server.close();
      ledger.cleanup();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

export interface RawReply {
  /** The status of the first response, or null when the server closed without one. */
  status: number | null;
  /** Header lines of the first response, names lower-cased, in order. */
  headers: [string, string][];
  text: string;
  /** The server closed the connection before the deadline. */
  closed: boolean;
}

/**
 * Sends bytes over a raw TCP connection (no client library to tidy them up) and collects what
 * comes back until the server closes or `deadlineMs` passes. `parts` are sent `gapMs` apart,
 * for slow clients; `end` half-closes after the last part.
 */
export function rawExchange(
  port: number,
  parts: (string | Uint8Array)[],
  options: { gapMs?: number; deadlineMs?: number; end?: boolean; localAddress?: string } = {},
): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: options.localAddress });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1];
      const headers = lines.map((line): [string, string] => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
      });
      resolve({ status: status === undefined ? null : Number(status), headers, text, closed });
    };
    const deadline = setTimeout(() => finish(false), options.deadlineMs ?? 3000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', () => {
      void (async () => {
        for (const part of parts) {
          if (socket.destroyed) return;
          socket.write(part);
          if (options.gapMs !== undefined) await new Promise((next) => setTimeout(next, options.gapMs));
        }
        if (options.end === true && !socket.destroyed) socket.end();
      })();
    });
  });
}

/** A well-formed contract call, as the renderer makes it. */
export async function normalCall(origin: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(apiPath, origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [secretHeader]: testSecret, [signInHeader]: testSignIn },
    body: JSON.stringify({ method: 'signIn.get', input: {} }),
  });
  return { status: response.status, body: await response.json() };
}

export function apiHead(host: string, extra: Record<string, string> = {}): string {
  const headers = {
    Host: host,
    'Content-Type': 'application/json',
    [secretHeader]: testSecret,
    [signInHeader]: testSignIn,
    Connection: 'close',
    ...extra,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `POST ${apiPath} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
