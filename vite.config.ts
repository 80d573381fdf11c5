import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served two ways: from file:// in Electron and over loopback in browser mode,
// hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Served from disk or loopback, never over a network: PatternFly's one CSS and JS bundle need no splitting.
    chunkSizeWarningLimit: 1500,
  },
});
