import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy, securityHeaders } from '../../src/contract/security-headers';
import { contentSecurityPolicyMeta, cspMarker } from '../../vite.config';

const sourceHtml = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');

function transform(html: string): string {
  const hook = contentSecurityPolicyMeta().transformIndexHtml;
  if (typeof hook !== 'function') throw new Error('the plugin has no transformIndexHtml function');
  // The hook is synchronous and ignores its context; Vite's types only allow more.
  return hook.call(undefined as never, html, undefined as never) as string;
}

describe('the renderer policy', () => {
  it('allows nothing but the app itself: no other host, no inline code, no plugins, no framing', () => {
    const directives = contentSecurityPolicy.split('; ');
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("connect-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|https?:|\*|wss?:/);
  });

  it('is sent as a header along with the other security headers', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('is written into the page by the build, without the directive a meta tag cannot carry', () => {
    expect(sourceHtml).toContain(cspMarker);
    expect(sourceHtml).not.toContain('Content-Security-Policy');
    const built = transform(sourceHtml);
    expect(built).toContain(`<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`);
    expect(built).not.toContain(cspMarker);
    expect(metaContentSecurityPolicy).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });

  it('refuses to build a page that has lost its marker', () => {
    expect(() => transform('<!doctype html><title>x</title>')).toThrow(/content-security-policy/);
  });
});
