// Timing helpers. Every figure is printed next to a raw baseline measured in
// the same run: this machine is noisy, so absolute times alone mislead.
import { Worker } from 'node:worker_threads'

export function time(run: () => void): number {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const ms = (value: number) => `${value.toFixed(2)} ms`

export function report(title: string, rows: Array<[string, string]>): void {
  console.log(`\n${title}`)
  for (const [label, value] of rows) console.log(`  ${label.padEnd(44)} ${value}`)
}

/**
 * Samples the process's RSS from another thread, so work that holds this
 * thread (a long synchronous transaction) is seen too; the core worker's memory is the process's.
 */
export function rssSampler(): { peak(): Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads')
     let peak = process.memoryUsage.rss()
     const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 10)
     parentPort.once('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())) })`,
    { eval: true },
  )
  return {
    peak: () =>
      new Promise((resolve) => {
        worker.once('message', (bytes: number) => void worker.terminate().then(() => resolve(bytes)))
        worker.postMessage('stop')
      }),
  }
}
