import { execFile, spawnSync } from 'node:child_process';
import { createServer as createHttpsServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinicRoot } from '../../src/signing/clinic-root';
import { generateServerKeyPair, issueServerCertificate } from '../../src/signing/server-certificate';
import { scratchDirectory, writeScratch } from './signing-fixture';

/**
 * The host certificate as independent TLS clients see it: OpenSSL's s_client (hostname and IP
 * checks, chain to the clinic root only) and Node's https, against a node:tls server that
 * refuses anything older than TLS 1.2.
 */

const opensslPresent = spawnSync('openssl', ['version']).status === 0;
if (!opensslPresent) console.warn('openssl is not installed: the s_client checks below are skipped.');
const now = new Date();
const root = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now });
const otherRoot = createClinicRoot({ clinicName: 'Some Other Clinic', now });
const keys = generateServerKeyPair();
const certificatePem = issueServerCertificate({
  rootCertificatePem: root.certificatePem,
  rootKeyPem: root.privateKeyPem,
  subjectPublicKeyPem: keys.publicKeyPem,
  hostNames: ['clinic-host.test', 'localhost'],
  addresses: ['127.0.0.1', '127.0.0.2', '::1'],
  now,
});

const directory = scratchDirectory();
const rootFile = writeScratch(directory, 'root.pem', root.certificatePem);
const otherRootFile = writeScratch(directory, 'other-root.pem', otherRoot.certificatePem);

/** Listening servers by address; an address Linux would not bind is left out (and said so). */
const servers = new Map<string, { server: Server; port: number }>();
const unavailable: string[] = [];

function listen(host: string): Promise<void> {
  // The client closes first: a server that hung up at once raced s_client's own goodbye, which
  // then exited 1 now and then under load although the certificate had verified.
  const server = createTlsServer({ key: keys.privateKeyPem, cert: certificatePem, minVersion: 'TLSv1.2' }, (socket) => {
    socket.on('error', () => undefined);
    socket.on('end', () => socket.end());
    socket.write('ledger\n');
  });
  return new Promise((resolve) => {
    server.once('error', () => {
      unavailable.push(host);
      resolve();
    });
    server.listen(0, host, () => {
      servers.set(host, { server, port: (server.address() as AddressInfo).port });
      resolve();
    });
  });
}

beforeAll(async () => {
  for (const host of ['127.0.0.1', '127.0.0.2', '::1']) await listen(host);
  if (unavailable.length > 0) console.warn(`not listening on ${unavailable.join(', ')}: the system refused to bind`);
});
afterAll(async () => {
  await Promise.all([...servers.values()].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

function portOf(host: string): number {
  const listening = servers.get(host);
  if (listening === undefined) throw new Error(`no server on ${host}`);
  return listening.port;
}

/** s_client in a child process (asynchronously: the server answers from this process's event loop). */
function sClient(host: string, ...args: string[]): Promise<{ code: number; output: string }> {
  const target = host.includes(':') ? `[${host}]:${portOf(host)}` : `${host}:${portOf(host)}`;
  return new Promise((resolve) => {
    const child = execFile(
      'openssl',
      ['s_client', '-connect', target, '-verify_return_error', ...args],
      { timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
    child.stdin?.end(); // </dev/null: connect, verify, then quit.
  });
}

const verified = 'Verify return code: 0 (ok)';

describe.skipIf(!opensslPresent)('openssl s_client, trusting the clinic root only', () => {
  it('verifies the host name and each address, over TLS 1.2 or later', async () => {
    const byName = await sClient('127.0.0.1', '-CAfile', rootFile, '-verify_hostname', 'clinic-host.test');
    expect(byName.output).toContain(verified);
    expect(byName.code).toBe(0);
    expect(byName.output).toMatch(/New, TLSv1\.[23], Cipher is/);
    expect(byName.output).toContain('Verified peername: clinic-host.test');
    for (const address of ['127.0.0.1', '127.0.0.2', '::1'].filter((host) => servers.has(host))) {
      const byAddress = await sClient(address, '-CAfile', rootFile, '-verify_ip', address);
      expect(byAddress.output, address).toContain(verified);
      expect(byAddress.code, address).toBe(0);
    }
    expect(servers.has('127.0.0.1')).toBe(true);
  });

  it('fails against a different root', async () => {
    const result = await sClient('127.0.0.1', '-CAfile', otherRootFile, '-verify_hostname', 'clinic-host.test');
    expect(result.code).not.toBe(0);
    expect(result.output).not.toContain(verified);
    expect(result.output).toMatch(/unable to get local issuer certificate|certificate signature failure/);
  });

  it('fails for a name or an address the certificate does not hold', async () => {
    const name = await sClient('127.0.0.1', '-CAfile', rootFile, '-verify_hostname', 'elsewhere.test');
    expect(name.code).not.toBe(0);
    expect(name.output).toContain('hostname mismatch');
    const address = await sClient('127.0.0.1', '-CAfile', rootFile, '-verify_ip', '127.0.0.3');
    expect(address.code).not.toBe(0);
    expect(address.output).toContain('IP address mismatch');
  });

  it('is refused over TLS 1.1', async () => {
    // SECLEVEL=0 lets OpenSSL 3 offer TLS 1.1 at all, so the refusal is the server's.
    const result = await sClient('127.0.0.1', '-CAfile', rootFile, '-tls1_1', '-cipher', 'DEFAULT@SECLEVEL=0');
    expect(result.code).not.toBe(0);
    // s_client prints "Verify return code: 0" here too (nothing was verified): the handshake failed.
    expect(result.output).toContain('Cipher is (NONE)');
    expect(result.output).toContain('alert protocol version');
  });
});

describe('Node https', () => {
  const httpsServer = createHttpsServer(
    { key: keys.privateKeyPem, cert: certificatePem, minVersion: 'TLSv1.2' },
    (_request, response) => response.end('ledger'),
  );
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', resolve));
    port = (httpsServer.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => httpsServer.close(resolve)));

  function get(ca: string): Promise<{ ok: true; body: string } | { ok: false; code: string }> {
    return new Promise((resolve) => {
      const call = request({ host: '127.0.0.1', port, path: '/', ca }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ ok: true, body }));
      });
      call.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, code: error.code ?? String(error) }));
      call.end();
    });
  }

  it('connects to the address trusting the clinic root, and refuses with another root', async () => {
    expect(await get(root.certificatePem)).toEqual({ ok: true, body: 'ledger' });
    const refused = await get(otherRoot.certificatePem);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_SIGNATURE_FAILURE/);
  });
});
