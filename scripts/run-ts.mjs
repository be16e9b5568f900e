// node scripts/run-ts.mjs ENTRY.ts [ARGS…]: runs a TypeScript entry that is
// not part of the app (benchmarks, the dev API server). Node 20 cannot run
// .ts, so Vite, the project's own toolchain, bundles it first; dependencies
// stay external.
import { basename, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [ARGS…]')
  process.exit(2)
}
const name = basename(entry).replace(/\.ts$/, '')
const outDir = resolve('node_modules/.cache/partner-desk-run', name)
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: resolve(entry),
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
  },
})
process.argv = [process.argv[0], entry, ...args]
await import(pathToFileURL(resolve(outDir, `${name}.mjs`)).href)
