// Builds the viewer (web/src) into web/dist, which `cablegraph serve` hands out at `/`.
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  // Relative asset URLs: the viewer keeps working when a proxy serves it under a sub-path.
  base: './',
  logLevel: 'warn',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
    reportCompressedSize: false,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API comes from `cablegraph serve`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
