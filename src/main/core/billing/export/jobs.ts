// The exports under way in the core: started in the background (the core's
// queue must stay free for progress, cancel and every other call), one
// record each, progress and the end sent as events.
import type BetterSqlite3 from 'better-sqlite3'
import type { ExportSpec } from '../../../../shared/billing'
import { fail, ok, type Result } from '../../../../shared/result'
import type { Emit } from '../../core'
import { beginRecord, finishRecord, noteTemporary, readRecord } from './records'
import { checkInline, ExportCheckFailed, type ExportChecking } from './check'
import { ExportCancelled, runExport } from './run'

/** At most one progress event per this many milliseconds: a million lines need not send 200 events. */
const PROGRESS_EVERY_MS = 100

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class ExportJobs {
  private readonly running = new Map<number, { cancelled: boolean; done: Promise<void> }>()

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly emit: Emit,
    private readonly now: () => number,
    private readonly checking: ExportChecking = checkInline,
  ) {}

  start(spec: ExportSpec, target: string): Result<{ exportId: number }> {
    const exportId = beginRecord(this.db, spec, target, this.now())
    const control = { cancelled: false, done: Promise.resolve() }
    let last = 0
    control.done = runExport(
      this.db,
      {
        spec,
        target,
        isCancelled: () => control.cancelled,
        pause: nextTurn,
        onProgress: (done, total) => {
          const at = Date.now()
          if (at - last < PROGRESS_EVERY_MS && done < total) return
          last = at
          this.emit('exports:progress', { exportId, done, total })
        },
      },
      (files) => noteTemporary(this.db, exportId, files),
      this.checking,
    ).then(
      (result) => {
        finishRecord(this.db, exportId, { state: 'done', ...result }, this.now())
        const record = readRecord(this.db, exportId)
        if (record) {
          const { target: _target, ...shown } = record
          this.emit('exports:finished', { exportId, ok: true, record: shown })
        }
      },
      (error: unknown) => {
        const cancelled = error instanceof ExportCancelled
        const message = error instanceof Error ? error.message : String(error)
        finishRecord(this.db, exportId, { state: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : message }, this.now())
        this.emit('exports:finished', { exportId, ok: false, state: cancelled ? 'cancelled' : 'failed', message: cancelled ? message : `the export failed: ${message}` })
        if (!cancelled && !(error instanceof ExportCheckFailed)) console.warn(`[partner-desk] export ${exportId}: ${message}`)
      },
    ).finally(() => this.running.delete(exportId))
    this.running.set(exportId, control)
    return ok({ exportId })
  }

  rerun(id: number): Result<{ exportId: number }> {
    const record = readRecord(this.db, id)
    if (!record) return fail('invalid_input', `id: no export ${id} in this cache`)
    return this.start(record.spec, record.target)
  }

  cancel(exportId: number): { cancelled: boolean } {
    const control = this.running.get(exportId)
    if (!control) return { cancelled: false }
    control.cancelled = true
    return { cancelled: true }
  }

  /** Cancels every export under way and waits until each has removed its files. */
  async stop(): Promise<void> {
    for (const control of this.running.values()) control.cancelled = true
    await Promise.all([...this.running.values()].map((control) => control.done))
  }
}
