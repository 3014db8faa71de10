import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { metaContentSecurityPolicy } from './src/contract/security-headers.ts';

/** The marker in src/renderer/index.html where the policy's meta tag goes. */
export const cspMarker = '<!-- content-security-policy -->';

/**
 * Writes the CSP meta tag from src/contract/security-headers.ts, the module the Electron
 * protocol and the server send as a header, so the policy is written once.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'dosing-ledger-csp-meta',
    transformIndexHtml(html) {
      if (!html.includes(cspMarker)) throw new Error(`index.html lacks ${cspMarker}`);
      return html.replace(
        cspMarker,
        `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`,
      );
    },
  };
}

/** The renderer: built to dist/renderer and served by Electron or by browser mode. */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
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
