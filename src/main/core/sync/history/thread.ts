// The billing history's staging thread (built as history.js): reads the
// pages the pull hands it, in the order they come, each in one transaction.
import { parentPort, workerData } from 'node:worker_threads'
import { historyPageReader } from './page'
import { openStagingConnection, type FromHistoryThread, type StagingConnection, type ToHistoryThread } from './stager'

const port = parentPort
if (!port) throw new Error('history thread: runs only as a worker thread')

/** A failure to start reaches the pull as the thread's error event; an SqliteError would cross over without its message. */
function start(): { db: ReturnType<typeof openStagingConnection>; read: ReturnType<typeof historyPageReader> } {
  try {
    const db = openStagingConnection(workerData as StagingConnection)
    return { db, read: historyPageReader(db) }
  } catch (error) {
    throw new Error(error instanceof Error ? error.message : String(error))
  }
}
const { db, read } = start()
const post = (message: FromHistoryThread) => port.postMessage(message)

port.on('message', (message: ToHistoryThread) => {
  if (message.type === 'close') {
    db.close()
    port.close()
    return
  }
  try {
    post({ page: message.page, result: read(message.page, message.body) })
  } catch (error) {
    post({ page: message.page, error: error instanceof Error ? error.message : String(error) })
  }
})
