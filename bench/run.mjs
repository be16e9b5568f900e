// npm run bench: bundles bench/suite.ts with Vite (the project's own TypeScript
// toolchain; Node 20 cannot run .ts) and runs it. Dependencies stay external.
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { build } from 'vite'

const outDir = resolve('node_modules/.cache/partner-desk-bench')
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: resolve('bench/suite.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'suite.mjs' } },
  },
})
await import(pathToFileURL(resolve(outDir, 'suite.mjs')).href)
