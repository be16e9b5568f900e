import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The renderer's entry (boot.ts) imports the app's bundle dynamically, so that
 * it runs first; Vite would ask for that bundle only once the entry runs. The
 * page asks for it, and what it imports, at once instead: one modulepreload
 * link each. (Vite preloads only what an entry imports statically.)
 */
function preloadAppBundle(): Plugin {
  return {
    name: 'partner-desk:preload-app-bundle',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { chunk, bundle }) {
        if (chunk === undefined || bundle === undefined) return
        const app = chunk.dynamicImports.find((file) => {
          const imported = bundle[file]
          return imported?.type === 'chunk' && imported.facadeModuleId?.endsWith('/src/main.tsx')
        })
        if (app === undefined) throw new Error('boot.ts no longer imports main.tsx: the app bundle cannot be preloaded')
        const files = new Set<string>()
        const visit = (file: string): void => {
          if (files.has(file) || file === chunk.fileName || chunk.imports.includes(file)) return
          files.add(file)
          const imported = bundle[file]
          if (imported?.type === 'chunk') imported.imports.forEach(visit)
        }
        visit(app)
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }))
      },
    },
  }
}

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
    plugins: [react(), preloadAppBundle()],
  },
})
