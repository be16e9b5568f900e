// The core worker thread: the only place the cache is opened for writing.
// Calls run one at a time, in the order they came (a single writer).
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { Core } from './core'
import { integrityInThread } from './db/integrity'
import type { FromWorker, ToWorker, WorkerConfig } from './protocol'

const port = parentPort
if (!port) throw new Error('worker.ts runs only as a worker thread')

const config = workerData as WorkerConfig
const post = (message: FromWorker) => port.postMessage(message)

const core = new Core(config, {
  emit: (event, payload) => post({ type: 'event', event, payload } as FromWorker),
  // Built next to this file by electron-vite (out/main/integrity.js).
  checkIntegrity: integrityInThread(join(__dirname, 'integrity.js')),
  now: () => config.now ?? Math.floor(Date.now() / 1000),
  warn: (message) => console.warn(`[partner-desk core] ${message}`),
})

let queue: Promise<void> = Promise.resolve()
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    if (message.type === 'close') {
      core.close()
      // Ends this thread and any integrity check still reading: quitting the
      // app must not wait for a full scan of a large cache.
      process.exit(0)
    }
    post({ type: 'result', id: message.id, result: await core.handle(message.channel, message.input) })
  })
})
