// Long work that an update must not interrupt, registered by whoever runs it.
// An export or import calls `begin` as it starts and the returned release
// when it ends (in a `finally`), so a failure never leaves the app "busy".
import type { WorkKind } from '../../shared/updates'

export class WorkInProgress {
  private readonly running = new Map<symbol, WorkKind>()
  private readonly listeners = new Set<() => void>()

  begin(kind: WorkKind): () => void {
    const token = Symbol(kind)
    this.running.set(token, kind)
    return () => {
      if (this.running.delete(token)) for (const listener of this.listeners) listener()
    }
  }

  /** The kinds of work running now, each once. */
  busy(): WorkKind[] {
    return [...new Set(this.running.values())]
  }

  /** Called whenever some work ends. */
  onEnded(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
