import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { fewerChunks } from './chunks.plugin.ts';
import { indexPage } from './index-page.plugin.ts';
import { precompressAssets } from './precompress.plugin.ts';
import { prerenderSignIn } from './prerender.plugin.ts';
import { stylesInUse } from './styles-in-use.plugin.ts';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const apiTarget = `http://localhost:${env.API_PORT || 3001}`;
  return {
    plugins: [react(), fewerChunks(), stylesInUse(), indexPage(), prerenderSignIn(), precompressAssets()],
    server: {
      port: Number(env.WEB_PORT || 3000),
      strictPort: true,
      proxy: {
        '/api': { target: apiTarget },
        '/socket.io': { target: apiTarget, ws: true },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // One stylesheet, there before the first paint: a screen's own styles (8 kB gzipped in all, beside
      // Mantine's 37) arriving with its code made the browser restyle the whole page on a slow phone.
      cssCodeSplit: false,
      rolldownOptions: {
        treeshake: {
          // The shared contract only declares schemas: a screen carries the schemas it uses, not every feature's.
          moduleSideEffects: (id: string) => !id.includes('/packages/shared/src/'),
        },
      },
    },
  };
});
