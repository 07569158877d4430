// Vite config for the dashboard (the product card keeps it at the top level): root is dashboard/, output
// dashboard/dist (served by `shifan serve`).
// In development `/api` is proxied to a running `shifan serve --port 8091`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./dashboard/', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dashboard/dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8091', changeOrigin: false } },
  },
});
