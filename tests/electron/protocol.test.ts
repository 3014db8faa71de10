import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appOrigin,
  appSchemePrivileges,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppFile,
} from '../../electron/protocol';
import { contentSecurityPolicy } from '../../src/contract/security-headers';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'dosing-ledger-protocol-'));
  root = join(base, 'renderer');
  outside = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dosing Ledger</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('the app scheme', () => {
  it('is app://dosing-ledger, standard and secure, without CORS or CSP bypass', () => {
    expect(appOrigin).toBe('app://dosing-ledger');
    expect(appEntryUrl).toBe('app://dosing-ledger/index.html');
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges?.bypassCSP).toBeFalsy();
    expect(appSchemePrivileges.privileges?.corsEnabled).toBeFalsy();
    expect(appSchemePrivileges.privileges?.allowServiceWorkers).toBeFalsy();
  });
});

describe('resolveAppFile', () => {
  it('maps the origin root and files under it', () => {
    expect(resolveAppFile(root, 'app://dosing-ledger/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dosing-ledger')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dosing-ledger/index.html?x=1#y')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dosing-ledger/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://dosing-ledger/assets/./index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://dosing-ledger/a%20b.png')).toBe(join(root, 'a b.png'));
  });

  it.each([
    'app://dosing-ledger/../secret.txt',
    'app://dosing-ledger/assets/../../secret.txt',
    'app://dosing-ledger/%2e%2e/secret.txt',
    'app://dosing-ledger/.%2E/assets/%2e%2e/secret.txt',
  ])('keeps %s inside the root (the URL parser removes the dot segments)', (url) => {
    expect(resolveAppFile(root, url)).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://dosing-ledger/..%2fsecret.txt',
    'app://dosing-ledger/..%2Fsecret.txt',
    'app://dosing-ledger/..%5csecret.txt',
    'app://dosing-ledger/assets/..%5c..%5csecret.txt',
    'app://dosing-ledger/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://dosing-ledger/index.html%00.png',
    'app://dosing-ledger/%E0%A4%A',
    'app://dosing-ledger/C:/Windows/win.ini',
    'app://dosing-ledger.evil/index.html',
    'app://dosing-ledgerx/index.html',
    'file:///etc/passwd',
    'https://dosing-ledger/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('keeps an encoded absolute path inside the root', () => {
    expect(resolveAppFile(root, 'app://dosing-ledger/%2fetc%2fpasswd')).toBe(join(root, 'etc', 'passwd'));
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['A.CSS', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['icon.svg', 'image/svg+xml'],
    ['blob.bin', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root);

  it('serves index.html with the CSP and security headers', async () => {
    const response = await handler()(new Request('app://dosing-ledger/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Dosing Ledger</title>');
  });

  it('serves module scripts with a JavaScript MIME type', async () => {
    const response = await handler()(new Request('app://dosing-ledger/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('app://dosing-ledger/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://dosing-ledger/../secret.txt',
    'app://dosing-ledger/%2e%2e/secret.txt',
    'app://dosing-ledger/..%2fsecret.txt',
    'app://dosing-ledger/missing.js',
    'app://dosing-ledger/assets',
    'app://dosing-ledger.evil/index.html',
  ])('answers 404 for %s, still with the CSP', async (url) => {
    const response = await handler()(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://dosing-ledger/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
