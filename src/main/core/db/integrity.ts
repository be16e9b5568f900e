import { Worker } from 'node:worker_threads'

export interface IntegrityJob {
  path: string
  nativeBinding?: string
}

export type IntegrityResult = { ok: true } | { ok: false; message: string }

export type IntegrityChecker = (job: IntegrityJob) => Promise<IntegrityResult>

/** Runs quick_check in its own thread (the built integrity.js entry). */
export function integrityInThread(workerPath: string): IntegrityChecker {
  return (job) =>
    new Promise((resolve) => {
      const worker = new Worker(workerPath, { workerData: job })
      worker.once('message', (result: IntegrityResult) => resolve(result))
      worker.once('error', (error) => resolve({ ok: false, message: error.message }))
      worker.once('exit', (code) => {
        if (code !== 0) resolve({ ok: false, message: `integrity check exited with code ${code}` })
      })
    })
}
