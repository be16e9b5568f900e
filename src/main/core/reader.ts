// The reader thread: a second, read-only connection that answers what the UI
// reads (reads.ts) while the core works. A large sync's merge holds the core's
// connection for seconds; WAL lets this one read the last committed state
// meanwhile, never a half-written one. The host starts it once the core
// reports a ready cache and stops it when the cache is not (see host.ts).
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { fail } from '../../shared/result'
import { createKysely } from './db/kysely'
import type { FromReader, ReaderConfig, ToReader } from './protocol'
import { answerRead, type ReadConnection } from './reads'

const port = parentPort
if (!port) throw new Error('reader.ts runs only as a worker thread')

const config = workerData as ReaderConfig
let connection: ReadConnection | null = null

function connect(): ReadConnection {
  const raw = new Database(config.dbPath, { readonly: true, fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) })
  raw.pragma('busy_timeout = 5000')
  return { raw, db: createKysely(raw), now: () => config.now ?? Math.floor(Date.now() / 1000) }
}

let queue: Promise<unknown> = Promise.resolve()
port.on('message', (message: ToReader) => {
  queue = queue.then(async () => {
    if (message.type === 'close') {
      connection?.raw.close()
      process.exit(0)
    }
    let result
    try {
      connection ??= connect()
      const { raw } = connection
      // One call, one read transaction: a page and its total come from the same committed state.
      raw.exec('BEGIN')
      try {
        result = await answerRead(connection, message.channel, message.input as never)
      } finally {
        raw.exec('COMMIT')
      }
    } catch (error) {
      result = fail('internal', `${message.channel}: ${error instanceof Error ? error.message : String(error)}`)
    }
    port.postMessage({ type: 'result', id: message.id, result } satisfies FromReader)
  })
})
