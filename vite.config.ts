/**
 * Vite builds the renderer (root: renderer/) into dist/ with relative asset paths, so that the same
 * build loads from file:// in Electron and from the browser-mode host. (Unit tests: vitest.config.ts.)
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './shared/security/csp';

// The built page carries the CSP itself as well, so it holds wherever the file is loaded from.
const cspMeta = {
  name: 'doudi-csp-meta',
  apply: 'build' as const,
  transformIndexHtml: () => [
    {
      tag: 'meta',
      injectTo: 'head-prepend' as const,
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ dev: false, forMeta: true }) },
    },
  ],
};

const apiTarget = process.env.DOUDI_API ?? 'http://127.0.0.1:5780';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // `npx vite` during development: API calls go to the browser-mode host (DOUDI_API overrides).
      // The host answers only its own Host and Origin: the dev page's own origin is rewritten to the
      // host's; any other Origin passes unchanged, and the host refuses it.
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (req) => {
            const origin = req.getHeader('origin');
            if (origin === 'http://localhost:5173' || origin === 'http://127.0.0.1:5173') req.setHeader('origin', new URL(apiTarget).origin);
          }),
      },
    },
  },
});
