// Bundles the Node-side entry points (CLI, Electron main and preload) with esbuild.
// The renderer is built by Vite (vite.config.ts). Dependencies stay external: they are
// installed next to the app, and better-sqlite3 is a native module.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/dosing-ledger.ts'],
    outfile: 'dist/cli/dosing-ledger.js',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
