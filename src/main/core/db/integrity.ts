import { Worker } from 'node:worker_threads'

export interface IntegrityJob {
  path: string
  nativeBinding?: string
}

/** `unavailable`: the check itself could not run, which says nothing about the file. */
export type IntegrityResult = { ok: true } | { ok: false; damage: 'found' | 'unavailable'; message: string }

export type IntegrityChecker = (job: IntegrityJob) => Promise<IntegrityResult>

/** Runs quick_check in its own thread (the built integrity.js entry). */
export function integrityInThread(workerPath: string): IntegrityChecker {
  return (job) =>
    new Promise((resolve) => {
      const worker = new Worker(workerPath, { workerData: job })
      worker.once('message', (result: IntegrityResult) => resolve(result))
      worker.once('error', (error) => resolve({ ok: false, damage: 'unavailable', message: error.message }))
      worker.once('exit', (code) => {
        if (code !== 0) resolve({ ok: false, damage: 'unavailable', message: `integrity check exited with code ${code}` })
      })
    })
}
