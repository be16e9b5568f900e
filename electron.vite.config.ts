import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // Dependencies stay external (better-sqlite3 must: bundled, it cannot
      // find its .node file), except the pure-JS ones on the start-up path:
      // loading kysely and zod as hundreds of separate CommonJS files costs
      // more than the worker's whole open. Seven entries share one core: the
      // Electron main process, the CLI, the worker that owns the database,
      // the reader beside it, the integrity check, the billing history's
      // staging thread and the export's check.
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli.ts'),
          worker: resolve('src/main/core/worker.ts'),
          reader: resolve('src/main/core/reader.ts'),
          integrity: resolve('src/main/core/db/integrity-worker.ts'),
          history: resolve('src/main/core/sync/history/thread.ts'),
          'export-check': resolve('src/main/core/billing/export/check-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: bundle the rest.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      minify: true,
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react()],
  },
})
