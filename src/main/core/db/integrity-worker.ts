// A second, read-only connection that runs the full quick_check beside the
// core, so opening a large cache is not held up by reading every page.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { IntegrityJob, IntegrityResult } from './integrity'

const job = workerData as IntegrityJob
let result: IntegrityResult
try {
  const db = new Database(job.path, {
    readonly: true,
    fileMustExist: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  })
  try {
    const answer = db.pragma('quick_check', { simple: true })
    result = answer === 'ok' ? { ok: true } : { ok: false, damage: 'found', message: String(answer) }
  } finally {
    db.close()
  }
} catch (error) {
  result = { ok: false, damage: 'found', message: error instanceof Error ? error.message : String(error) }
}
parentPort?.postMessage(result)
