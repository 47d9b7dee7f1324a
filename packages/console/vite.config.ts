import { defineConfig } from 'vite';

// Vite transforms .tsx with Oxc, so React's automatic JSX runtime is chosen here and no React
// plugin is needed. The server serves the built files under /console/.
export default defineConfig({
  base: '/console/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows data: URLs for images only, so no asset is inlined as one.
    assetsInlineLimit: 0,
  },
});
