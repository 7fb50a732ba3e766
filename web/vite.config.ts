// Vite builds the SPA into dist/; visitd serves it (hashed files under /assets/ are cached
// forever). No inline scripts or styles: the server's CSP allows only 'self'.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Vite would inline small assets as data: URLs; keep every asset a file.
    assetsInlineLimit: 0,
    // The module preload polyfill is an inline-free script, but not needed by our targets.
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
