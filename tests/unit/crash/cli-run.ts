// One `partner-desk sync` as a user runs it: a child process on the built
// bundle, left to finish or SIGKILLed at a chosen moment. Its progress lines
// tell how far it got, which the crash test checks against the cache.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

const BIN = resolve('bin/partner-desk.cjs')
/** The CLI's progress line: `\rbilling        3000/39989`. */
const PROGRESS = /(\w+)\s+(\d+)\/(\d+)/

export interface SyncArgs {
  account: string
  dataDir: string
  baseUrl: string
  token: string
  full: boolean
}

export interface SyncRun {
  /** True when our SIGKILL ended it; false when it exited on its own first. */
  killed: boolean
  /** Its exit code when it exited on its own. */
  code: number | null
  /** The last step its progress line named (a list, or `merge`); null before the first. */
  phase: string | null
  /** It reported the merge done: the merge transaction had committed before the kill. */
  merged: boolean
  /** When its first progress line came, from the spawn: the outbox was sent by then. Null: never. */
  firstProgressMs: number | null
  elapsedMs: number
  stdout: string
  /** What it wrote to stderr besides progress: its error, if any. */
  errors: string
}

/** Runs the sync to its end, or kills it `killAfterMs` after the spawn. */
export function runSync(args: SyncArgs, killAfterMs?: number): Promise<SyncRun> {
  const argv = [BIN, 'sync', '--account', args.account, '--data-dir', args.dataDir, '--base-url', args.baseUrl, '--no-rate-limit']
  const started = performance.now()
  const child = spawn(process.execPath, args.full ? [...argv, '--full'] : argv, {
    env: { ...process.env, PARTNER_DESK_TOKEN: args.token },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  let firstProgressMs: number | null = null
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text
    if (firstProgressMs === null && PROGRESS.test(text)) firstProgressMs = performance.now() - started
  })
  const timer =
    killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          // 'exit' is handled on this same event loop, so a child seen running here has not been reaped.
          if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, 'SIGKILL')
        }, killAfterMs)
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject)
    // 'close' waits for the pipes to drain: every line the child wrote before dying is read.
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const steps = [...stderr.matchAll(new RegExp(PROGRESS, 'g'))]
      resolvePromise({
        killed: signal === 'SIGKILL',
        code,
        phase: steps.at(-1)?.[1] ?? null,
        merged: steps.some(([, step, done]) => step === 'merge' && done === '1'),
        firstProgressMs,
        elapsedMs: performance.now() - started,
        stdout,
        errors: stderr.split(/[\r\n]/).filter((line) => line.trim() !== '' && !PROGRESS.test(line)).join('\n'),
      })
    })
  })
}
