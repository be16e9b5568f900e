// The core worker thread: the only place the cache is opened for writing.
// Calls run one at a time, in the order they came (a single writer).
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { fail, type Result } from '../../shared/result'
import { Core } from './core'
import { integrityInThread } from './db/integrity'
import { isLockError } from './db/open'
import { historyInThread } from './sync/history/stager'
import { checkInThread } from './billing/export/check'
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

/** A cache another program holds locked is busy, not broken: whoever asked may try again later. */
function openFailure(error: unknown): Result<never> {
  const message = error instanceof Error ? error.message : String(error)
  if (isLockError(error)) return fail('busy', `${config.dbPath} is in use by another program (${message}): try again once it has finished`)
  return fail('cache_unavailable', `${config.dbPath} could not be opened: ${message}`)
}

// An open that fails outright must not leave callers waiting: every call then answers why.
const opening: Promise<Core | Result<never>> = Core.open(config, {
  emit: (event, payload) => post({ type: 'event', event, payload } as FromWorker),
  // Built next to this file by electron-vite (out/main/integrity.js).
  checkIntegrity: integrityInThread(join(__dirname, 'integrity.js')),
  stageHistory: historyInThread(join(__dirname, 'history.js'), config.nativeBinding),
  checkExport: checkInThread(join(__dirname, 'export-check.js')),
  now: () => config.now ?? Math.floor(Date.now() / 1000),
  requestToken,
}).catch(openFailure)

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
      if (core instanceof Core) await core.close()
      // Ends this thread and any integrity check still reading: quitting the
      // app must not wait for a full scan of a large cache.
      process.exit(0)
    }
    if (message.type === 'file') {
      post({ type: 'result', id: message.id, result: core instanceof Core ? core.chooseFile(message.path) : core })
      return
    }
    const result = !(core instanceof Core) ? core : message.type === 'export' ? core.startExport(message.spec, message.target) : await core.handle(message.channel, message.input)
    post({ type: 'result', id: message.id, result })
  })
})
