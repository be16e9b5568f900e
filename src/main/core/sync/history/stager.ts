// Who stages the billing history while the pull reads everything else. In
// the app the core runs in a worker thread, and the history gets a thread of
// its own (the built history.js): parsing, validating and storing a million
// lines then runs beside the other lists instead of after them. Tests that
// run the core in-process stage it on the pull's own thread, through a
// second connection all the same.
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { Checked, PageMeta, PageReader } from '../../remote/http'
import { historyPageReader } from './page'

export interface HistoryStager {
  readonly read: PageReader
  /** Once every page handed over was read: closes the staging connection. */
  close(): Promise<void>
}

/** Starts a stager for the cache file at `dbPath`. */
export type HistoryStaging = (dbPath: string) => HistoryStager

export interface StagingConnection {
  dbPath: string
  nativeBinding?: string
}

/**
 * A second connection to the cache. It does not enforce foreign keys
 * (better-sqlite3 turns them on): staged lines name clients the merge has not
 * written yet, and the merge checks every link before the table is used.
 */
export function openStagingConnection({ dbPath, nativeBinding }: StagingConnection): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  db.pragma('foreign_keys = OFF')
  // Every staged value was just read by the billing line's schema, which allows no less than the table's CHECK constraints do
  // (the same enums, VAT within 0..100 %); evaluating them again cost ~1.5 s a million lines. Other connections still check.
  db.pragma('ignore_check_constraints = ON')
  // Its page transactions wait for a user's write in the core, as the core's wait for them (outbox/store.ts: immediate).
  db.pragma('busy_timeout = 5000')
  return db
}

export const historyInline: HistoryStaging = (dbPath) => {
  const db = openStagingConnection({ dbPath })
  const read = historyPageReader(db)
  return {
    read: async (page, body) => read(page, body),
    close: async () => {
      db.close()
    },
  }
}

export type ToHistoryThread = { type: 'page'; page: number; body: string } | { type: 'close' }
export type FromHistoryThread = { page: number; result: Checked<PageMeta> } | { page: number; error: string }

export function historyInThread(workerPath: string, nativeBinding?: string): HistoryStaging {
  return (dbPath) => {
    const config: StagingConnection = { dbPath, ...(nativeBinding ? { nativeBinding } : {}) }
    const worker = new Worker(workerPath, { workerData: config })
    const waiting = new Map<number, { resolve: (result: Checked<PageMeta>) => void; reject: (error: Error) => void }>()
    let stopped: Error | null = null
    const stop = (error: Error) => {
      stopped ??= error
      for (const { reject } of waiting.values()) reject(stopped)
      waiting.clear()
    }
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.on('message', (message: FromHistoryThread) => {
      const pending = waiting.get(message.page)
      waiting.delete(message.page)
      if ('error' in message) pending?.reject(new Error(`billing history page ${message.page} could not be staged: ${message.error}`))
      else pending?.resolve(message.result)
    })
    worker.once('error', (error) => stop(new Error(`the billing history thread failed: ${error.message}`)))
    worker.once('exit', (code) => stop(new Error(`the billing history thread ended (exit code ${code})`)))
    const post = (message: ToHistoryThread) => worker.postMessage(message)
    return {
      read: (page, body) =>
        new Promise((resolve, reject) => {
          if (stopped) return reject(stopped)
          waiting.set(page, { resolve, reject })
          post({ type: 'page', page, body })
        }),
      close: async () => {
        if (!stopped) post({ type: 'close' })
        await exited
      },
    }
  }
}
