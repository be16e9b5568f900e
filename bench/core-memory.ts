// Run in its own process by first-render.ts (`node scripts/run-ts.mjs
// bench/core-memory.ts DB`), so nothing else lives in the process: its memory
// before the core starts, then with the cache open, its first clients page
// read and the core idle. Prints one JSON line.
import { resolve } from 'node:path'
import { CoreHost } from '../src/main/core/host'

const dbPath = process.argv[2]
if (!dbPath) throw new Error('usage: core-memory.ts DB')
globalThis.gc?.()
const before = process.memoryUsage()
const host = new CoreHost({ workerPath: resolve('out/main/worker.js'), dbPath })
const page = await host.call('clients:list', { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 100, filters: {} })
if (!page.ok) throw new Error(page.error.message)
// Idle: the integrity check and the reader's start are over, nothing is asked.
await new Promise((done) => setTimeout(done, 5000))
globalThis.gc?.()
const idle = process.memoryUsage()
console.log(JSON.stringify({ before, idle }))
await host.close()
