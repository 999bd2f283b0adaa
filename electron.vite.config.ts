import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Two entries over one core: the Electron shell and the plain-Node browser mode;
        // and workers started by path: the document importers' (import-jobs.ts finds it
        // beside them); the store's compaction and open-check workers, the exchange's and
        // team sync's (store/worker-entry.ts finds them); the suggester's (suggestions/runner.ts).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          'import-worker': resolve(__dirname, 'src/main/core/import/worker.ts'),
          'compaction-worker': resolve(__dirname, 'src/main/core/store/compaction-worker.ts'),
          'open-check-worker': resolve(__dirname, 'src/main/core/store/open-check-worker.ts'),
          'suggestions-worker': resolve(__dirname, 'src/main/core/suggestions/worker.ts'),
          'exchange-worker': resolve(__dirname, 'src/main/core/exchange/worker.ts'),
          'sync-worker': resolve(__dirname, 'src/main/core/sync/sync-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
