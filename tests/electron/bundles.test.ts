import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The same settings as build.config.mjs, written to memory. */
async function bundle(entry: string, format: 'cjs' | 'esm'): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    external: ['electron'],
    format,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function requiredModules(code: string): string[] {
  return [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1] ?? '');
}

describe('electron bundles', () => {
  it('the sandboxed preload requires nothing but electron', async () => {
    // A sandboxed preload cannot require Node packages or built-ins: one stray runtime
    // import (zod via src/contract, say) would break window.ledger at start-up.
    const code = await bundle('electron/preload.ts', 'cjs');
    expect(new Set(requiredModules(code))).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld("ledger"');
    expect(code).toContain('"ledger:invoke"');
    expect(code).not.toMatch(/\bimport\(/);
  });

  it('main bundles as ESM, importing electron rather than bundling it', async () => {
    const code = await bundle('electron/main.ts', 'esm');
    expect(code).toMatch(/from "electron"/);
    expect(code).toContain('registerSchemesAsPrivileged');
    expect(code).not.toMatch(/require\(["']electron["']\)/);
  });
});
