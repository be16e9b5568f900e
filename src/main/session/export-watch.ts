// Exports run in the core worker and speak only through events; this turns
// them into entries of WorkInProgress, so an update waits for them to end.
import type { EventName, EventPayload } from '../../shared/contract'
import type { WorkInProgress } from '../updates/work-in-progress'

export class ExportWatch {
  private readonly running = new Map<number, () => void>()

  constructor(private readonly work: WorkInProgress) {}

  /** An export the core accepted, or one it reports progress for (a re-export starts inside the core). */
  started(exportId: number): void {
    if (!this.running.has(exportId)) this.running.set(exportId, this.work.begin('export'))
  }

  onEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (event === 'exports:progress') this.started((payload as EventPayload<'exports:progress'>).exportId)
    if (event === 'exports:finished') this.end((payload as EventPayload<'exports:finished'>).exportId)
  }

  /** The core closed: whatever it was exporting ended with it. */
  endAll(): void {
    for (const id of [...this.running.keys()]) this.end(id)
  }

  private end(exportId: number): void {
    this.running.get(exportId)?.()
    this.running.delete(exportId)
  }
}
