// The core worker thread: the only place the cache is opened for writing.
// Calls run one at a time, in the order they came (a single writer).
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { fail } from '../../shared/result'
import { Core } from './core'
import { integrityInThread } from './db/integrity'
import { historyInThread } from './sync/history/stager'
import type { FromWorker, ToWorker, WorkerConfig } from './protocol'

const port = parentPort
if (!port) throw new Error('worker.ts runs only as a worker thread')

const config = workerData as WorkerConfig
const post = (message: FromWorker) => port.postMessage(message)

const tokenRequests = new Map<number, (token: string | null) => void>()
let nextTokenRequest = 1
function requestToken(): Promise<string | null> {
  const id = nextTokenRequest++
  return new Promise((resolve) => {
    tokenRequests.set(id, resolve)
    post({ type: 'token-request', id })
  })
}

// An open that fails outright (a folder that cannot be created, say) must not
// leave callers waiting: every call then answers why.
const opening: Promise<Core | string> = Core.open(config, {
  emit: (event, payload) => post({ type: 'event', event, payload } as FromWorker),
  // Built next to this file by electron-vite (out/main/integrity.js).
  checkIntegrity: integrityInThread(join(__dirname, 'integrity.js')),
  stageHistory: historyInThread(join(__dirname, 'history.js'), config.nativeBinding),
  now: () => config.now ?? Math.floor(Date.now() / 1000),
  requestToken,
}).catch((error: unknown) => `the cache could not be opened: ${error instanceof Error ? error.message : String(error)}`)

let queue: Promise<unknown> = opening
port.on('message', (message: ToWorker) => {
  // Answers to the core's own questions skip the queue: a sync may be waiting on one.
  if (message.type === 'token') {
    tokenRequests.get(message.id)?.(message.token)
    tokenRequests.delete(message.id)
    return
  }
  queue = queue.then(async () => {
    const core = await opening
    if (message.type === 'close') {
      if (typeof core !== 'string') await core.close()
      // Ends this thread and any integrity check still reading: quitting the
      // app must not wait for a full scan of a large cache.
      process.exit(0)
    }
    const result = typeof core === 'string' ? fail('cache_unavailable', core) : await core.handle(message.channel, message.input)
    post({ type: 'result', id: message.id, result })
  })
})
