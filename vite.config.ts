import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: built to dist/renderer and served by Electron or by browser mode. */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // Browser mode and Electron both forbid inline scripts and styles (CSP).
    assetsInlineLimit: 0,
    // One bundle for an offline desktop app: nothing is downloaded, so chunk size matters little.
    chunkSizeWarningLimit: 1024,
  },
});
