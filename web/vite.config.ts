import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run with web/ as the root: `vite build web` writes web/dist, which the server serves at /.
// `npm run dev:web` serves the portal with hot reload and sends /v1 to the API on port 3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});
